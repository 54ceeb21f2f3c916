import { describe, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('duplicate-clause', () => {
    test('fires on the second of two single-valued clauses', async () => {
        await expectFindings('duplicate-clause', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hằng năm  ⟦hằng quý⟧ }
    báo cáo BC "Báo cáo" { từ STP  qua CA_TINH  qua ⟦UBND_TINH⟧ }`, 'số "1/KH-UBND"  của UBND_TINH  số ⟦"2/KH-UBND"⟧'), /already given/);
    });

    test('is silent when each clause is given once, and for repeatable clauses', async () => {
        await expectSilent('duplicate-clause', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  phối hợp CA_TINH  hạn 31/12/2019 }
    "Đoạn một" "Đoạn hai"`, 'số "1/KH-UBND"  của UBND_TINH  căn cứ CT_39  căn cứ CT_39'));
    });
});
