import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, expectNoInternalErrors, INCOMPLETE_TARGETS } from '../helpers.js';

describe('inverted-range', () => {
    test('fires on a range whose lower bound exceeds the upper, from the value through the upper bound', async () => {
        await expectFindings('inverted-range', inPlan(`
    chỉ tiêu A "Tỷ lệ giải quyết" từ ⟦5% đến 3%⟧
    chỉ tiêu B "Số vụ phạm tội" giảm từ ⟦10% đến 2,5%⟧ so với năm trước
    target C "Households" between ⟦400 to 40 hộ⟧
    chỉ tiêu D "Số mô hình" ⟦12 mô_hình đến 8 mô_hình⟧ trở lên`), /cận dưới .* lớn hơn cận trên .*lower bound .* exceeds the upper bound/);
    });

    test('names both bounds as written and the range in its message', async () => {
        const [finding] = await expectFindings('inverted-range', inPlan(`
    chỉ tiêu A "Tỷ lệ" giảm từ ⟦5% đến 3%⟧ so với năm trước`));
        expect(finding.message).toContain('"giảm từ 5% đến 3%"');
        expect(finding.message).toContain('cận dưới 5% lớn hơn cận trên 3%');
        expect(finding.message).toContain('từ 3% đến 5%');
    });

    test('is silent on ordered ranges, a single-point range, bounds in different units and single values', async () => {
        await expectSilent('inverted-range', inPlan(`
    chỉ tiêu A "Tỷ lệ" từ 3% đến 5%
    chỉ tiêu B "Tỷ lệ" từ 5% đến 5%
    chỉ tiêu C "Kinh phí" từ 5 tỷ đến 300 triệu
    chỉ tiêu D "Tỷ lệ" trên 90%
    chỉ tiêu E "Số vụ" giảm từ 3% đến 5% so với năm trước
    chỉ tiêu F "Tỷ lệ" từ 2,5% đến 10%`));
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('inverted-range', INCOMPLETE_TARGETS);
    });
});
