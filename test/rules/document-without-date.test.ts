import { describe, expect, test } from 'vitest';
import { actionsFor, examplesWorkspace, expectCleanFix, findingsIn, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, load, messageOf, NATIONAL, REGISTRY } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';
import { relatedOf } from './related.js';

const RULE = 'document-without-date';

const DOCUMENTS = `
cơ quan CP "Chính phủ"
cơ quan BCH_TW "Ban Chấp hành Trung ương"
văn bản NQ_93 nghị quyết số "93/NQ-CP" của CP "về công tác phòng, chống tội phạm"
văn bản QDI_181 quy định số "181-QĐ/TW" của BCH_TW "về xử lý kỷ luật đảng viên"
văn bản QD_5 quyết định số "5/QĐ-UBND"
văn bản QD_634 quyết định số "634/QĐ-TTg" ngày 13/5/2020 của TTG
văn bản TT_9 thông tư số "09/2019/TT-BCA" ngày 01/3/2019 suy ra "bản gốc không ghi ngày"
văn bản LUAT_NSNN luật năm 2015 của CP "Luật Ngân sách nhà nước"
văn bản LUAT_DTC luật "Luật Đầu tư công"
`;

function workspace(plan: string): Record<string, string> {
    return { 'plan.plan': plan, 'documents.plan': DOCUMENTS, 'registry.plan': REGISTRY, 'national.plan': NATIONAL };
}

const PLAN = `phạm vi VinhPhuc
kế hoạch KH "Kế hoạch thử" {
    của UBND_TINH  ngày 01/6/2020
    căn cứ ⟦NQ_93⟧, QD_634, LUAT_NSNN, LUAT_DTC
    thực hiện NQ_93
    "Thực hiện Quy định số ⟦181-QĐ/TW⟧ của Ban Chấp hành Trung ương và Quy định số 181-QĐ/TW (nhắc lại)."
    "Quyết định số 5/QĐ-UBND ngày 02/01/2020 của UBND tỉnh."
    nhiệm vụ NV "Thực hiện Thông tư" { chủ trì STP  hạn 31/12/2020  trích dẫn ⟦TT_9⟧ ("Thông tư") }
}
văn bản QD_1 quyết định số "1/QĐ-UBND" ngày 01/6/2020 của UBND_TINH {
    căn cứ ⟦QDI_181⟧
}
`;

describe(RULE, () => {
    test('fires once per document and citing text, at the first citation: a clause, a number in prose, a trích dẫn', async () => {
        const found = await expectFindings(RULE, workspace(PLAN), /được viện dẫn nhưng .* \/ .* is cited but /);
        const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line);
        expect(sorted[0].message).toBe('Nghị quyết 93/NQ-CP được viện dẫn nhưng không có ngày ban hành: lần viện dẫn đầu tiên phải ghi ngày ban hành (số văn bản bắt đầu lại mỗi năm), thêm "ngày …" như văn bản đó / Resolution 93/NQ-CP is cited but has no date: the first citation of a document gives its date (numbers restart every year); add "ngày …" as the document bears it');
        expect(sorted[1].message).toMatch(/^Quy định 181-QĐ\/TW được viện dẫn/);
        expect(sorted[2].message).toContain('ngày ban hành do người viết suy ra, bản gốc không ghi');
        expect(sorted[2].message).toContain('the date is the writer\'s inference, the original does not print it');
        expect(relatedOf(sorted[0])).toEqual([{ file: 'documents.plan', line: 4, text: '"93/NQ-CP"', message: 'Khai báo Nghị quyết 93/NQ-CP / The declaration of resolution 93/NQ-CP' }]);
    });

    test('is silent on dated documents, on a citation that prints the date, and on laws known by name and year', async () => {
        await expectSilent(RULE, workspace(`phạm vi VinhPhuc
kế hoạch KH "Kế hoạch thử" {
    của UBND_TINH  ngày 01/6/2020
    căn cứ QD_634, LUAT_NSNN, LUAT_DTC
    "Quyết định số 5/QĐ-UBND ngày 02/01/2020 của UBND tỉnh; Quyết định số 5/QĐ-UBND."
    "Nghị quyết 93/NQ-CP ngày 15 tháng 6 năm 2019 của Chính phủ." trích dẫn NQ_93
}
`));
    });

    test('reads decomposed (NFD) text as composed', async () => {
        await expectFindings(RULE, nfd(workspace(PLAN)) as Record<string, string>);
    });

    test('on the examples: Quy định 181-QĐ/TW, cited by Kế hoạch 7488 without a date, at its number in the text', async () => {
        const loaded = await load(examplesWorkspace('dong-nai/kh-7488.plan'));
        const found = findingsOf(loaded, RULE);
        expect(found.map(d => [d.range.start.line + 1, loaded.main.textDocument.getText(d.range)])).toEqual([[188, '181-QĐ/TW']]);
        for (const example of ['ca-mau/kh-qd634.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'vinh-phuc/ke-hoach-ct39.plan', 'thai-binh/nq-04.plan']) {
            expect(findingsOf(await load(examplesWorkspace(example)), RULE), example).toEqual([]);
        }
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('document-without-date', INCOMPLETE_DUTIES);
    });
});

describe(`${RULE} quick fix`, () => {
    test('adds a placeholder date to the declaration, in its own file, which unfilled-placeholder reports instead', async () => {
        const applied = await expectCleanFix(workspace(PLAN), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['documents.plan']).toContain('văn bản NQ_93 nghị quyết số "93/NQ-CP" ngày 00/00/0000 của CP');
        expect(applied.action.title).toBe('Thêm "ngày 00/00/0000" vào khai báo (cần điền ngày ban hành) / Add a date to fill in to the declaration');
        expect(applied.added.map(a => a.file)).toEqual(['documents.plan']);
    });

    test('no fix for a date the writer inferred: it is there, the original does not print it', async () => {
        const loaded = await load(workspace(PLAN));
        const inferred = findingsIn(loaded, RULE).find(d => messageOf(d).includes('suy ra'))!;
        expect(await actionsFor(loaded, inferred)).toEqual([]);
    });

    test('on the example, in the national registry', async () => {
        const applied = await expectCleanFix(examplesWorkspace('dong-nai/kh-7488.plan'), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['quoc-gia-van-ban.plan']).toContain('văn bản QDI_181_2013 quy định số "181-QĐ/TW" ngày 00/00/0000 của BCH_TW');
    });
});
