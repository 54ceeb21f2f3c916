import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, expectNoInternalErrors, INCOMPLETE_TARGETS } from '../helpers.js';
import { relatedOf } from './related.js';

const NATIONAL = `
cơ quan TTG "Thủ tướng Chính phủ"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh"
chỉ số TL_GQ "Tỷ lệ giải quyết tố giác, tin báo về tội phạm" đơn vị %
chỉ số TL_DT "Tỷ lệ điều tra, khám phá" đơn vị %
chỉ số SO_VU "Số vụ phạm tội" đơn vị vụ
chỉ số SO_TNGT "Số vụ tai nạn giao thông" đơn vị vụ
văn bản QD_634 quyết định số "634/QĐ-TTg" ngày 13/5/2020 của TTG "phê duyệt Chương trình" {
    chỉ tiêu CT_GQ "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ trên 90% hằng năm
    chỉ tiêu CT_DT "Tỷ lệ điều tra" chỉ số TL_DT từ 75% đến 100%
    chỉ tiêu CT_VU "Số vụ phạm tội" chỉ số SO_VU giảm ít nhất 5% so với năm trước hằng năm
    chỉ tiêu CT_TNGT "Số vụ tai nạn" chỉ số SO_TNGT dưới 1000 vụ hạn 2025
}
văn bản ND_1 nghị định số "1/2020/NĐ-CP" "quy định" {
    chỉ tiêu CT_DT2 "Tỷ lệ điều tra" chỉ số TL_DT ít nhất 80%
}
`;

function plan(header: string, members: string): Record<string, string> {
    return {
        'plan.plan': `kế hoạch KH "Kế hoạch thử" {\n    của UBND_TINH  thời gian từ 2021 đến 2025\n    ${header}\n${members}\n}\n`,
        'national.plan': NATIONAL,
    };
}

describe('weaker-than-basis', () => {
    test('fires on a target that admits values the implemented document\'s target does not, at its comparison', async () => {
        const [finding] = await expectFindings('weaker-than-basis', plan('thực hiện QD_634', `
    chỉ tiêu A "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ ⟦trên 85%⟧ hằng năm`));
        expect(finding.message).toContain('A (trên 85%)');
        expect(finding.message).toContain('CT_GQ (trên 90%)');
        expect(finding.message).toContain('Quyết định số 634/QĐ-TTg');
        expect(finding.message).toContain('which this plan implements');
        // The basis target, in the registry that declares the decision.
        expect(relatedOf(finding)).toEqual([{
            file: 'national.plan', line: 9, text: 'trên 90%',
            message: 'Chỉ tiêu CT_GQ (trên 90%) của Quyết định số 634/QĐ-TTg / Target CT_GQ (trên 90%) of Quyết định số 634/QĐ-TTg',
        }]);
    });

    test('"ít nhất 90%" is weaker than "trên 90%"; ranges, relative changes and a direction alone are compared too', async () => {
        await expectFindings('weaker-than-basis', plan('thực hiện QD_634', `
    chỉ tiêu A "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ ⟦ít nhất 90%⟧ hằng năm
    chỉ tiêu B "Tỷ lệ điều tra" chỉ số TL_DT ⟦70% trở lên⟧
    chỉ tiêu C "Số vụ phạm tội" chỉ số SO_VU giảm ⟦ít nhất 3%⟧ so với năm trước hằng năm
    chỉ tiêu D "Số vụ phạm tội" chỉ số SO_VU ⟦giảm⟧ so với năm trước hằng năm
    chỉ tiêu E "Tỷ lệ giải quyết tin báo năm 2023" chỉ số TL_GQ ⟦đạt 88%⟧ hạn 2023`), /lỏng hơn chỉ tiêu .*is weaker than target/);
    });

    test('follows `căn cứ` as well, and names the relation', async () => {
        await expectFindings('weaker-than-basis', plan('căn cứ ND_1', `
    chỉ tiêu B "Tỷ lệ điều tra" chỉ số TL_DT ⟦trên 75%⟧`), /Nghị định số 1\/2020\/NĐ-CP \(văn bản được căn cứ\)/);
    });

    test('follows a plan implemented by this one', async () => {
        await expectFindings('weaker-than-basis', {
            'plan.plan': `kế hoạch KH_HUYEN "Kế hoạch cấp huyện" {\n    thực hiện KH_TINH\n    chỉ tiêu A "Tỷ lệ" chỉ số TL_GQ ⟦tối thiểu 92%⟧\n}\n`,
            'province.plan': `kế hoạch KH_TINH "Kế hoạch của tỉnh" {\n    số "12/KH-UBND"\n    chỉ tiêu A "Tỷ lệ" chỉ số TL_GQ trên 95%\n}\n`,
            'national.plan': NATIONAL,
        }, /Kế hoạch số 12\/KH-UBND/);
    });

    test('is silent on targets as strict as the basis, and on those that cannot be compared', async () => {
        await expectSilent('weaker-than-basis', plan('thực hiện QD_634', `
    chỉ tiêu A "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ trên 95% hằng năm
    chỉ tiêu A2 "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ bằng 100%
    chỉ tiêu A3 "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ từ 91% đến 100% hạn 2024
    chỉ tiêu B "Tỷ lệ điều tra" chỉ số TL_DT từ 80% đến 95%
    chỉ tiêu C "Số vụ phạm tội" chỉ số SO_VU giảm ít nhất 7% so với năm trước hằng năm
    chỉ tiêu C2 "Số vụ phạm tội" chỉ số SO_VU giảm 3% so với năm 2020
    chỉ tiêu C3 "Số vụ phạm tội" chỉ số SO_VU giảm xuống dưới 2000 vụ
    chỉ tiêu C4 "Số vụ phạm tội" chỉ số SO_VU tăng dưới 1% so với năm trước hằng năm
    chỉ tiêu D "Số vụ tai nạn" chỉ số SO_TNGT dưới 1500 vụ hạn 2022
    chỉ tiêu D2 "Số vụ tai nạn" chỉ số SO_TNGT dưới 900 vụ hạn 2025
    chỉ tiêu E "Tỷ lệ giải quyết tin báo (không có chỉ số)" trên 50%
    chỉ tiêu F "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ trên 85 vụ`));
        // Not cited: ND_1 holds a stricter target on TL_DT, but this plan neither implements nor cites it.
        await expectSilent('weaker-than-basis', plan('căn cứ CHUA_KHAI_BAO', `
    chỉ tiêu B "Tỷ lệ điều tra" chỉ số TL_DT trên 50%`));
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('weaker-than-basis', INCOMPLETE_TARGETS);
    });
});
