import { describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAgency } from '../../src/language/generated/ast.js';
import {
    isAskOfficialNameArgs, officialNameLiteral, placeholderColumns, prompt, validateOfficialName,
} from '../../src/extension/official-name.js';
import {
    checkedMessage, compiledMessage, countDiagnostics, docTitle, notCompiledMessage, outputFolderOf, ruleIdOf, statusText,
    statusTooltip, temporaryName,
} from '../../src/extension/strings.js';
import { expectCleanFix } from '../fix-helpers.js';
import { inPlan, load } from '../helpers.js';

/** What the extension's commands compute, without VS Code (src/extension/strings.ts, official-name.ts). */

describe('planspec.askOfficialName', () => {
    async function declared() {
        const applied = await expectCleanFix(inPlan(`    nhiệm vụ NV1 "Rà soát" { chủ trì SO_MOI }`), {
            rule: 'unresolved-reference', title: /^Khai báo cơ quan SO_MOI/,
            added: ['unfilled-placeholder', 'unfilled-placeholder', 'unfilled-placeholder'],
        });
        const args = applied.action.command?.arguments?.[0];
        expect(isAskOfficialNameArgs(args)).toBe(true);
        return { applied, args: args as { uri: string; range: Range; id: string; declaration: 'agency' } };
    }

    function fill(text: string, range: Range, name: string): string | undefined {
        const document = TextDocument.create('file:///ws/registry.plan', 'planspec', 1, text);
        const line = text.split('\n')[range.start.line];
        const columns = placeholderColumns(line, range);
        if (!columns) return undefined;
        return TextDocument.applyEdits(document, [{
            range: { start: { line: range.start.line, character: columns.start }, end: { line: range.start.line, character: columns.end } },
            newText: officialNameLiteral(name),
        }]);
    }

    test('the name typed (composed or decomposed) replaces the placeholder the quick fix left: the body is declared by that name', async () => {
        const { applied, args } = await declared();
        expect(prompt(args)).toBe('Tên chính thức của cơ quan SO_MOI, như văn bản ghi / Official name of the body SO_MOI, as printed');
        for (const typed of ['Sở Mới tỉnh Vĩnh Phúc', '  Sở Mới tỉnh Vĩnh Phúc '.normalize('NFD')]) {
            expect(validateOfficialName(typed)).toBeUndefined();
            const registry = fill(applied.files['registry.plan'], args.range, typed)!;
            expect(registry).toContain('cơ quan SO_MOI "Sở Mới tỉnh Vĩnh Phúc" thuộc CẦN_ĐIỀN');
            const after = await load({ 'plan.plan': applied.files['plan.plan'], 'registry.plan': registry });
            const body = after.documents['registry.plan'].parseResult.value.elements.find(e => isAgency(e) && e.name === 'SO_MOI');
            expect(isAgency(body) && body.officialName).toBe('Sở Mới tỉnh Vĩnh Phúc');
            // The parent is still to be filled in; the name no longer is.
            const left = (after.documents['registry.plan'].diagnostics ?? []).filter(d => d.code === 'unfilled-placeholder');
            expect(left.map(d => after.documents['registry.plan'].textDocument.getText(d.range))).toEqual(['CẦN_ĐIỀN']);
        }
    });

    test('quotes and backslashes in the name are escaped; the placeholder is found again when text before it moved it', async () => {
        const { applied, args } = await declared();
        const lines = applied.files['registry.plan'].split('\n');
        lines[args.range.start.line] = `    ${lines[args.range.start.line]}`;
        const registry = fill(lines.join('\n'), args.range, 'Ban "Chỉ đạo" 138\\A')!;
        expect(registry).toContain('    cơ quan SO_MOI "Ban \\"Chỉ đạo\\" 138\\\\A" thuộc');
        const after = await load({ 'plan.plan': applied.files['plan.plan'], 'registry.plan': registry });
        const body = after.documents['registry.plan'].parseResult.value.elements.find(e => isAgency(e) && e.name === 'SO_MOI');
        expect(isAgency(body) && body.officialName).toBe('Ban "Chỉ đạo" 138\\A');
    });

    test('nothing is written when the placeholder is gone; a decomposed one is found', () => {
        const range = { start: { line: 0, character: 15 }, end: { line: 0, character: 30 } };
        expect(placeholderColumns('cơ quan SO_MOI "Sở Mới" thuộc UBND_TINH', range)).toBeUndefined();
        const decomposed = 'cơ quan SO_MOI "[cần điền: tên]" thuộc X'.normalize('NFD');
        const start = decomposed.indexOf('"');
        expect(placeholderColumns(decomposed, range)).toEqual({ start, end: start + '"[cần điền: tên]"'.normalize('NFD').length });
    });

    test('an empty name, several lines, or the placeholder itself are refused, bilingually', () => {
        expect(validateOfficialName('   ')).toBe('Cần nhập tên / A name is required');
        expect(validateOfficialName('Sở\nTư pháp')).toMatch(/một dòng.* \/ .*one line/);
        expect(validateOfficialName('[CẦN ĐIỀN: tên]'.normalize('NFD'))).toMatch(/chỗ cần điền \/ This is still a placeholder/);
    });

    test('arguments that are not the quick fix\'s are refused', () => {
        const range = { start: { line: 1, character: 2 }, end: { line: 1, character: 9 } };
        expect(isAskOfficialNameArgs({ uri: 'file:///a', id: 'X', declaration: 'agency', range })).toBe(true);
        expect(isAskOfficialNameArgs(undefined)).toBe(false);
        expect(isAskOfficialNameArgs({ uri: 'file:///a', id: 'X', declaration: 'other', range })).toBe(false);
        expect(isAskOfficialNameArgs({ uri: 'file:///a', id: 'X', declaration: 'agency', range: { start: { line: -1, character: 0 }, end: range.end } })).toBe(false);
        expect(isAskOfficialNameArgs({ uri: 'file:///a', id: 'X', declaration: 'document', range: { start: range.start, end: { line: 2, character: 0 } } })).toBe(false);
    });
});

describe('status bar, messages and settings', () => {
    test('counts only planspec diagnostics, errors and warnings (VS Code severities)', () => {
        const counts = countDiagnostics([
            ['a.plan', [{ source: 'planspec', severity: 0 }, { source: 'planspec', severity: 1 }, { source: 'planspec', severity: 2 }]],
            ['b.plan', [{ source: 'planspec', severity: 0 }, { source: 'eslint', severity: 0 }]],
            ['c.ts', [{ severity: 1 }]],
        ]);
        expect(counts).toEqual({ errors: 2, warnings: 1 });
        expect(statusText(counts)).toBe('$(error) 2 $(warning) 1');
        expect(statusTooltip(counts)).toBe('planspec: 2 lỗi, 1 cảnh báo — bấm để mở Problems / 2 errors, 1 warnings — click to open Problems');
    });

    test('the rule id of a diagnostic code, never a path', () => {
        expect(ruleIdOf('missing-lead')).toBe('missing-lead');
        expect(ruleIdOf({ value: 'multiple-leads', target: 'file:///x' })).toBe('multiple-leads');
        expect(ruleIdOf('../../etc/passwd')).toBeUndefined();
        expect(ruleIdOf(3)).toBeUndefined();
        expect(ruleIdOf(undefined)).toBeUndefined();
        expect(docTitle('missing-lead')).toBe('Xem tài liệu quy tắc missing-lead / Show documentation for rule missing-lead');
    });

    test('planspec.compile.outputFolder: relative segments, absolute paths, empty meaning beside the plan', () => {
        expect(outputFolderOf('')).toBeUndefined();
        expect(outputFolderOf('  ')).toBeUndefined();
        expect(outputFolderOf(undefined)).toBeUndefined();
        expect(outputFolderOf('build/plans')).toEqual({ relative: ['build', 'plans'] });
        expect(outputFolderOf('.\\build\\kế hoạch\\')).toEqual({ relative: ['build', 'kế hoạch'] });
        expect(outputFolderOf('/srv/plans')).toEqual({ absolute: '/srv/plans' });
        expect(outputFolderOf('C:\\plans')).toEqual({ absolute: 'C:\\plans' });
        expect(temporaryName('KH_PCMT.json', 'abc')).toBe('.KH_PCMT.json.abc.tmp');
    });

    test('messages are Vietnamese first, then English', () => {
        expect(checkedMessage({ files: 12, errors: 0, warnings: 57, infos: 4 })).toBe(
            'planspec: đã kiểm tra 12 tệp: 0 lỗi, 57 cảnh báo, 4 thông tin / checked 12 files: 0 errors, 57 warnings, 4 infos');
        expect(notCompiledMessage([{ message: 'Nhiệm vụ chưa có đơn vị chủ trì / no lead' }, { message: 'x' }], 'b.plan:5:9')).toBe(
            'planspec: không biên dịch vì có 2 lỗi / not compiled: 2 errors. b.plan:5:9: Nhiệm vụ chưa có đơn vị chủ trì / no lead');
        expect(compiledMessage(['ca-mau/CaMau.KH.json'])).toBe('planspec: đã ghi / written ca-mau/CaMau.KH.json');
    });
});
