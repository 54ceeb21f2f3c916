import { describe, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('lead-not-stated', () => {
    test('fires on "chủ trì không nêu", at those words', async () => {
        await expectFindings('lead-not-stated', inPlan(`
    nhiệm vụ TD2 "Cuối năm 2020 tiến hành tổng kết." { chủ trì ⟦không nêu⟧  hạn cuối năm 2020 }
    task TD3 "Review every year." { lead ⟦not stated⟧  yearly }`), /không nêu cơ quan chủ trì.*names no lead/);
    });

    test('is silent when a lead is named, inherited, or the task is plain', async () => {
        await expectSilent('lead-not-stated', inPlan(`
    nhiệm vụ NV1 "Tổng kết" { chủ trì STP }
    nhiệm vụ NV2 "Các sở:" { chủ trì SO_NGANH  nhiệm vụ "Tuyên truyền" }`));
    });
});
