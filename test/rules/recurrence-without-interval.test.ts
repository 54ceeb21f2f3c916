import { describe, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('recurrence-without-interval', () => {
    test('fires on "định kỳ" alone, at the keyword, in tasks, reports and targets, in both languages', async () => {
        await expectFindings('recurrence-without-interval', inPlan(`
    báo cáo BC "Báo cáo sơ kết" { từ STP  gửi UBND_TINH  ⟦định kỳ⟧ }
    nhiệm vụ NV1 "Kiểm tra" { chủ trì STP  ⟦Định  kỳ⟧ }
    chỉ tiêu CT "Tỷ lệ" trên 90% ⟦${'định kỳ'.normalize('NFD')}⟧
    report BC2 "Review" { from STP  to UBND_TINH  ⟦periodically⟧ }`), /không nêu bao lâu một lần.*does not say how often/);
    });

    test('is silent when the interval is stated', async () => {
        await expectSilent('recurrence-without-interval', inPlan(`
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  định kỳ 6 tháng  trước ngày 15/6 }
    nhiệm vụ NV1 "Kiểm tra" { chủ trì STP  định kỳ hằng năm }
    nhiệm vụ NV2 "Giao ban" { chủ trì STP  hằng quý }
    report BC2 "Review" { from STP  to UBND_TINH  every 6 months }`));
    });
});
