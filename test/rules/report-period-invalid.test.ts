import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('report-period-invalid', () => {
    test('fires at a covered period that starts after it ends', async () => {
        const found = await expectFindings('report-period-invalid', inPlan(`
    báo cáo BC_10T "Báo cáo 10 tháng" {
        từ SO_NGANH  gửi UBND_TINH
        kỳ ⟦từ ngày 15/9 đến ngày 14/7⟧
        trước ngày 20/7  hằng năm
    }
    báo cáo BC2 "Báo cáo" { từ STP  gửi UBND_TINH  kỳ ⟦từ ngày 1/7/2020 đến ngày 30/6/2020⟧  hạn 15/7/2020 }
    báo cáo BC3 "Báo cáo" { từ STP  gửi UBND_TINH  kỳ ⟦từ 2021 đến 2020⟧ }`), /không có ngày nào.* \/ .*is empty/);
        expect(found[0].message).toBe('Kỳ báo cáo BC_10T từ 15/9 đến 14/7 không có ngày nào: ngày bắt đầu sau ngày kết thúc; nếu kỳ bắt đầu từ năm trước, ghi "từ ngày 15/9 năm trước" / The period of report BC_10T from 15/9 to 14/7 is empty: it starts after it ends; if the period starts in the previous year, write "từ ngày 15/9 năm trước"');
    });

    test('fires at the end of a period that ends after the report is due', async () => {
        const found = await expectFindings('report-period-invalid', inPlan(`
    báo cáo BC_10T "Báo cáo 10 tháng" {
        từ SO_NGANH  gửi UBND_TINH
        kỳ từ ngày 15/9 năm trước đến ngày ⟦25/7⟧
        trước ngày 20/7  hằng năm
    }
    báo cáo BC_NAM "Báo cáo năm" { từ STP  gửi UBND_TINH  kỳ từ ngày 1/1 đến ngày ⟦31/12⟧  trước ngày 15/1  hằng năm }
    báo cáo BC3 "Báo cáo tổng kết" { từ STP  gửi UBND_TINH  kỳ từ 2018 đến ⟦cuối năm 2020⟧  hạn 15/12/2020 }
    báo cáo BC4 "Báo cáo sơ kết" { từ STP  gửi UBND_TINH  kỳ từ ngày 1/1 đến ngày ⟦30/6⟧  hạn 20/6/2019 }`), /sau hạn gửi.* \/ .*after the report is due/);
        expect(found[0].message).toBe('Kỳ báo cáo BC_10T kết thúc ngày 25/7, sau hạn gửi 20/7: báo cáo phải nêu cả những ngày chưa tới (trong cùng một năm; nếu kỳ thuộc năm trước, ghi "năm trước") / The period of report BC_10T ends on 25/7, after the report is due (20/7): it would cover days not yet passed (within one year; if the period is the previous year\'s, write "năm trước")');
        expect(found[2].message).toContain('kết thúc ngày cuối năm 2020, sau hạn gửi 15/12/2020');
    });

    test('is silent on the periods of seed 002 and on well-formed periods', async () => {
        await expectSilent('report-period-invalid', inPlan(`
    báo cáo BC_10_THANG "Báo cáo 10 tháng" {
        từ SO_NGANH  gửi UBND_TINH
        kỳ từ ngày 15/9 năm trước đến ngày 14/7
        trước ngày 20/7  hằng năm
    }
    báo cáo BC_NAM "Báo cáo năm" { từ SO_NGANH  gửi UBND_TINH  kỳ từ ngày 15/9 năm trước đến ngày 14/9  trước ngày 20/9  hằng năm }
    báo cáo BC_NAM2 "Báo cáo năm" { từ STP  gửi UBND_TINH  kỳ từ ngày 1/1 năm trước đến ngày 31/12 năm trước  trước ngày 15/1 }
    báo cáo BC3 "Báo cáo" { từ STP  gửi UBND_TINH  kỳ từ ngày 1/1/2020 đến ngày 30/6/2020  hạn 30/6/2020 }
    báo cáo BC4 "Báo cáo" { từ STP  gửi UBND_TINH  kỳ từ 2018 đến 2019  hạn 15/1/2020 }
    báo cáo BC5 "Báo cáo" { từ STP  gửi UBND_TINH  kỳ từ ngày 1/1 đến ngày 30/6 }
    báo cáo BC6 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7 }
    báo cáo BC7 "Báo cáo" { từ STP  gửi UBND_TINH  kỳ từ ngày 1/3 năm trước đến ngày 29/2  trước ngày 5/3 }`));
    });
});
