import { describe, expect, test } from 'vitest';
import { expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';
import { relatedOf } from './related.js';

describe('duplicate-clause', () => {
    test('fires on the second of two single-valued clauses, pointing to the first', async () => {
        const found = await expectFindings('duplicate-clause', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hằng năm  ⟦hằng quý⟧ }
    báo cáo BC "Báo cáo" { từ STP  qua CA_TINH  qua ⟦UBND_TINH⟧ }`, 'số "1/KH-UBND"  của UBND_TINH  số ⟦"2/KH-UBND"⟧'), /already given/);
        const first = 'Lần ghi thứ nhất / Where it is first given';
        expect([...found].sort((a, b) => a.range.start.line - b.range.start.line).map(relatedOf)).toEqual([
            [{ file: 'plan.plan', line: 3, text: '"1/KH-UBND"', message: first }],
            [{ file: 'plan.plan', line: 5, text: 'hằng năm', message: first }],
            [{ file: 'plan.plan', line: 6, text: 'CA_TINH', message: first }],
        ]);
    });

    test('is silent when each clause is given once, and for repeatable clauses', async () => {
        await expectSilent('duplicate-clause', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp CA_TINH  hạn 31/12/2019 }
    "Đoạn một" "Đoạn hai"`, 'số "1/KH-UBND"  của UBND_TINH  căn cứ CT_39  căn cứ CT_39'));
    });
});

describe('duplicate-clause quick fix', () => {
    const PLAN = inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hằng năm  hằng quý }
    báo cáo BC "Báo cáo" {
        từ STP
        qua CA_TINH
        qua UBND_TINH
    }`, 'số "1/KH-UBND"  của UBND_TINH  số "2/KH-UBND"');

    test.each([
        [0, '    số "1/KH-UBND"  của UBND_TINH\n'],
        [1, '{ chủ trì STP  hằng năm }'],
        [2, '        qua CA_TINH\n    }'],
    ])('finding %i: the repeated clause goes, with its keyword and its line', async (index, expected) => {
        const applied = await expectCleanFix(PLAN, { rule: 'duplicate-clause', index });
        expect(applied.files['plan.plan']).toContain(expected);
        expect(applied.action.title).toBe('Xóa mục ghi lặp này / Remove this repeated clause');
    });

    test('a repeated period and date of a document, in NFD text', async () => {
        const files = nfd({
            'main.plan': 'văn bản QD quyết định số "1/QĐ-UBND" ngày 16 tháng 6 năm 2025 ngày 17/6/2025 "Trích yếu"\nkế hoạch KH "x" { thời gian từ 2020 đến 2021\n    thời gian từ 2020 đến 2022 }\n',
        }) as Record<string, string>;
        const date = await expectCleanFix(files, { rule: 'duplicate-clause', index: 0 });
        expect(date.files['main.plan'].normalize('NFC')).toContain('ngày 16 tháng 6 năm 2025 "Trích yếu"');
        const period = await expectCleanFix(files, { rule: 'duplicate-clause', index: 1 });
        expect(period.files['main.plan'].normalize('NFC')).toContain('{ thời gian từ 2020 đến 2021 }');
    });
});

describe('duplicate-clause quick fix beside a comment', () => {
    test('the closing brace is not joined onto a line that ends with a comment', async () => {
        const applied = await expectCleanFix(inPlan(`
    báo cáo BC "Báo cáo" {
        qua CA_TINH // kênh gửi
        qua UBND_TINH }`), { rule: 'duplicate-clause' });
        expect(applied.files['plan.plan']).toMatch(/qua CA_TINH \/\/ kênh gửi\n *\}\n\}/);
    });
});
