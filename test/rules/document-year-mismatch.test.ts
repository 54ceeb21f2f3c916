import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent } from '../helpers.js';

describe('document-year-mismatch', () => {
    test('fires when the year in the number differs from the year of the date, at the number', async () => {
        const found = await expectFindings('document-year-mismatch', {
            'main.plan': `
văn bản ND_208 nghị định số ⟦"208/2013/NĐ-CP"⟧ ngày 17/12/2014
văn bản NQ_96 nghị quyết số ⟦"96/2019/QH14"⟧ ngày 27/11/2018 của QH
văn bản QD_03 quyết định số ⟦"03/2014/QĐ-UBND"⟧ ngày 2013-12-25
nghị quyết NQ_1 "Nghị quyết của Hội đồng nhân dân" {
    số ⟦"101/2012/NQ-HĐND"⟧
    ngày 06/12/2013
}
cơ quan QH "Quốc hội"
`,
        }, /ghi năm \d{4} nhưng ngày ban hành là .* says \d{4} but the document is dated/);
        expect(found[0].message).toContain('"208/2013/NĐ-CP" ghi năm 2013 nhưng ngày ban hành là 17/12/2014 (năm 2014)');
    });

    test('is silent when the years agree, without a year in the number, or without a date', async () => {
        await expectSilent('document-year-mismatch', {
            'main.plan': `
văn bản A nghị định số "208/2013/NĐ-CP" ngày 17/12/2013
văn bản B nghị quyết số "96/2019/QH14" ngày 27/11/2019
văn bản C quyết định số "634/QĐ-TTg" ngày 13/5/2021
văn bản D nghị quyết số "18-NQ/TW" ngày 25/10/2016
văn bản E thông tư số "15/2010/TT-BCA"
văn bản F thông tư số "15/2010/TT-BCA" ngày 31/02/2010
văn bản G luật ngày 25/6/2015 "Luật Ngân sách nhà nước"
`,
        });
    });
});
