import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';

describe('unresolved-citation', () => {
    test('fires on number-symbols in prose that no declared document carries, at the number inside the string', async () => {
        const found = await expectFindings('unresolved-citation', inPlan(`
    "Căn cứ Chỉ thị số 39/CT-TTg ngày 24/10/2017 và Quyết định số ⟦492/QĐ-TTg⟧ ngày 28/3/2016 của Thủ tướng Chính phủ."
    phần "I" "Nhiệm vụ của Kết luận ⟦132-KL/TW⟧" {
        nhiệm vụ NV1 "Thực hiện Nghị định ⟦78/2021/NĐ-CP⟧ và Nghị quyết ⟦96/2019/QH14⟧." { chủ trì STP }
        chỉ tiêu CT "Tỷ lệ theo Công văn số ⟦12/UBND-VX⟧" trên 90%
        mục tiêu "Theo Kế hoạch
            số ⟦27/KH-UBND⟧ của tỉnh."
    }`), /chưa được khai báo.*is not declared/);
        expect(found[0].message).toContain('văn bản <MÃ> quyết định số "492/QĐ-TTg" ngày 28/3/2016');
    });

    test('a Party number printed state-style links to its declaration in the Party form; undeclared, it is declared in that form', async () => {
        const files = inPlan(`
    "Thực hiện Nghị quyết số 27/NQ-TW ngày 02/4/2020, Kết luận ${'27/NQ- TW'.normalize('NFD')} và Nghị quyết ⟦18/NQ-TW⟧."`);
        files['national.plan'] += '\nvăn bản NQ_27 nghị quyết số "27-NQ/TW" ngày 02/4/2020\n';
        const [finding] = await expectFindings('unresolved-citation', files);
        expect(finding.message).toContain('khai báo văn bản <MÃ> nghị quyết số "18-NQ/TW" /');
    });

    test('finds the number in decomposed (NFD) text too', async () => {
        await expectFindings('unresolved-citation', inPlan(`
    "${'Thực hiện Quyết định số '.normalize('NFD')}⟦${'492/QĐ-TTg'.normalize('NFD')}⟧${' của Thủ tướng.'.normalize('NFD')}"`));
    });

    test('is silent on declared documents, body names, dates and numbers that are not citations', async () => {
        await expectSilent('unresolved-citation', inPlan(`
    "Căn cứ Chỉ thị số 39/CT-TTg ngày 24/10/2017; Ban Chỉ đạo 138/CP; ngày 22-6-2015; tỷ lệ 15/100; lưu M.A90/6; V01 - BCA."
    nhiệm vụ NV1 "Thực hiện ${'Chỉ thị 39/CT-TTg'.normalize('NFD')}." { chủ trì STP }`));
    });
});
