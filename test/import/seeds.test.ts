import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { importText } from '../../src/import/index.js';
import { expectNoSyntaxErrors, load } from '../helpers.js';
import { clauses, unresolved } from './import-helpers.js';

const SEEDS = 'test/fixtures/seeds';
const seeds = fs.readdirSync(SEEDS).filter(f => f.endsWith('.txt')).sort();

/** Every .plan file of examples/, named by its path inside it. */
function examples(): Record<string, string> {
    const files: Record<string, string> = {};
    const walk = (dir: string): void => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.name.endsWith('.plan')) {
                // All in one folder: an in-memory folder is its own workspace (no planspec.config.json).
                files[path.relative('examples', full).split(path.sep).join('__')] = fs.readFileSync(full, 'utf8');
            }
        }
    };
    walk('examples');
    return files;
}

describe('the five seed originals, imported into the examples workspace', () => {
    test('there are five', () => {
        expect(seeds).toHaveLength(5);
    });

    test.each(seeds)('%s: a draft with no syntax error, every reference resolved, in the seed\'s namespace', async seed => {
        const result = await importText(fs.readFileSync(path.join(SEEDS, seed), 'utf8'), { workspace: 'examples', sourceName: seed });
        const files: Record<string, string> = { 'draft.plan': result.plan, ...examples() };
        if (result.registry) {
            files['draft.registry.plan'] = result.registry;
        }
        const loaded = await load(files);
        expectNoSyntaxErrors(loaded);
        expect(unresolved(loaded)).toEqual([]);
        expect(result.plan).toMatch(/^(phạm vi \w+\n\n)?\/\/ Nhập từ \/ Imported from: /u);
        // Something was recognised in each: tasks or targets, and the sections.
        const lines = clauses(result.plan);
        expect(lines.filter(l => /^(\[[^\]]*\] )?(nhiệm vụ|giao|đề nghị|chỉ tiêu) /u.test(l)).length).toBeGreaterThan(3);
        expect(lines.filter(l => l.startsWith('phần ')).length).toBeGreaterThan(2);
    }, 60_000);

    test('a seed in decomposed Unicode (NFD) gives the same draft as in NFC', async () => {
        const text = fs.readFileSync(path.join(SEEDS, seeds[2]), 'utf8');
        const nfc = await importText(text.normalize('NFC'), { workspace: 'examples', sourceName: seeds[2] });
        const nfd = await importText(text.normalize('NFD'), { workspace: 'examples', sourceName: seeds[2] });
        expect(nfd.plan).toBe(nfc.plan);
        expect(nfd.registry).toBe(nfc.registry);
    }, 60_000);

    test('the namespace is the seed\'s province: the one the text names, or (003 names none) the one that declares the bodies it names', async () => {
        const expected: Record<string, string> = { '000': 'VinhPhuc', '001': 'ThaiBinh', '002': 'CaMau', '003': 'TinhKhuyetDanh', '004': 'DongNai' };
        for (const [prefix, namespace] of Object.entries(expected)) {
            const seed = seeds.find(s => s.startsWith(prefix))!;
            const result = await importText(fs.readFileSync(path.join(SEEDS, seed), 'utf8'), { workspace: 'examples' });
            expect(result.plan.split('\n')[0]).toBe(`phạm vi ${namespace}`);
        }
    }, 60_000);
});
