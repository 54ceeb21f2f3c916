import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, expectNoInternalErrors, INCOMPLETE_TARGETS } from '../helpers.js';
import { relatedOf } from './related.js';

describe('target-due-outside-period', () => {
    test('fires on a due year or date outside the plan period, at the time point', async () => {
        const found = await expectFindings('target-due-outside-period', inPlan(`
    chỉ tiêu A "Tỷ lệ" trên 90% hạn ⟦2025⟧
    chỉ tiêu B "Tỷ lệ" trên 90% hạn ngày ⟦15/3/2017⟧
    phần "II" "Chỉ tiêu" {
        chỉ tiêu C "Tỷ lệ" trên 90% trước ⟦năm 2022⟧
        chỉ tiêu C2 "Tỷ lệ" trên 90% before ⟦2018⟧
    }
    giai đoạn "Giai đoạn 1" từ 2018 đến 2019 {
        chỉ tiêu D "Tỷ lệ" trên 90% hạn ⟦cuối năm 2017⟧
    }
    target E "Rate" above 90% due ⟦2021-01-01⟧`), /nằm ngoài thời gian thực hiện kế hoạch \(01\/01\/2018–31\/12\/2020\).*outside the plan period/);
        expect(found[0].message).toContain('Hạn 2025 của chỉ tiêu A');
        expect(found.map(relatedOf)).toEqual(found.map(() => [{
            file: 'plan.plan', line: 3, text: 'từ 2018 đến 2020',
            message: 'Thời gian thực hiện kế hoạch (01/01/2018–31/12/2020) / The plan period (01/01/2018–31/12/2020)',
        }]));
    });

    test('compares full dates with a period given as dates', async () => {
        await expectFindings('target-due-outside-period', inPlan(`
    chỉ tiêu A "Tỷ lệ" trên 90% hạn ⟦30/6/2020⟧
    chỉ tiêu B "Tỷ lệ" trên 90% hạn 1/7/2020
    chỉ tiêu C "Tỷ lệ" trên 90% hạn ⟦01/01/2022⟧
    chỉ tiêu C2 "Tỷ lệ" trên 90% trước ngày ⟦1/7/2020⟧
    chỉ tiêu D "Tỷ lệ" trên 90% hạn cuối năm 2021
    chỉ tiêu E "Tỷ lệ" trên 90% hạn 2020`, 'của UBND_TINH  thời gian từ ngày 1/7/2020 đến cuối năm 2021'), /01\/07\/2020–31\/12\/2021/);
    });

    test('is silent inside the period ("trước năm 2021" is within 2020), on recurring day/months, without a period, and on dates that do not exist', async () => {
        await expectSilent('target-due-outside-period', inPlan(`
    chỉ tiêu A "Tỷ lệ" trên 90% hạn 2018
    chỉ tiêu B "Tỷ lệ" trên 90% hạn cuối năm 2020
    chỉ tiêu C "Tỷ lệ" trên 90% hạn 31/12/2020
    chỉ tiêu D "Tỷ lệ" trên 90% hạn 20/7 hằng năm
    chỉ tiêu E "Tỷ lệ" trên 90% hạn 1/1/2018
    chỉ tiêu F "Tỷ lệ" trên 90% hạn 31/2/2030
    chỉ tiêu G "Tỷ lệ" trên 90% hằng năm
    chỉ tiêu H "Tỷ lệ" trên 90% trước năm 2021
    chỉ tiêu I "Tỷ lệ" trên 90% trước cuối năm 2020
    chỉ tiêu J "Tỷ lệ" trên 90% trước ngày 01/01/2021`));
        await expectSilent('target-due-outside-period', inPlan(`
    chỉ tiêu A "Tỷ lệ" trên 90% hạn 2030`, 'của UBND_TINH'));
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('target-due-outside-period', INCOMPLETE_TARGETS);
    });
});
