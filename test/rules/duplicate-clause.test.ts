import { describe, expect, test } from 'vitest';
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
