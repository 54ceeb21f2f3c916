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

    test('fires on months and quarters that do not exist, and on long-form dates', async () => {
        await expectFindings('invalid-date', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  trong tháng ⟦13/2025⟧ }
    nhiệm vụ NV2 "Sơ kết" { chủ trì STP  hạn quý ⟦V/2025⟧ }
    nhiệm vụ NV3 "Tổng kết" { chủ trì STP  hạn quý ⟦5/2025⟧ }
    nhiệm vụ NV4 "Báo cáo" { chủ trì STP  trước ngày ⟦30 tháng 2 năm 2025⟧ }`, 'của UBND_TINH  ngày ⟦31 tháng 4 năm 2025⟧'),
        /không tồn tại.*does not exist/);
    });

    test('is silent on real dates, leap days and recurring 29/2', async () => {
        await expectSilent('invalid-date', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn 29/02/2020 }
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  kỳ từ ngày 15/9 năm trước đến ngày 14/7  trước ngày 29/2  hằng năm }
    chỉ tiêu CT "Tỷ lệ" trên 90% hạn 2020-12-31
    nhiệm vụ NV2 "Sơ kết" { chủ trì STP  hạn quý IV/2020  trong tháng 12/2020  trước ngày 15 tháng 11 }`, 'của UBND_TINH  ngày 05/9/2016'));
        await expectSilent('invalid-date', inPlan('', 'của UBND_TINH  ngày 16 tháng 6 năm 2020'));
    });
});
