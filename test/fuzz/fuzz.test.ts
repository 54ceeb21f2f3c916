import * as fc from 'fast-check';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterAll, describe, expect, test } from 'vitest';

/**
 * Mutation fuzzing of the examples: a file of the example workspace is mutated (tokens deleted,
 * duplicated, swapped, shuffled; random Unicode and real keywords inserted; long lines, deep
 * nesting, floods of broken lines; normalization and line endings changed; cut short) and the
 * workspace goes through parse, link, every rule, compile (twice, for determinism, and against the
 * schema), formatting, completion, hover, definition, references, symbols, folding, semantic
 * tokens, document links, workspace symbols, code lenses and inlay hints. Nothing may throw, report an internal error, or take longer than a time bound.
 *
 * Runs for FUZZ_SECONDS (60 in `npm test`; `npm run fuzz` runs 10 minutes). A failure prints the
 * fast-check seed and path: rerun with FUZZ_SEED=<seed> FUZZ_PATH=<path> to replay it.
 */
const SECONDS = Number(process.env.FUZZ_SECONDS ?? 60);
/** A case slower than this is a hang; the slowest legitimate case takes a few seconds. */
const CASE_TIMEOUT_MS = Number(process.env.FUZZ_CASE_TIMEOUT_MS ?? 30_000);

const files: Array<[string, string]> = fs.readdirSync('examples', { recursive: true, encoding: 'utf8' })
    .filter(name => name.endsWith('.plan'))
    .map(name => name.split(path.sep).join('/'))
    .sort()
    .map(name => [name, fs.readFileSync(path.join('examples', name), 'utf8')]);

/** Words, strings and punctuation; a mutation moves whole tokens so that it meets the parser half-way. */
const TOKEN = /\s+|"[^"\n]*"|[\p{L}\p{M}\p{N}_]+|[^\s]/gu;
const tokenize = (text: string): string[] => text.match(TOKEN) ?? [];
const vocabulary = [...new Set(files.flatMap(([, text]) => tokenize(text)).filter(t => t.trim() !== ''))];

type Mutation =
    | { kind: 'delete' | 'duplicate'; at: number; count: number }
    | { kind: 'swap'; at: number; other: number; count: number }
    | { kind: 'shuffle'; at: number; order: number[] }
    | { kind: 'insert'; at: number; text: string }
    | { kind: 'replace'; at: number; shape: 'number' | 'string' | 'word'; text: string }
    | { kind: 'repeat'; at: number; text: string; times: number }
    | { kind: 'nest'; at: number; opener: string; depth: number; closed: boolean }
    | { kind: 'normalize'; form: 'NFC' | 'NFD' }
    | { kind: 'line-endings'; eol: '\r\n' | '\r' }
    | { kind: 'cut'; at: number };

const at = fc.nat();
const unicode = fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 20 }),
    fc.string({ unit: 'binary', maxLength: 20 }),
    // Vietnamese letters, combining marks, and the punctuation the grammar cares about.
    fc.string({ unit: fc.constantFrom(...'ăâđêôơưáàảãạếềểễệ\u0300\u0301\u0303\u0309\u0323{}[]()"\'/.,:;-%0123456789 \n\t\u00a0\u200b\ufeff'), maxLength: 30 }),
);
const SHAPES = { number: /^\d/u, string: /^"/u, word: /^\p{L}/u } as const;
const numbers = fc.oneof(
    fc.constantFrom('0', '00', '1', '12', '13', '29', '30', '31', '32', '2020', '1900', '9999', '99999999999999999999', '0,5', '1.000', '100', '101'),
    fc.nat().map(String),
);
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    // Same-shape replacements keep the file parsing, so that they reach the rules and the compiler.
    fc.record({ kind: fc.constant('replace' as const), at, shape: fc.constant('number' as const), text: numbers }),
    fc.record({ kind: fc.constant('replace' as const), at, shape: fc.constant('string' as const), text: unicode.map(t => `"${t.replace(/["\n\r]/g, '')}"`) }),
    fc.record({ kind: fc.constant('replace' as const), at, shape: fc.constant('word' as const), text: fc.constantFrom(...vocabulary.filter(t => SHAPES.word.test(t))) }),
    fc.record({ kind: fc.constant('delete' as const), at, count: fc.integer({ min: 1, max: 8 }) }),
    fc.record({ kind: fc.constant('duplicate' as const), at, count: fc.integer({ min: 1, max: 40 }) }),
    fc.record({ kind: fc.constant('swap' as const), at, other: at, count: fc.integer({ min: 1, max: 10 }) }),
    fc.record({ kind: fc.constant('shuffle' as const), at, order: fc.array(fc.nat({ max: 11 }), { minLength: 2, maxLength: 12 }) }),
    fc.record({ kind: fc.constant('insert' as const), at, text: fc.oneof(unicode, fc.constantFrom(...vocabulary)) }),
    fc.record({
        kind: fc.constant('repeat' as const), at,
        // Long lines (a token repeated on one line) and floods of broken lines.
        text: fc.oneof(fc.constantFrom(...vocabulary).map(t => t + ' '), fc.constantFrom('chỉ tiêu "x" trên\n', '@\n', '}\n', '"\n', 'ngày 31/2/2020\n', 'định kỳ 0 tháng\n', '"Nơi lạ", ')),
        times: fc.integer({ min: 2, max: 3000 }),
    }),
    fc.record({
        kind: fc.constant('nest' as const), at,
        opener: fc.constantFrom('phần "1" "h" {\n', 'nhiệm vụ "x" {\n', '[1.] {\n', 'giai đoạn "g" từ 2020 đến 2021 {\n', '{', '(', '['),
        depth: fc.integer({ min: 2, max: 3000 }),
        closed: fc.boolean(),
    }),
    fc.record({ kind: fc.constant('normalize' as const), form: fc.constantFrom('NFC' as const, 'NFD' as const) }),
    fc.record({ kind: fc.constant('line-endings' as const), eol: fc.constantFrom('\r\n' as const, '\r' as const) }),
    fc.record({ kind: fc.constant('cut' as const), at }),
);

function mutate(text: string, mutations: Mutation[]): string {
    let tokens = tokenize(text);
    for (const m of mutations) {
        const i = 'at' in m ? m.at % (tokens.length + 1) : 0;
        switch (m.kind) {
            case 'delete':
                tokens.splice(i, m.count);
                break;
            case 'duplicate':
                tokens.splice(i, 0, ...tokens.slice(i, i + m.count));
                break;
            case 'swap': {
                const j = m.other % (tokens.length + 1);
                const [a, b] = i < j ? [i, j] : [j, i];
                const first = tokens.slice(a, Math.min(a + m.count, b));
                const second = tokens.slice(b, b + m.count);
                tokens = [...tokens.slice(0, a), ...second, ...tokens.slice(a + first.length, b), ...first, ...tokens.slice(b + second.length)];
                break;
            }
            case 'shuffle': {
                const window = tokens.slice(i, i + m.order.length);
                const shuffled = m.order.map((k, n) => window[(k + n) % Math.max(window.length, 1)]).filter(t => t !== undefined).slice(0, window.length);
                tokens.splice(i, window.length, ...shuffled);
                break;
            }
            case 'insert':
                tokens.splice(i, 0, m.text);
                break;
            case 'replace': {
                const found = tokens.findIndex((t, k) => k >= i && SHAPES[m.shape].test(t));
                if (found >= 0) tokens[found] = m.text;
                break;
            }
            case 'repeat':
                tokens.splice(i, 0, m.text.repeat(m.times));
                break;
            case 'nest':
                tokens.splice(i, 0, m.opener.repeat(m.depth) + (m.closed ? ({ '(': ')', '[': ']' }[m.opener] ?? '}\n').repeat(m.depth) : ''));
                break;
            case 'normalize':
                tokens = tokenize(tokens.join('').normalize(m.form));
                break;
            case 'line-endings':
                tokens = tokenize(tokens.join('').replace(/\r?\n/g, m.eol));
                break;
            case 'cut':
                tokens = tokens.slice(0, i);
                break;
        }
    }
    return tokens.join('');
}

interface Outcome { failures: string[]; plans: number; diagnostics: number }

/** One worker thread running cases one at a time; a case past the time bound is a hang and the worker is replaced. */
class CaseRunner {
    private worker: Worker | undefined;
    private next = 0;

    async run(input: { files: Array<[string, string]>; target: string; offsets: number[] }): Promise<Outcome> {
        this.worker ??= new Worker(new URL('./worker.mjs', import.meta.url));
        const worker = this.worker;
        const id = this.next++;
        return new Promise<Outcome>((resolve, reject) => {
            const timer = setTimeout(() => {
                cleanup();
                void worker.terminate();
                this.worker = undefined;
                reject(new Error(`hang: ${input.target} took longer than ${CASE_TIMEOUT_MS} ms`));
            }, CASE_TIMEOUT_MS);
            const onMessage = (message: { id: number; result?: Outcome; error?: string }) => {
                if (message.id !== id) return;
                cleanup();
                if (message.error !== undefined) {
                    reject(new Error(`exception on ${input.target}: ${message.error}`));
                } else {
                    resolve(message.result!);
                }
            };
            const onExit = (code: number) => {
                cleanup();
                this.worker = undefined;
                reject(new Error(`the worker died (exit ${code}) on ${input.target}`));
            };
            const cleanup = () => {
                clearTimeout(timer);
                worker.off('message', onMessage);
                worker.off('exit', onExit);
            };
            worker.on('message', onMessage);
            worker.on('exit', onExit);
            worker.postMessage({ id, input });
        });
    }

    async close(): Promise<void> {
        await this.worker?.terminate();
    }
}

describe('fuzzing the examples', () => {
    const runner = new CaseRunner();
    afterAll(() => runner.close());

    test(`mutated examples never break parse, link, rules, compile or the editor (${SECONDS} s)`, async () => {
        const seen = { cases: 0, compiled: 0, diagnostics: 0 };
        const property = fc.asyncProperty(
            // Plans three times as often as registries.
            fc.constantFrom(...files.flatMap(([name], i) => (/co-quan|van-ban|chi-so/.test(name) ? [i] : [i, i, i]))),
            fc.array(mutation, { minLength: 1, maxLength: 3 }),
            fc.array(fc.nat(), { minLength: 1, maxLength: 3 }),
            async (index, mutations, offsets) => {
                const target = files[index][0];
                const workspace = files.map(([name, text]): [string, string] => [name, name === target ? mutate(text, mutations) : text]);
                const outcome = await runner.run({ files: workspace, target, offsets });
                seen.cases++;
                seen.compiled += outcome.plans > 0 ? 1 : 0;
                seen.diagnostics += outcome.diagnostics;
                if (outcome.failures.length > 0) {
                    throw new Error(`${target}:\n${outcome.failures.slice(0, 5).join('\n')}`);
                }
            },
        );
        const details = await fc.check(property, {
            numRuns: 1_000_000,
            interruptAfterTimeLimit: SECONDS * 1000,
            seed: process.env.FUZZ_SEED === undefined ? undefined : Number(process.env.FUZZ_SEED),
            path: process.env.FUZZ_PATH,
        });
        if (details.failed) {
            const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance);
            throw new Error(`${fc.defaultReportMessage(details)}\n${error}`);
        }
        console.log(`fuzz: ${seen.cases} cases in ${SECONDS} s (seed ${details.seed}), ${seen.compiled} compiled, ${seen.diagnostics} findings`);
        // The fuzz must actually have run: a harness that never reaches the code proves nothing.
        expect(seen.cases).toBeGreaterThanOrEqual(Math.min(30, SECONDS));
        expect(seen.compiled).toBeGreaterThan(0);
    }, SECONDS * 1000 + 5 * CASE_TIMEOUT_MS + 60_000);
});
