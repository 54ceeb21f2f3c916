import { describe, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('recurring-without-period', () => {
    test('fires on a recurring day and month in a plan without a stated period, at the day and month', async () => {
        await expectFindings('recurring-without-period', inPlan(`
    báo cáo BC "Báo cáo năm" { từ STP  gửi UBND_TINH  trước ngày ⟦20/7⟧  hằng năm }
    nhiệm vụ NV "Sơ kết" { chủ trì STP  trước ngày ⟦15 tháng 11⟧ }
    chỉ tiêu CT "Tỷ lệ" trên 90% hạn ⟦31/12⟧ hằng năm`, 'của UBND_TINH'), /không xác định được các ngày đến hạn.*cannot be known/);
        await expectFindings('recurring-without-period', inPlan(`
    báo cáo BC "Báo cáo năm" { từ STP  gửi UBND_TINH  trước ngày ⟦20/7⟧  hằng năm }`,
        'của UBND_TINH  thời gian từ 2020 đến 2021 suy ra "nhiệm kỳ Quốc hội"'), /chỉ là suy ra/);
    });

    test('is silent with a stated period, and on full dates', async () => {
        await expectSilent('recurring-without-period', inPlan(`
    báo cáo BC "Báo cáo năm" { từ STP  gửi UBND_TINH  trước ngày 20/7  hằng năm }`));
        await expectSilent('recurring-without-period', inPlan(`
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7/2021 }`, 'của UBND_TINH'));
    });
});
