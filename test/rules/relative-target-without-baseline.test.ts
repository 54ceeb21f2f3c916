import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, expectNoInternalErrors, INCOMPLETE_TARGETS } from '../helpers.js';

describe('relative-target-without-baseline', () => {
    test('fires on a relative change with no baseline, from the change keyword through the amount', async () => {
        const found = await expectFindings('relative-target-without-baseline', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" ⟦giảm 5%⟧ hằng năm
    chỉ tiêu B "Số vụ tai nạn" ⟦giảm ít nhất 5%⟧
    chỉ tiêu C "Tỷ lệ phạm pháp hình sự" ⟦giảm từ 3% đến 5%⟧
    chỉ tiêu D "Số mô hình" ⟦tăng 10 mô_hình⟧ hạn 2020
    target E "Crimes" ⟦decrease at least 5%⟧`), /không nêu mốc so sánh.*has no baseline/);
        expect(found[0].message).toContain('Chỉ tiêu A "giảm 5%"');
        expect(found[0].message).toContain('"giảm xuống"');
        expect(found[3].message).toContain('"tăng lên"');
    });

    test('is silent with a baseline, on levels ("giảm xuống", "tăng lên"), plain values and a direction alone', async () => {
        await expectSilent('relative-target-without-baseline', inPlan(`
    chỉ tiêu A "Số vụ phạm tội" giảm 5% so với năm trước hằng năm
    chỉ tiêu B "Số vụ" giảm ít nhất 5% so với năm 2020
    chỉ tiêu C "Tỷ lệ" giảm từ 3% đến 5% so với "trước khi triển khai Đề án"
    chỉ tiêu D "Tỷ lệ tái phạm" giảm xuống dưới 15%
    chỉ tiêu E "Tỷ lệ" tăng lên 90%
    chỉ tiêu F "Tỷ lệ" trên 90%
    chỉ tiêu G "Số người bị tạm giữ" giảm
    target H "Crimes" decrease at least 5% compared to previous year`));
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('relative-target-without-baseline', INCOMPLETE_TARGETS);
    });
});
