import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';
import { relatedOf } from './related.js';

const OUTSIDE = /(trước khi kế hoạch bắt đầu|sau khi kế hoạch kết thúc).* \/ .*(before the plan starts|after the plan ends)/;

describe('deadline-outside-period', () => {
    test('fires at a full date, a year or an end of year outside the plan period, for tasks and reports', async () => {
        const found = await expectFindings('deadline-outside-period', inPlan(`
    phần "III" "Nhiệm vụ" {
        nhiệm vụ NV1 "Rà soát văn bản" { chủ trì STP  hạn ⟦31/12/2021⟧ }
        nhiệm vụ NV2 "Tổng kết" { chủ trì STP  hạn ⟦cuối năm 2021⟧ }
        nhiệm vụ NV3 "Khảo sát" { chủ trì STP  trước ngày ⟦15/3/2017⟧ }
        nhiệm vụ NV4 "Sơ kết" { chủ trì STP  hạn ⟦năm 2017⟧ }
        nhiệm vụ NV5 "Các sở:" {
            chủ trì SO_NGANH
            nhiệm vụ "Tuyên truyền" { hạn ⟦2021-01-15⟧ }
        }
        báo cáo BC1 "Báo cáo tổng kết" { từ STP  gửi UBND_TINH  trước ngày ⟦20/1/2021⟧ }
    }`), OUTSIDE);
        expect(found.map(f => f.message)).toEqual(expect.arrayContaining([
            expect.stringMatching(/^Nhiệm vụ NV1 có hạn "31\/12\/2021" sau khi kế hoạch kết thúc: thời gian thực hiện là 2018–2020/),
            expect.stringMatching(/^Nhiệm vụ NV3 có hạn "15\/3\/2017" trước khi kế hoạch bắt đầu/),
            expect.stringMatching(/^Báo cáo BC1 có hạn "20\/1\/2021".*The report BC1 is due "20\/1\/2021", after the plan ends \(plan period 2018–2020\)/),
        ]));
        // Each points to the plan's period.
        for (const finding of found) {
            expect(relatedOf(finding)).toEqual([{
                file: 'plan.plan', line: 3, text: 'từ 2018 đến 2020', message: 'Thời gian thực hiện kế hoạch (2018–2020) / The plan period (2018–2020)',
            }]);
        }
    });

    test('compares by day when the plan period is given with dates', async () => {
        await expectFindings('deadline-outside-period', inPlan(`
    nhiệm vụ NV1 "Triển khai" { chủ trì STP  hạn ⟦1/6/2020⟧ }
    nhiệm vụ NV2 "Sơ kết" { chủ trì STP  hạn 16/6/2020 }
    nhiệm vụ NV3 "Tổng kết" { chủ trì STP  hạn năm 2020 }
    nhiệm vụ NV4 "Tổng kết" { chủ trì STP  hạn cuối năm 2021 }
    nhiệm vụ NV5 "Tổng kết" { chủ trì STP  hạn ⟦1/1/2022⟧ }`, 'của UBND_TINH  thời gian từ ngày 16/6/2020 đến cuối năm 2021'),
        /thời gian thực hiện là 16\/6\/2020–31\/12\/2021/);
    });

    test('a year is outside only when no day of it is in the period', async () => {
        await expectFindings('deadline-outside-period', inPlan(`
    nhiệm vụ NV1 "Sơ kết" { chủ trì STP  hạn năm 2020 }
    nhiệm vụ NV2 "Tổng kết" { chủ trì STP  hạn ⟦cuối năm 2020⟧ }`, 'của UBND_TINH  thời gian từ 2018 đến ngày 30/6/2020'));
    });

    test('is silent on dues inside the period, on recurring days, on tasks without a due and without a plan period', async () => {
        await expectSilent('deadline-outside-period', inPlan(`
    phần "III" "Nhiệm vụ" {
        nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn 31/12/2020 }
        nhiệm vụ NV2 "Khảo sát" { chủ trì STP  trước ngày 2/1/2018 }
        nhiệm vụ NV3 "Tổng kết" { chủ trì STP  hạn cuối năm 2020 }
        nhiệm vụ NV4 "Báo cáo hằng năm" { chủ trì STP  trước ngày 20/7  hằng năm }
        nhiệm vụ NV5 "Báo cáo năm" { chủ trì STP  trước ngày 15/1 năm trước }
        nhiệm vụ NV6 "Thường xuyên" { chủ trì STP }
        báo cáo BC1 "Báo cáo năm" { từ STP  gửi UBND_TINH  trước ngày 20/9  hằng năm }
        báo cáo BC2 "Báo cáo tổng kết" { từ STP  gửi UBND_TINH  hạn 15/12/2020 }
    }`));
        await expectSilent('deadline-outside-period', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn 31/12/2030 }`, 'của UBND_TINH'));
        // A period that cannot be read as dates (day and month only) gives no bounds.
        await expectSilent('deadline-outside-period', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn 31/12/2030 }`, 'của UBND_TINH  thời gian từ ngày 1/1 đến ngày 31/12'));
    });
});
