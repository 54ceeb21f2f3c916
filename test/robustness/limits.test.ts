import type { AstNode } from 'langium';
import { URI } from 'langium';
import { clearDocuments, expectCompletion } from 'langium/test';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { compilePlan } from '../../src/compiler/compile.js';
import type { Model } from '../../src/language/generated/ast.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { MAX_NESTING, MAX_SYNTAX_ERRORS, parseGuarded } from '../../src/language/planspec-parser.js';
import type { PlanspecRenameProvider } from '../../src/language/planspec-rename.js';
import { MAX_FINDINGS_PER_RULE } from '../../src/language/planspec-validator.js';
import { findRule } from '../../src/linter/registry.js';
import { load, messageOf, services } from '../helpers.js';

/**
 * Input that broke the tools before (issue "Nothing a user types or feeds it breaks it"): each test
 * failed on that code and checks that the file now gets one clear finding, and that nothing else is
 * lost.
 */
async function build(text: string, name = 'hostile.plan') {
    await clearDocuments(services.shared);
    const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///ws/${name}`));
    services.shared.workspace.LangiumDocuments.addDocument(document);
    await services.shared.workspace.DocumentBuilder.build([document], { validation: true });
    return { document, diagnostics: (document.diagnostics ?? []).map(d => ({ ...d, message: messageOf(d) })) };
}

describe('depth and size never overflow', () => {
    afterEach(() => {
        vi.restoreAllMocks();
    });

    test.each([
        ['sections', 'phần "1" "h" {\n', '}\n'],
        ['tasks', 'nhiệm vụ "x" { chủ trì A\n', '}\n'],
        ['items', '[1.] {\n', '}\n'],
        ['phases', 'giai đoạn "g" từ 2020 đến 2021 {\n', '}\n'],
    ])('%s nested 10,000 deep: one error at the first level too deep, the rest of the file still checked', async (_, open, close) => {
        const text = 'cơ quan A "A"\nkế hoạch K "t" { của A\n    nhiệm vụ "Không có chủ trì"\n' + open.repeat(10_000) + close.repeat(10_000) + '}\n';
        const { document, diagnostics } = await build(text);
        const deep = diagnostics.filter(d => /Nested deeper than 64/.test(d.message));
        expect(deep).toHaveLength(1);
        // The brace that opens level 65: the plan's own brace (line 1) is level 1, level n > 1 on line n + 1.
        expect(deep[0].range.start.line).toBe(MAX_NESTING + 2);
        expect(diagnostics.some(d => d.code === 'missing-lead' && d.range.start.line === 2)).toBe(true);
        expect(document.parseResult.parserErrors).toEqual([]);
    });

    test('130 unclosed sections: the nesting error and the missing braces, nothing more', async () => {
        const { diagnostics } = await build('kế hoạch K "t" {\n' + 'phần "1" "h" {\n'.repeat(130));
        expect(diagnostics.filter(d => /Nested deeper/.test(d.message))).toHaveLength(1);
        expect(diagnostics.length).toBeLessThanOrEqual(3);
    });

    test('100,000 lexical errors are capped, with one error counting the rest', async () => {
        const { document, diagnostics } = await build('kế hoạch K "t" {\n' + '@\n'.repeat(100_000) + '}\n');
        expect(document.parseResult.lexerErrors).toHaveLength(MAX_SYNTAX_ERRORS + 1);
        expect(diagnostics.filter(d => /Too many errors: 99800 more lexical errors/.test(d.message))).toHaveLength(1);
    });

    test('thousands of parse errors are capped, with one error counting the rest', async () => {
        const { document } = await build('kế hoạch K "t" {\n' + 'chỉ tiêu "x" trên\n'.repeat(3000) + '}\n');
        expect(document.parseResult.parserErrors).toHaveLength(MAX_SYNTAX_ERRORS + 1);
        expect(document.parseResult.parserErrors.at(-1)!.message).toMatch(/Too many syntax errors: \d+ more/);
    });

    test('130,000 free-text recipients: every finding kept up to the cap, then one counting the rest; the missing lead and the bad date still found', async () => {
        const text = 'cơ quan A "A"\nkế hoạch K "t" { của A\n nơi nhận ' + '"Nơi lạ", '.repeat(130_000) + '"b"\n'
            + ' nhiệm vụ "Không có chủ trì" { hạn 31/2/2020 }\n}\n';
        const { diagnostics } = await build(text);
        expect(diagnostics.filter(d => d.code === 'unknown-recipient')).toHaveLength(MAX_FINDINGS_PER_RULE + 1);
        expect(diagnostics.find(d => /more findings of unknown-recipient/.test(d.message))!.message).toMatch(/^Còn 129001 phát hiện nữa/);
        expect(diagnostics.some(d => d.code === 'missing-lead')).toBe(true);
        expect(diagnostics.some(d => d.code === 'invalid-date')).toBe(true);
        expect(diagnostics.some(d => d.code === 'internal-error')).toBe(false);
    }, 60_000);

    test('a chain of 3,000 nested groups does not overflow outside-authority', async () => {
        const groups = Array.from({ length: 3000 }, (_, i) => `nhóm G${i} "Nhóm" gồm ${i === 0 ? 'X' : `G${i - 1}`}`).join('\n');
        const { diagnostics } = await build(`cơ quan UB "UB"\ncơ quan X "X" độc lập\n${groups}\nkế hoạch K "t" { của UB  nhiệm vụ "a" { chủ trì G2999 } }\n`);
        expect(diagnostics.filter(d => /Internal error/.test(d.message))).toEqual([]);
        expect(diagnostics.filter(d => d.code === 'outside-authority')).toHaveLength(1);
    });

    test('a validation that fails is an error on the file, not silence', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        vi.spyOn(services.validation.DocumentValidator as unknown as { validateAst: () => Promise<unknown> }, 'validateAst')
            .mockRejectedValue(new RangeError('Maximum call stack size exceeded'));
        const { diagnostics } = await build('kế hoạch K "t" { }');
        expect(diagnostics).toHaveLength(1);
        expect(diagnostics[0]).toMatchObject({ severity: 1, code: 'internal-error' });
        expect(diagnostics[0].message).toMatch(/could not be fully checked \(Maximum call stack size exceeded\)/);
    });

    test('a rule that throws makes the check fail (an error), naming the rule', async () => {
        vi.spyOn(console, 'error').mockImplementation(() => undefined);
        vi.spyOn(findRule('missing-lead')!, 'create').mockImplementation(() => ({ Task() { throw new RangeError('boom'); } }));
        const { diagnostics } = await build('cơ quan A "A"\nkế hoạch K "t" { của A  nhiệm vụ "x" }');
        expect(diagnostics.find(d => d.code === 'missing-lead')).toMatchObject({ severity: 1, message: expect.stringMatching(/Internal error in rule missing-lead/) });
    });

    test('a file the parser cannot survive is read as empty with one error', () => {
        const realParse = services.parser.LangiumParser.parse.bind(services.parser.LangiumParser);
        const crashing = (<T extends AstNode>(text: string) => {
            if (text !== '') {
                throw new RangeError('Maximum call stack size exceeded');
            }
            return realParse<T>(text);
        }) as Parameters<typeof parseGuarded>[0];
        const result = parseGuarded<Model>(crashing, 'kế hoạch K "t" { }');
        expect(result.value.elements).toEqual([]);
        expect(result.lexerErrors.map(e => e.message)).toEqual([expect.stringMatching(/This file could not be parsed: Maximum call stack size exceeded/)]);
    });

    test('the compiler and the semantic layer work at the deepest nesting the parser allows', async () => {
        const depth = MAX_NESTING - 2;
        const text = 'cơ quan A "A"\nkế hoạch K "t" { của A  thời gian từ 2020 đến 2021\n'
            + 'nhiệm vụ "x" { chủ trì A  phối hợp A  trước ngày 20/7 hằng năm\n'.repeat(depth) + '}\n'.repeat(depth) + '}\n';
        const { document, diagnostics } = await build(text);
        expect(diagnostics.filter(d => d.severity === 1 && d.code !== 'lead-also-support')).toEqual([]);
        const json = compilePlan(document.parseResult.value.elements.find(isPlan)!, '/ws', services);
        expect(json.tasks).toHaveLength(depth);
        expect(json.tasks.at(-1)!.dueDates).toEqual(['2020-07-19', '2021-07-19']);
    });

    test('completion works inside nesting deeper than the limit', async () => {
        const text = 'cơ quan CA "Công an"\nkế hoạch K "t" {\n' + 'phần "1" "h" {\n'.repeat(200) + 'nhiệm vụ "x" { chủ trì <|> }' + '}\n'.repeat(200) + '}\n';
        await expectCompletion(services)({ text, index: 0, assert: list => expect(Array.isArray(list.items)).toBe(true) });
    });
});

describe('input read honestly', () => {
    test('a keyword typed with precomposed letters and a combining mark ("ê" + U+0323 for "ệ") is recognised', async () => {
        const mixed = 'nhi\u00ea\u0323m v\u1ee5';
        const { document, diagnostics } = await build(`cơ quan A "A"\nkế hoạch K "t" { của A  ${mixed} "x" { chủ trì A } }`);
        expect(document.parseResult.parserErrors).toEqual([]);
        expect(document.parseResult.lexerErrors).toEqual([]);
        expect(diagnostics.filter(d => d.severity === 1)).toEqual([]);
    });
});

describe('rename keeps the plan valid', () => {
    test('refuses a name that is not an id or is a keyword, and keeps the namespace of qualified references', async () => {
        const registry = 'phạm vi CaMau\ncơ quan CA_TINH "Công an tỉnh"\n';
        const plan = 'phạm vi VinhPhuc\nkế hoạch K "t" { nhiệm vụ "x" { chủ trì CaMau.CA_TINH } }\n';
        const loaded = await load({ 'plan.plan': plan, 'registry.plan': registry });
        const rename = services.lsp.RenameProvider as PlanspecRenameProvider;
        const registryDocument = loaded.documents['registry.plan'];
        const position = { line: 1, character: 9 };
        for (const bad of ['', 'a b', '1ABC', '}', 'số', 'chủ trì', 'CaMau.X']) {
            await expect(rename.rename(registryDocument, { textDocument: { uri: registryDocument.uri.toString() }, position, newName: bad }))
                .rejects.toThrow(/not a valid id|is a keyword/);
        }
        const edit = await rename.rename(registryDocument, { textDocument: { uri: registryDocument.uri.toString() }, position, newName: 'CONG_AN' });
        const planEdits = edit!.changes![loaded.documents['plan.plan'].uri.toString()];
        expect(planEdits).toHaveLength(1);
        expect(loaded.documents['plan.plan'].textDocument.getText(planEdits[0].range)).toBe('CA_TINH');
        expect(planEdits[0].newText).toBe('CONG_AN');
    });
});
