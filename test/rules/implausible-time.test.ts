import { describe, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('implausible-time', () => {
    test('fires on zero, fractional and century-long intervals, at the number', async () => {
        await expectFindings('implausible-time', inPlan(`
    báo cáo BC1 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7  định kỳ ⟦0⟧ tháng }
    báo cáo BC2 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7  định kỳ ⟦0,5⟧ tháng }
    báo cáo BC3 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7  định kỳ ⟦200⟧ năm }
    báo cáo BC4 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7  every ⟦0⟧ years }`), /định kỳ|interval/);
    });

    test('fires on periods longer than a century and on years outside 1900–2200', async () => {
        await expectFindings('implausible-time', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn ⟦năm 20250⟧ }
    giai đoạn GD "Giai đoạn" ⟦từ 2018 đến 2150⟧`, 'của UBND_TINH  thời gian từ 2018 đến ⟦9999999⟧'));
    });

    test('is silent on ordinary intervals, periods and years', async () => {
        await expectSilent('implausible-time', inPlan(`
    báo cáo BC1 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7  định kỳ 6 tháng }
    báo cáo BC2 "Báo cáo" { từ STP  gửi UBND_TINH  trước ngày 20/7  định kỳ 2 năm }
    nhiệm vụ NV1 "Rà soát" { chủ trì STP  hạn năm 2030 }
    giai đoạn GD "Giai đoạn" từ 2018 đến 2019`, 'của UBND_TINH  thời gian từ 2018 đến 2020'));
    });
});
