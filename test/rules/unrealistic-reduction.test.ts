import { afterEach, describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, expectNoInternalErrors, INCOMPLETE_TARGETS, useRuleOptions, resetRuleSettings } from '../helpers.js';

const FIVE_YEARS = 'của UBND_TINH  thời gian từ 2021 đến 2025';

describe('unrealistic-reduction', () => {
    afterEach(resetRuleSettings);

    test('compounds a yearly decrease over the years of the plan period, and reports at the value', async () => {
        const [finding] = await expectFindings('unrealistic-reduction', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" giảm ⟦20%⟧ so với năm trước hằng năm`, FIVE_YEARS));
        // 1 - 0.8^5 = 67.2%
        expect(finding.message).toContain('giảm 20% mỗi năm trong 5 năm (2021–2025)');
        expect(finding.message).toContain('khoảng 67,2%');
        expect(finding.message).toContain('about 67.2%');
        expect(finding.message).toContain('50%');
    });

    test('counts quarters, "every 2 years" and the lower bound of a range; a one-off decrease counts once', async () => {
        await expectFindings('unrealistic-reduction', inPlan(`
    chỉ tiêu A "Số vụ cháy" giảm ⟦5%⟧ so với năm trước hằng quý
    chỉ tiêu B "Số vụ tai nạn" giảm từ ⟦14%⟧ đến 20% so với năm trước hằng năm
    chỉ tiêu C "Số người nghiện" giảm ít nhất ⟦30%⟧ so với năm 2020 định kỳ 2 năm
    chỉ tiêu D "Số điểm nóng" giảm ⟦60%⟧ so với năm 2020`, FIVE_YEARS), /vượt ngưỡng 50%.*beyond/);
    });

    test('uses the period of the enclosing phase', async () => {
        await expectSilent('unrealistic-reduction', inPlan(`
    giai đoạn "Giai đoạn 1" từ 2021 đến 2022 {
        chỉ tiêu A "Số vụ phạm tội" giảm 20% so với năm trước hằng năm
    }`, FIVE_YEARS));
        await expectFindings('unrealistic-reduction', inPlan(`
    giai đoạn "Cả giai đoạn" từ 2021 đến 2030 {
        chỉ tiêu A "Số vụ phạm tội" giảm ⟦10%⟧ so với năm trước hằng năm
    }`, FIVE_YEARS), /10 năm \(2021–2030\)/);
    });

    test('without a plan period a recurring decrease counts once', async () => {
        await expectFindings('unrealistic-reduction', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" giảm ⟦60%⟧ so với năm trước hằng năm
    chỉ tiêu B "Số vụ cháy" giảm 20% so với năm trước hằng năm`, 'của UBND_TINH'), /chỉ một năm đã vượt ngưỡng 50%.*no period/);
    });

    test('is silent on modest decreases (a range by its lower bound), caps, increases, levels, counts and decreases over 100%', async () => {
        await expectSilent('unrealistic-reduction', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" giảm ít nhất 5% so với năm trước hằng năm
    chỉ tiêu B "Số vụ tai nạn" giảm 12% so với năm trước hằng năm
    chỉ tiêu C "Số vụ cháy" giảm tối đa 30% so với năm trước hằng năm
    chỉ tiêu D "Số vụ cháy nổ" giảm dưới 40% so với năm trước hằng năm
    chỉ tiêu E "Số mô hình" tăng 50% so với năm trước hằng năm
    chỉ tiêu F "Tỷ lệ tái phạm" giảm xuống dưới 15%
    chỉ tiêu G "Số vụ trộm" giảm 500 vụ so với năm trước hằng năm
    chỉ tiêu H "Số điểm nóng" giảm 150% so với năm 2020
    chỉ tiêu I "Số người nghiện" giảm 50% so với năm 2020
    chỉ tiêu J "Số vụ" giảm so với năm trước hằng năm
    chỉ tiêu K "Số vụ cướp" giảm từ 10% đến 20% so với năm trước hằng năm`, FIVE_YEARS));
    });

    test('option maxCumulativePercent sets the threshold', async () => {
        useRuleOptions('unrealistic-reduction', { maxCumulativePercent: 20 });
        await expectFindings('unrealistic-reduction', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" giảm ít nhất ⟦5%⟧ so với năm trước hằng năm
    chỉ tiêu B "Số vụ cháy" giảm 4% so với năm trước hằng năm`, FIVE_YEARS), /vượt ngưỡng 20%/);
        useRuleOptions('unrealistic-reduction', { maxCumulativePercent: 80 });
        await expectSilent('unrealistic-reduction', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" giảm ⟦20%⟧ so với năm trước hằng năm`, FIVE_YEARS));
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('unrealistic-reduction', INCOMPLETE_TARGETS);
    });
});
