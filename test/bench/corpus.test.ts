// The benchmark corpus (scripts/bench-corpus.mjs): what `npm run bench` measures must be plans the
// language reads without a single error, and the same plans on every run for a given seed.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { collectFindings } from '../../src/cli/findings.js';
import { loadWorkspace } from '../../src/workspace/load.js';
import type { Manifest } from '../../scripts/bench-corpus.mjs';

let dir: string;
let manifest: Manifest;
const small = { shapes: ['a'], plans: 5, bigLines: 500, seed: 7 };

async function generate(out: string): Promise<Manifest> {
    const { generate } = await import('../../scripts/bench-corpus.mjs');
    return generate({ out, ...small });
}

function files(root: string): string[] {
    return fs.readdirSync(root, { recursive: true }).map(String).filter(f => fs.statSync(path.join(root, f)).isFile()).sort();
}

beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-corpus-'));
    manifest = await generate(path.join(dir, 'one'));
});

afterAll(() => {
    fs.rmSync(dir, { recursive: true, force: true });
});

describe('bench corpus', () => {
    test('shape a: a workspace with the national and provincial registries, 5 plans and one big plan', () => {
        const a = path.join(dir, 'one', 'a');
        const plans = files(a).filter(f => f.includes('ke-hoach'));
        expect(plans).toHaveLength(6);
        expect(fs.existsSync(path.join(a, 'planspec.config.json'))).toBe(true);
        expect(fs.existsSync(path.join(a, 'quoc-gia', 'van-ban.plan'))).toBe(true);
        const big = fs.readFileSync(path.join(dir, 'one', manifest.shapes.a.big!), 'utf8');
        expect(big.split('\n').length).toBeGreaterThanOrEqual(480);
        expect(big.split('\n').length).toBeLessThanOrEqual(560);
        for (const plan of plans.filter(p => !p.endsWith('kh-lon.plan'))) {
            const lines = fs.readFileSync(path.join(a, plan), 'utf8').split('\n').length;
            expect(lines).toBeGreaterThan(250);
            expect(lines).toBeLessThan(360);
        }
        expect(manifest.shapes.a.lines).toBeGreaterThan(1500);
    });

    test('the plans recombine the examples\' prose: no paragraph of the big plan is most of it', () => {
        const big = fs.readFileSync(path.join(dir, 'one', manifest.shapes.a.big!), 'utf8');
        const strings = [...big.matchAll(/"((?:\\.|[^"\\]){80,})"/g)].map(m => m[1]);
        expect(strings.length).toBeGreaterThan(80);
        // Re-spun and recombined: most long strings occur once.
        expect(new Set(strings).size / strings.length).toBeGreaterThan(0.9);
        // Vietnamese kept composed (NFC), as the examples are.
        expect(big).toBe(big.normalize('NFC'));
        expect(big).toMatch(/nhiệm vụ NV_\d+ "/);
        expect(big).toMatch(/chỉ tiêu CT_\d+ "/);
    });

    test('cross-file references: plans cite registry documents by number and implement earlier plans', () => {
        const a = path.join(dir, 'one', 'a');
        const registry = fs.readFileSync(path.join(a, 'son-ha', 'co-quan.plan'), 'utf8');
        const plans = files(a).filter(f => f.includes('ke-hoach')).map(f => fs.readFileSync(path.join(a, f), 'utf8')).join('\n');
        const numbers = [...registry.matchAll(/số "([^"]+)"/g)].map(m => m[1]);
        expect(numbers.some(n => plans.includes(`số ${n} ngày`))).toBe(true);
        expect(plans).toMatch(/thực hiện [A-Z0-9_]+, KH_\d{4}/);
    });

    test('parses and links with no error, and gets the warnings real plans get', async () => {
        const loaded = await loadWorkspace([path.join(dir, 'one', 'a')]);
        const findings = collectFindings(loaded.all);
        expect(loaded.problems).toEqual([]);
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
        const rules = new Set(findings.filter(f => f.severity === 'warning').map(f => f.ruleId));
        expect(rules).toContain('task-without-deadline');
        expect(rules).toContain('relative-target-without-baseline');
        for (const document of loaded.all) {
            expect(document.parseResult.lexerErrors).toEqual([]);
            expect(document.parseResult.parserErrors).toEqual([]);
        }
    }, 120_000);

    test('deterministic: the same seed writes the same files, byte for byte', async () => {
        await generate(path.join(dir, 'two'));
        const one = path.join(dir, 'one', 'a');
        const two = path.join(dir, 'two', 'a');
        expect(files(two)).toEqual(files(one));
        for (const f of files(one)) {
            expect(fs.readFileSync(path.join(two, f), 'utf8'), f).toBe(fs.readFileSync(path.join(one, f), 'utf8'));
        }
    });

    test('the first plans do not depend on how many are generated', async () => {
        const { generate } = await import('../../scripts/bench-corpus.mjs');
        generate({ out: path.join(dir, 'three'), ...small, plans: 3 });
        const name = path.join('a', 'son-ha', 'ke-hoach', 'kh-0002.plan');
        expect(fs.readFileSync(path.join(dir, 'three', name), 'utf8')).toBe(fs.readFileSync(path.join(dir, 'one', name), 'utf8'));
    });
});

describe('bench: a plan of near-identical paragraphs', () => {
    test('parses with no error; its paragraphs are near copies, each reported as such', async () => {
        const { nearIdentical } = await import('../../scripts/bench-corpus.mjs');
        const out = path.join(dir, 'near');
        const made = nearIdentical(out, { megabytes: 0.1, seed: 3 });
        expect(made.bytes).toBeGreaterThan(100_000);
        const text = fs.readFileSync(made.plan, 'utf8');
        const paragraphs = [...text.matchAll(/\[-\] "((?:\\.|[^"\\])*)"/g)].map(m => m[1]);
        expect(paragraphs.length).toBeGreaterThan(50);
        // Copies with one word changed: almost all differ from one another, each shares all but one word with another.
        expect(new Set(paragraphs).size / paragraphs.length).toBeGreaterThan(0.9);
        const loaded = await loadWorkspace([out]);
        const findings = collectFindings(loaded.all);
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
        const near = findings.filter(f => f.ruleId === 'duplicate-text' && f.file.endsWith('kh-lap.plan'));
        expect(near.length).toBeGreaterThan(paragraphs.length / 2);
        // The same seed, the same plan.
        expect(fs.readFileSync(nearIdentical(path.join(dir, 'near-again'), { megabytes: 0.1, seed: 3 }).plan, 'utf8')).toBe(text);
    }, 120_000);
});
