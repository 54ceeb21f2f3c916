import * as fs from 'node:fs';
import { describe, expect, test } from 'vitest';
import { actionsFor, examplesWorkspace, expectCleanFix, findingsIn } from '../fix-helpers.js';
import { expectFindings, expectSilent, load } from '../helpers.js';

describe('document-kind-mismatch', () => {
    test('fires when the declared kind disagrees with the type in the number, at the number', async () => {
        const found = await expectFindings('document-kind-mismatch', {
            'main.plan': `
văn bản CT_634 chỉ thị số ⟦"634/QĐ-TTg"⟧ ngày 13/5/2020
văn bản QD_208 quyết định số ⟦"208/2013/NĐ-CP"⟧
văn bản TT_10 thông tư số ⟦"10/2013/TTLT-BTP-BCA"⟧
văn bản QD_08 quyết định số ⟦"08-QĐi/TW"⟧
văn bản KH_15 kế hoạch số ⟦"15-CV/TU"⟧
văn bản QY_12 quy định số ⟦"12/QĐ-UBND"⟧
văn bản CL_1 chiến lược số ⟦"01/QĐ-TTg"⟧
chương trình CTR_1 "Chương trình hành động" {
    số ⟦"05/KH-UBND"⟧
    ngày 10/5/2016
}
`,
        }, /được khai báo là .* nhưng số .* mang ký hiệu .* is declared a .* but its number/);
        expect(found[0].message).toContain('CT_634 được khai báo là chỉ thị nhưng số "634/QĐ-TTg" mang ký hiệu "QĐ" của quyết định');
        expect(found[3].message).toContain('"QĐi" của quy định của Đảng');
        expect(found[7].message).toMatch(/CTR_1 .* chương trình .* "KH" của kế hoạch/);
    });

    test('is silent when kind and type agree, for letters, laws and National Assembly texts, and unknown types', async () => {
        await expectSilent('document-kind-mismatch', {
            'main.plan': `
văn bản A chỉ thị số "39/CT-TTg"
văn bản B ${'quyết định'.normalize('NFD')} số "${'634/QĐ-TTg'.normalize('NFD')}"
văn bản C nghị định số "208/2013/NĐ-CP"
văn bản D thông tư liên tịch số "10/2013/TTLT-BTP-BCA"
văn bản E quy định số "181-QĐ/TW"
văn bản F quy định số "08-QĐi/TW"
văn bản G quyết định số "181-QĐ/TW"
văn bản H công văn số "3833/SYT-VP"
văn bản I công văn số "12/KH-UBND"
văn bản J luật số "83/2015/QH13"
văn bản K nghị quyết số "96/2019/QH14"
văn bản L kế hoạch số "12/KHPH-CA"
văn bản M phương án số "05/PA-UBND"
văn bản N nghị quyết số "01/NQLT-CP-ĐCT"
văn bản O quyết định số "634/QD-TTg"
văn bản Q pháp lệnh số "44/2002/PL-UBTVQH10"
nghị quyết NQ_04 "Nghị quyết" { số "04-NQ/TU" ngày 25/01/2022 }
`,
        });
    });
});

describe('document-kind-mismatch quick fix', () => {
    const FILE = `
văn bản CT_634 chỉ thị số "634/QĐ-TTg" ngày 13/5/2020
document D_208 decision number "208/2013/NĐ-CP" dated 17/12/2013
văn bản QD_08 quyết định số "08-QĐi/TW"
chương trình CTR_1 "Chương trình hành động" {
    số "05/KH-UBND"
    ngày 10/5/2016
}
`;
    test.each([
        [0, 'văn bản CT_634 quyết định số "634/QĐ-TTg"'],
        [1, 'document D_208 decree number'],
        [2, 'văn bản QD_08 quy định số "08-QĐi/TW"'],
        [3, 'kế hoạch CTR_1 "Chương trình hành động" {'],
    ])('finding %i: the kind the type names, in the language it was written in', async (index, expected) => {
        const applied = await expectCleanFix({ 'main.plan': FILE }, { rule: 'document-kind-mismatch', index });
        expect(applied.files['main.plan']).toContain(expected);
        expect(applied.action.isPreferred).toBeUndefined();
    });

    test('one fix per kind when the type names several (QĐ in a Party number: decision or regulation); NFD text', async () => {
        const loaded = await load({ 'main.plan': 'văn bản CT_181 chỉ thị số "181-QĐ/TW"\n'.normalize('NFD') });
        const actions = await actionsFor(loaded, findingsIn(loaded, 'document-kind-mismatch')[0]);
        expect(actions.map(a => a.title.split(' / ')[0])).toEqual([
            'Đổi loại thành quyết định (theo ký hiệu "QĐ")',
            'Đổi loại thành quy định (theo ký hiệu "QĐ")',
        ]);
        const applied = await expectCleanFix({ 'main.plan': 'văn bản CT_181 chỉ thị số "181-QĐ/TW"\n'.normalize('NFD') }, { rule: 'document-kind-mismatch', title: /quy định/ });
        expect(applied.files['main.plan'].normalize('NFC')).toBe('văn bản CT_181 quy định số "181-QĐ/TW"\n');
    });
});

describe('document-kind-mismatch quick fix on the examples', () => {
    test('Chỉ thị 39/CT-TTg declared as a decision in the national registry', async () => {
        const change = (text: string) => text.replace('văn bản CT_39_2017 chỉ thị số "39/CT-TTg"', 'văn bản CT_39_2017 quyết định số "39/CT-TTg"');
        const applied = await expectCleanFix(examplesWorkspace('quoc-gia/van-ban.plan', change), { rule: 'document-kind-mismatch' });
        expect(applied.files['quoc-gia-van-ban.plan']).toBe(fs.readFileSync('examples/quoc-gia/van-ban.plan', 'utf8'));
    });
});
