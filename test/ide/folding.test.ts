import { AstUtils, CstUtils } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import type { FoldingRange } from 'vscode-languageserver';
import { isSection, isTask } from '../../src/language/generated/ast.js';
import type { Loaded } from '../helpers.js';
import { load, services } from '../helpers.js';
import { BROKEN_INPUTS, EXAMPLE_PLANS, exampleFiles, prefixes } from './support.js';

async function folds(loaded: Loaded): Promise<FoldingRange[]> {
    return services.lsp.FoldingRangeProvider!.getFoldingRanges(loaded.main, { textDocument: { uri: loaded.main.uri.toString() } });
}

/** Ranges as "first-last" lines (1-based), with " comment" for comment folds. */
function lines(ranges: FoldingRange[]): string[] {
    return ranges.map(r => `${r.startLine + 1}-${r.endLine + 1}${r.kind ? ` ${r.kind}` : ''}`);
}

const FIXTURE = `// Kế hoạch thử: ghi chú của người soạn,
// dòng thứ hai của ghi chú,
// dòng thứ ba.
kế hoạch KH "Kế hoạch thử" {
    của UBND_TINH
    "Đoạn văn dài được ngắt
     qua nhiều dòng
     như trong bản gốc."
    phần "I" "NHIỆM VỤ" { // ghi chú sau mã
        // ghi chú ngay sau
        nhiệm vụ "a" { chủ trì STP }
        // một dòng ghi chú đơn lẻ
        nhiệm vụ "b" { chủ trì STP }
    }
    /* chú thích
       nhiều dòng
    */
    "Hai dòng
     thôi"
    nhiệm vụ "Nhiệm vụ có văn bản được ngắt
        qua hai dòng" {
        chủ trì STP
    }
    // Hai dòng ghi chú
    // ở cuối.
}
`;

describe('folding', () => {
    afterAll(async () => {
        await load('');
    });

    test('comment runs, wrapped prose and blocks fold; a block keeps its closing brace visible', async () => {
        const loaded = await load(`${FIXTURE}\ncơ quan UBND_TINH "x"\ncơ quan STP "y"\n`);
        expect(lines(await folds(loaded))).toEqual([
            '1-3 comment',      // three comment lines
            '4-25',             // the plan, up to the line before its "}"
            '6-8',              // a paragraph wrapped over three lines
            '9-13',             // a section: the comment after "{" is on a line with code, and folds with it
            '15-16 comment',    // a block comment (its "*/" line stays visible)
            '18-19',            // a paragraph of two lines
            '20-22',            // a task whose wrapped text starts its block: one fold, the block's
            '24-25 comment',    // the comment lines at the end of the plan
        ]);
    });

    test('the same ranges from decomposed (NFD) text, and from CRLF line ends', async () => {
        const expected = lines(await folds(await load(FIXTURE)));
        expect(lines(await folds(await load(FIXTURE.normalize('NFD'))))).toEqual(expected);
        expect(lines(await folds(await load(FIXTURE.replace(/\n/g, '\r\n'))))).toEqual(expected);
    });

    test.each(EXAMPLE_PLANS)('%s: every run of comment lines, wrapped string and block folds', async (main) => {
        const loaded = await load(exampleFiles(main));
        const found = await folds(loaded);
        const starts = new Map(found.map(r => [r.startLine, r]));
        expect(starts.size, 'one range per first line').toBe(found.length);
        // Runs of "//" lines, read from the text.
        const text = loaded.main.textDocument.getText().split(/\r?\n/);
        const runs: Array<[number, number]> = [];
        text.forEach((line, i) => {
            if (!/^\s*\/\//.test(line)) return;
            const last = runs[runs.length - 1];
            if (last && last[1] === i - 1) last[1] = i; else runs.push([i, i]);
        });
        const commentRuns = runs.filter(([a, b]) => b > a);
        expect(commentRuns.length).toBeGreaterThan(0);
        for (const [a, b] of commentRuns) {
            expect(starts.get(a), `comment lines ${a + 1}-${b + 1}`).toMatchObject({ startLine: a, endLine: b, kind: 'comment' });
        }
        // Sections and tasks with a block: to the line before their closing brace.
        for (const node of AstUtils.streamAst(loaded.model)) {
            const range = node.$cstNode?.range;
            if ((isSection(node) || isTask(node)) && range && node.$cstNode!.text.endsWith('}') && range.end.line - range.start.line >= 2) {
                expect(starts.get(range.start.line), `${node.$type} at line ${range.start.line + 1}`).toMatchObject({ endLine: range.end.line - 1 });
            }
        }
        // Strings wrapped over lines: folded from their first line (alone, or with the block that starts there).
        for (const leaf of CstUtils.flattenCst(loaded.model.$cstNode!)) {
            if (leaf.tokenType.name === 'STRING' && leaf.range.end.line > leaf.range.start.line) {
                expect(starts.get(leaf.range.start.line)?.endLine).toBeGreaterThanOrEqual(leaf.range.end.line);
            }
        }
    });

    test('never throws on partial or broken input', async () => {
        const text = exampleFiles('dong-nai/kh-7488.plan')['dong-nai/kh-7488.plan'];
        for (const input of [...BROKEN_INPUTS, ...prefixes(text, 30), ...prefixes(FIXTURE, 30)]) {
            for (const range of await folds(await load(input))) {
                expect(range.endLine).toBeGreaterThan(range.startLine);
            }
        }
    });
});
