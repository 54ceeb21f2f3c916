import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, INTERNAL_ERROR } from '../helpers.js';

describe('rate-out-of-range', () => {
    test('fires on rates below 0%, above 100%, "above 100%" and a decrease over 100%, at the value', async () => {
        await expectFindings('rate-out-of-range', inPlan(`
    chỉ tiêu A "Tỷ lệ giải quyết" trên ⟦120%⟧
    chỉ tiêu B "Tỷ lệ" từ 90% đến ⟦101%⟧
    chỉ tiêu C "Tỷ lệ" trên ⟦100%⟧
    chỉ tiêu D "Số vụ" giảm ⟦150%⟧ so với năm trước
    chỉ tiêu E "Tỷ lệ" dưới ⟦0%⟧`), /100%|0%/);
    });

    test('takes the unit from the indicator when the value has none', async () => {
        const files = inPlan(`    target F "Rate" indicator PCT at least ⟦120⟧`);
        files['indicators.plan'] = 'indicator PCT "A percentage" unit %';
        await expectFindings('rate-out-of-range', files);
    });

    test('is silent on rates within range, on counts and on relative increases', async () => {
        await expectSilent('rate-out-of-range', inPlan(`
    chỉ tiêu A "Tỷ lệ giải quyết" trên 90%
    chỉ tiêu B "Tỷ lệ" bằng 100%
    chỉ tiêu C "Tỷ lệ" từ 3% đến 5%
    chỉ tiêu D "Số hộ" tối đa 400 hộ
    chỉ tiêu E "Số mô hình" tăng 150% so với năm 2020
    chỉ tiêu F "Tỷ lệ" dưới 15%`));
    });
});

describe('rate-out-of-range on incomplete input', () => {
    test('does not throw on a comparison still being typed', async () => {
        const { load } = await import('../helpers.js');
        const loaded = await load(inPlan('    chỉ tiêu X "Tỷ lệ" giảm từ'));
        expect(loaded.diagnostics.some(d => d.code === 'rate-out-of-range')).toBe(false);
        expect(loaded.diagnostics.some(d => INTERNAL_ERROR.test(d.message))).toBe(false);
    });
});
