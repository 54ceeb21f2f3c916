import { describe, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('invalid-date', () => {
    test('fires on dates that do not exist, at the date', async () => {
        const files = inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn ⟦31/02/2020⟧ }
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày ⟦31/4⟧  hằng năm }
    chỉ tiêu CT "Tỷ lệ" trên 90% hạn ⟦2019-13-01⟧`, 'của UBND_TINH  ngày ⟦29/02/2019⟧');
        await expectFindings('invalid-date', files, /không tồn tại.*does not exist/);
    });

    test('is silent on real dates, leap days and recurring 29/2', async () => {
        await expectSilent('invalid-date', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn 29/02/2020 }
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  kỳ từ ngày 15/9 năm trước đến ngày 14/7  trước ngày 29/2  hằng năm }
    chỉ tiêu CT "Tỷ lệ" trên 90% hạn 2020-12-31`, 'của UBND_TINH  ngày 05/9/2016'));
    });
});
