import * as fs from 'node:fs';
import { EmptyFileSystem } from 'langium';
import { describe, expect, test } from 'vitest';
import { importText } from '../../src/import/index.js';
import { createPlanspecServices } from '../../src/language/planspec-module.js';

const parser = createPlanspecServices(EmptyFileSystem).Planspec.parser.LangiumParser;

function syntaxErrors(text: string): string[] {
    const result = parser.parse(text);
    return [...result.lexerErrors, ...result.parserErrors].map(e => e.message);
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
    let s = seed >>> 0;
    return () => {
        s = (s * 1664525 + 1013904223) >>> 0;
        return s / 2 ** 32;
    };
}

const NOISE = ['"', '\\', '{', '}', '[', ']', '//', '/*', '*/', '|', 'Giao ', 'Đề nghị ', '1.', 'a)', '- ', 'chủ trì', '100%', 'trước ngày 31/2', 'Quý IV/', 'Số: /', 'Nơi nhận:', 'KT. ', 'PHỤ LỤC', '\u0301', '\t', '\r'];

describe('the importer on broken input', () => {
    const seed = fs.readFileSync('test/fixtures/seeds/002_2117e8bc9ba2a620.txt', 'utf8');
    test.each(Array.from({ length: 12 }, (_, i) => i + 1))('mutated seed text %i: a draft and registry additions with no syntax error', async n => {
        const next = random(n);
        const lines = seed.split('\n');
        // Cut a window of the text, then delete, duplicate and scramble lines and insert noise.
        const start = Math.floor(next() * lines.length * 0.8);
        const window = lines.slice(start, start + 150 + Math.floor(next() * 300));
        const mutated: string[] = [];
        for (const line of window) {
            const r = next();
            if (r < 0.1) {
                continue;
            }
            let text = line;
            if (r < 0.3) {
                const at = Math.floor(next() * (text.length + 1));
                text = text.slice(0, at) + NOISE[Math.floor(next() * NOISE.length)] + text.slice(at);
            }
            mutated.push(text);
            if (r > 0.95) {
                mutated.push(text);
            }
        }
        const result = await importText(mutated.join('\n'), { sourceName: `mutated-${n}.txt` });
        expect(syntaxErrors(result.plan)).toEqual([]);
        if (result.registry) {
            expect(syntaxErrors(result.registry)).toEqual([]);
        }
    }, 30_000);
});
