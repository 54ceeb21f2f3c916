import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, NATIONAL, REGISTRY } from '../helpers.js';
import { relatedOf } from './related.js';

const DOCUMENTS = `
văn bản CU chỉ thị số "26/CT-TTg" ngày 05/9/2016
văn bản CUNG_NGAY quyết định số "100/QĐ-TTg" ngày 01/3/2018
văn bản SAU nghị quyết số "96/2019/QH14" ngày 27/11/2019
văn bản KHONG_NGAY quyết định số "492/QĐ-TTg"
`;

describe('basis-after-plan', () => {
    test('fires on a later document cited as basis or implemented, at the reference', async () => {
        const found = await expectFindings('basis-after-plan', {
            'main.plan': `${DOCUMENTS}
kế hoạch KH "Kế hoạch" {
    số "12/KH-UBND"
    ngày 01/3/2018
    thực hiện CU, ⟦SAU⟧
    căn cứ CUNG_NGAY, KHONG_NGAY
    căn cứ CU, ⟦SAU⟧
}
văn bản QD quyết định số "5/QĐ-UBND" ngày 2018-03-01 {
    căn cứ CU, ⟦SAU⟧, ⟦KH_SAU⟧
}
kế hoạch KH_SAU "Kế hoạch ban hành sau" { số "20/KH-UBND" ngày 02/3/2018 }
`,
        }, /ban hành sau nó.*which is later/);
        const messages = [...found].sort((a, b) => a.range.start.line - b.range.start.line).map(d => d.message);
        expect(messages[0]).toContain('Kế hoạch 12/KH-UBND (ngày 01/3/2018) thực hiện Nghị quyết 96/2019/QH14 ngày 27/11/2019');
        expect(messages[1]).toContain('Kế hoạch 12/KH-UBND (ngày 01/3/2018) căn cứ Nghị quyết 96/2019/QH14');
        expect(messages[3]).toContain('Quyết định 5/QĐ-UBND (ngày 2018-03-01) căn cứ Kế hoạch 20/KH-UBND ngày 02/3/2018');
        // Each points to the later date where it is written.
        const sorted = [...found].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character);
        const later = { file: 'main.plan', line: 4, text: '27/11/2019', message: 'Ngày của Nghị quyết 96/2019/QH14 / The date of the resolution 96/2019/QH14' };
        expect(sorted.map(relatedOf)).toEqual([[later], [later], [later], [
            { file: 'main.plan', line: 17, text: '02/3/2018', message: 'Ngày của Kế hoạch 20/KH-UBND / The date of the plan 20/KH-UBND' },
        ]]);
    });

    test('takes the date of a plan without one from the decision it is issued with', async () => {
        await expectFindings('basis-after-plan', {
            'main.plan': `${DOCUMENTS}
văn bản QD_BH quyết định số "1073/QĐ-UBND" ngày 16/6/2019
kế hoạch KH "Kế hoạch kèm theo quyết định" {
    ban hành kèm theo QD_BH
    căn cứ CU, ⟦SAU⟧
}
`,
        }, /ngày 16\/6\/2019, ngày của Quyết định 1073\/QĐ-UBND/);
    });

    test('is silent on earlier and same-day documents, missing dates and unresolved references', async () => {
        await expectSilent('basis-after-plan', {
            'main.plan': `${DOCUMENTS}
kế hoạch KH_1 "Có ngày" {
    ngày 01/3/2018
    thực hiện CU, CUNG_NGAY
    căn cứ KHONG_NGAY, CHUA_KHAI_BAO
}
kế hoạch KH_2 "Không ngày" {
    căn cứ SAU
}
văn bản QD_KHONG_NGAY quyết định số "7/QĐ-UBND" { căn cứ SAU }
văn bản QD_SAI_NGAY quyết định số "8/QĐ-UBND" ngày 31/02/2018 { căn cứ SAU }
`,
            'registry.plan': REGISTRY,
            'national.plan': NATIONAL,
        });
    });
});

describe('basis-after-plan on task citations', () => {
    test('fires on a document cited in a task and dated after the plan; silent on an earlier one', async () => {
        await expectFindings('basis-after-plan', {
            'plan.plan': `cơ quan A "A"
văn bản CU quyết định số "1/QĐ-UBND" ngày 01/02/2019 của A
văn bản MOI quyết định số "2/QĐ-UBND" ngày 01/02/2021 của A
kế hoạch KH "x" {
    số "3/KH-UBND"  ngày 05/5/2020  của A
    nhiệm vụ NV "Thực hiện các quyết định" { chủ trì A  căn cứ CU, ⟦MOI⟧ }
}`,
        }, /2021/);
    });
});
