import { URI } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import type { DocumentLink } from 'vscode-languageserver';
import { ruleIdsIn } from '../../src/ide/document-links.js';
import { isDocument, isPlan } from '../../src/language/generated/ast.js';
import { ruleDocUrl } from '../../src/linter/rule.js';
import type { Loaded } from '../helpers.js';
import { load, services, NATIONAL, REGISTRY } from '../helpers.js';
import { BROKEN_INPUTS, EXAMPLE_PLANS, exampleFiles, prefixes, textAt } from './support.js';

async function links(loaded: Loaded): Promise<DocumentLink[]> {
    return services.lsp.DocumentLinkProvider!.getDocumentLinks(loaded.main, { textDocument: { uri: loaded.main.uri.toString() } });
}

/** The file (its path in the workspace) and the 0-based line and column a link opens. */
function opens(link: DocumentLink): { file: string; line: number; character: number } {
    const uri = URI.parse(link.target!);
    const m = /^L(\d+),(\d+)$/.exec(uri.fragment);
    expect(m, `a line and column in ${link.target}`).not.toBeNull();
    return { file: uri.path.replace(/^\/ws\//, ''), line: Number(m![1]) - 1, character: Number(m![2]) - 1 };
}

const PLAN = `phạm vi VinhPhuc
kế hoạch KH "Kế hoạch thử" {
    của UBND_TINH
    căn cứ ⟦CT_39⟧
    "Thực hiện Chỉ thị số ⟦39/CT-TTg⟧ ngày 24/10/2017 của Thủ tướng Chính phủ và Chỉ thị số 99/CT-TTg."
    "Theo Chỉ thị về tăng cường công tác phòng ngừa." trích dẫn ⟦CT_39⟧ ("Chỉ thị về tăng cường")
    // planspec-disable-next-line ⟦multiple-leads⟧, khong-co-quy-tac -- bản gốc giao hai cơ quan cùng chủ trì
    nhiệm vụ "Tuyên truyền" { chủ trì STP, CA_TINH  khi ⟦CT_39⟧ "được sửa đổi" }
    /* planspec-disable ⟦duplicate-text⟧ ⟦lead-not-stated⟧ -- lặp lại nguyên văn trong bản gốc */
}
`;

describe('document links', () => {
    afterAll(async () => {
        await load('');
    });

    test('a document named by id or by number-symbol opens its declaration; a suppressed rule its doc page', async () => {
        const loaded = await load({ 'plan.plan': PLAN, 'registry.plan': REGISTRY, 'national.plan': NATIONAL });
        const found = (await links(loaded)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        expect(found.map(l => l.range)).toEqual(loaded.marked);
        const declaration = loaded.documents['national.plan'].textDocument.getText().split('\n').findIndex(l => l.startsWith('văn bản CT_39'));
        for (const link of [found[0], found[1], found[2], found[4]]) {
            expect(opens(link)).toEqual({ file: 'national.plan', line: declaration, character: 'văn bản '.length });
            expect(link.tooltip).toBe('Chỉ thị số 39/CT-TTg: mở nơi khai báo / open its declaration (CT_39)');
        }
        // "99/CT-TTg" is declared nowhere: not linked. The unknown rule id is not linked either.
        expect(found.map(l => textAt(loaded.main, l.range))).toEqual([
            'CT_39', '39/CT-TTg', 'CT_39', 'multiple-leads', 'CT_39', 'duplicate-text', 'lead-not-stated',
        ]);
        expect(found[3]).toMatchObject({ target: ruleDocUrl('multiple-leads') });
        expect(found[3].tooltip).toMatch(/^Một nhiệm vụ .* \/ .*\(multiple-leads\): mở tài liệu của quy tắc \/ open the rule's documentation$/);
        expect(found.slice(5).map(l => l.target)).toEqual([ruleDocUrl('duplicate-text'), ruleDocUrl('lead-not-stated')]);
    });

    test('decomposed (NFD) text links the same places', async () => {
        const nfd = await load({ 'plan.plan': PLAN.normalize('NFD'), 'registry.plan': REGISTRY, 'national.plan': NATIONAL.normalize('NFD') });
        const found = (await links(nfd)).sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        expect(found.map(l => l.range)).toEqual(nfd.marked);
        expect(found.map(l => textAt(nfd.main, l.range).normalize('NFC'))).toEqual([
            'CT_39', '39/CT-TTg', 'CT_39', 'multiple-leads', 'CT_39', 'duplicate-text', 'lead-not-stated',
        ]);
        // The declaration's id, after "văn bản " as written (longer in NFD).
        const declaration = opens(found[0]);
        expect(declaration.character).toBe('văn bản '.normalize('NFD').length);
        expect(textAt(nfd.documents['national.plan'], { start: declaration, end: { line: declaration.line, character: declaration.character + 5 } })).toBe('CT_39');
    });

    test('a number-symbol that fits two declared documents is not linked to either', async () => {
        const twice = `${NATIONAL}\nvăn bản CT_39_BIS chỉ thị số "39/CT-TTg" ngày 24/10/2017 của TTG "bản khai báo thứ hai"\n`;
        const loaded = await load({ 'plan.plan': PLAN, 'registry.plan': REGISTRY, 'national.plan': twice });
        expect((await links(loaded)).map(l => textAt(loaded.main, l.range))).not.toContain('39/CT-TTg');
    });

    test('the comment reader finds the ids where suppressions.ts reads them', () => {
        expect(ruleIdsIn('// planspec-disable-next-line a, b c -- d e')).toEqual([
            { id: 'a', offset: 30 }, { id: 'b', offset: 33 }, { id: 'c', offset: 35 },
        ]);
        expect(ruleIdsIn('/* planspec-enable duplicate-text */')).toEqual([{ id: 'duplicate-text', offset: 19 }]);
        expect(ruleIdsIn('// planspec-disabled x')).toEqual([]);
        expect(ruleIdsIn('// a comment')).toEqual([]);
    });

    test.each(EXAMPLE_PLANS)('%s: every reference to a document and every resolved number-symbol opens its declaration', async (main) => {
        const loaded = await load(exampleFiles(main));
        const found = await links(loaded);
        for (const link of found) {
            const target = opens(link);
            const file = loaded.documents[target.file];
            const line = file.textDocument.getText().split('\n')[target.line];
            // The line of the declaration, at its id, which the tooltip names.
            const id = /\(([^()]+)\)$/.exec(link.tooltip!)![1];
            expect(line.slice(target.character).startsWith(id), `${id} at ${target.file}:${target.line + 1}`).toBe(true);
            const declared = [...file.parseResult.value.elements].find(e => e.name === id);
            expect(isDocument(declared) || isPlan(declared)).toBe(true);
        }
        // Ids link to themselves by name; number-symbols to a document with that number.
        for (const link of found) {
            const text = textAt(loaded.main, link.range);
            const id = /\(([^()]+)\)$/.exec(link.tooltip!)![1];
            if (/^[\p{L}_][\p{L}\p{N}_.]*$/u.test(text)) {
                expect(text.split('.').pop()).toBe(id);
            } else {
                expect(link.tooltip!.toLowerCase()).toContain(text.replace(/\s+/g, '').toLowerCase());
            }
        }
    });

    test('kh-qd634: the basis of the decision and the plan link to the national registry', async () => {
        const loaded = await load(exampleFiles('ca-mau/kh-qd634.plan'));
        const found = await links(loaded);
        const line29 = found.filter(l => l.range.start.line === 28).map(l => [textAt(loaded.main, l.range), opens(l).file]);
        expect(line29).toEqual([['LUAT_TCCQDP_2015', 'quoc-gia/van-ban.plan'], ['NQ_96_2019', 'quoc-gia/van-ban.plan'], ['QD_634_2020', 'quoc-gia/van-ban.plan']]);
        expect(found.filter(l => textAt(loaded.main, l.range) === '634/QĐ-TTg').length).toBeGreaterThan(5);
    });

    test('never throws on partial or broken input', async () => {
        const text = exampleFiles('ca-mau/kh-qd634.plan')['ca-mau/kh-qd634.plan'];
        for (const input of [...BROKEN_INPUTS, ...prefixes(text, 30), ...prefixes(PLAN.replace(/[⟦⟧]/g, ''), 20)]) {
            const loaded = await load({ 'plan.plan': input, 'registry.plan': REGISTRY, 'national.plan': NATIONAL });
            for (const link of await links(loaded)) {
                expect(link.target).toBeTruthy();
            }
        }
    });
});
