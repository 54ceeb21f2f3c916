import { describe, expect, test } from 'vitest';
import { nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan, expectNoInternalErrors, INCOMPLETE_TARGETS } from '../helpers.js';
import { relatedOf } from './related.js';

function withIndicators(files: Record<string, string>): Record<string, string> {
    return {
        ...files,
        'indicators.plan': `
chỉ số TL_GQ "Tỷ lệ giải quyết tố giác, tin báo về tội phạm" đơn vị %
chỉ số SO_VU "Số vụ phạm tội" đơn vị vụ`,
    };
}

describe('conflicting-targets', () => {
    test('fires on the second of two targets on one indicator whose values cannot meet, at its comparison', async () => {
        const [finding] = await expectFindings('conflicting-targets', withIndicators(inPlan(`
    chỉ tiêu A "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ trên 90%
    phần "II" "Nhiệm vụ" {
        chỉ tiêu B "Tỷ lệ giải quyết tin báo ở cấp huyện" chỉ số TL_GQ ⟦dưới 85%⟧
    }`)));
        expect(finding.message).toContain('B (dưới 85%)');
        expect(finding.message).toContain('A (trên 90%) ở dòng 5');
        expect(finding.message).toContain('chỉ số TL_GQ');
        expect(finding.message).toContain('at line 5');
        expect(relatedOf(finding)).toEqual([{ file: 'plan.plan', line: 5, text: 'trên 90%', message: 'Chỉ tiêu A (trên 90%) / Target A (trên 90%)' }]);
    });

    test('matches targets without an indicator by their text (NFC, case, blanks) and handles points and open bounds', async () => {
        await expectFindings('conflicting-targets', inPlan(`
    chỉ tiêu A "Tỷ lệ hộ dân được tuyên truyền" bằng 100%
    chỉ tiêu B "tỷ lệ  hộ dân được\u0020tuyên truyền" ⟦dưới 95%⟧
    chỉ tiêu C "Ty\u0309 lệ thu hồi tài sản" trên 60%
    chỉ tiêu D "Tỷ lệ thu hồi tài sản" ⟦tối đa 60%⟧
    chỉ tiêu E "Số vụ" giảm ít nhất 10% so với năm trước hằng năm
    chỉ tiêu F "Số vụ" giảm ⟦từ 3% đến 5%⟧ so với năm trước hằng năm
    chỉ tiêu G "Số vụ cháy" tối đa 40 vụ hạn 2020
    chỉ tiêu H "Số vụ cháy" ⟦từ 50 vụ đến 60 vụ⟧ hạn cuối năm 2020`), /mâu thuẫn với chỉ tiêu .* ở dòng \d+.*contradicts target/);
    });

    test('reports each conflicting target once, against the first it conflicts with', async () => {
        await expectFindings('conflicting-targets', inPlan(`
    chỉ tiêu A "Tỷ lệ" trên 90%
    chỉ tiêu B "Tỷ lệ" ⟦dưới 80%⟧
    chỉ tiêu C "Tỷ lệ" ⟦bằng 50%⟧`), /A \(trên 90%\) ở dòng 5/);
    });

    test('checks the targets of a document too', async () => {
        await expectFindings('conflicting-targets', `
văn bản QD quyết định số "1/QĐ-UBND" {
    chỉ tiêu A "Tỷ lệ" ít nhất 90%
    chỉ tiêu B "Tỷ lệ" ⟦dưới 90%⟧
}`);
    });

    test('is silent when the values can meet, or the targets differ in nature, direction, baseline, due, unit or plan', async () => {
        await expectSilent('conflicting-targets', withIndicators(inPlan(`
    chỉ tiêu A "Tỷ lệ giải quyết" chỉ số TL_GQ trên 90%
    chỉ tiêu B "Tỷ lệ giải quyết" chỉ số TL_GQ ít nhất 95%
    chỉ tiêu C "Tỷ lệ giải quyết (khác)" chỉ số TL_GQ từ 90% đến 100%
    chỉ tiêu D "Tỷ lệ" ít nhất 90%
    chỉ tiêu E "Tỷ lệ" tối đa 90%
    chỉ tiêu F "Số vụ" chỉ số SO_VU giảm xuống dưới 100 vụ
    chỉ tiêu G "Số vụ" chỉ số SO_VU giảm ít nhất 5% so với năm trước
    chỉ tiêu H "Số vụ" chỉ số SO_VU tăng dưới 1% so với năm trước
    chỉ tiêu I "Số vụ" chỉ số SO_VU giảm dưới 3% so với năm 2020
    chỉ tiêu J "Số vụ" chỉ số SO_VU giảm so với năm trước
    chỉ tiêu K "Số mô hình" trên 10 mô_hình hạn 2019
    chỉ tiêu L "Số mô hình" dưới 5 mô_hình hạn 2018
    chỉ tiêu M "Số mô hình" dưới 5 mô_hình hạn 2021
    chỉ tiêu N "Tỷ lệ chuyển hóa" trên 60%
    chỉ tiêu O "Tỷ lệ chuyển hóa" dưới 50 địa_bàn
    chỉ tiêu P "Tỷ lệ giải quyết" trên 90%
    chỉ tiêu Q "Tỷ lệ" từ 5% đến 3%`)));
        await expectSilent('conflicting-targets', {
            'a.plan': 'kế hoạch KH1 "Một" {\n    chỉ tiêu A "Tỷ lệ" trên 90%\n}\nkế hoạch KH2 "Hai" {\n    chỉ tiêu A "Tỷ lệ" dưới 80%\n}\n',
        });
    });

    test('compares targets across sections and nested tasks: "100% đến năm 2030" and "ít nhất 50%" can both hold, "không quá 50%" cannot', async () => {
        const plan = (elsewhere: string) => withIndicators({
            ...inPlan(`
    phần "II" "MỤC TIÊU" {
        chỉ tiêu CT_2030 "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT phấn đấu đạt 100% đến năm 2030
    }
    phần "III" "NHIỆM VỤ" {
        phần "1" "Công an tỉnh" giao CA_TINH {
            nhiệm vụ NV1 "Phòng ngừa" {
                chỉ tiêu CT_CA "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ít nhất 50% đến năm 2030
            }
        }
        phần "2" "Sở Tư pháp" giao STP {
            chỉ tiêu CT_STP "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ít nhất 50% đến năm 2030
        }
        phần "3" "Các sở, ngành" {
            nhiệm vụ NV3 "Tuyên truyền" { chủ trì SO_NGANH
                nhiệm vụ NV3_1 "Ở cơ sở" { chỉ tiêu CT_SN "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ${elsewhere} đến năm 2030 }
            }
        }
        chỉ tiêu CT_2025 "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT không quá 50% trong năm 2025
    }`, 'của UBND_TINH  thời gian từ 2025 đến 2030'),
            'indicators.plan': 'chỉ số XA_KMT "Tỷ lệ xã, phường không ma túy" đơn vị %',
        });
        await expectSilent('conflicting-targets', plan('ít nhất 50%'));
        const [finding] = await expectFindings('conflicting-targets', plan('⟦không quá 50%⟧'));
        expect(finding.message).toBe('Chỉ tiêu CT_SN (không quá 50%) mâu thuẫn với chỉ tiêu CT_2030 (đạt 100%) ở dòng 6, cùng chỉ số XA_KMT: không giá trị nào đạt cả hai / Target CT_SN (không quá 50%) contradicts target CT_2030 (đạt 100%) at line 6, on the same indicator XA_KMT: no value meets both');
    });

    test('the same year: a yearly target binds every year of the period, one without a due the last year', async () => {
        await expectFindings('conflicting-targets', inPlan(`
    chỉ tiêu A "Tỷ lệ tái phạm" dưới 15% hằng năm
    chỉ tiêu B "Tỷ lệ tái phạm" ⟦trên 20%⟧ hạn 2019
    chỉ tiêu C "Tỷ lệ tái phạm" trên 20% hạn 2021
    chỉ tiêu D "Số vụ cháy" tối đa 10 vụ
    chỉ tiêu E "Số vụ cháy" ⟦ít nhất 12 vụ⟧ trong năm 2020
    chỉ tiêu F "Số vụ cháy" ít nhất 12 vụ trong năm 2019`));
        // Without a stated period, an undated target and a dated one are not known to bind together.
        await expectSilent('conflicting-targets', inPlan(`
    chỉ tiêu D "Số vụ cháy" tối đa 10 vụ
    chỉ tiêu E "Số vụ cháy" ít nhất 12 vụ trong năm 2020`, 'của UBND_TINH'));
    });

    test('the same measure: a text-only target joins the indicator its text is used with; tone placement, punctuation, NFD aside', async () => {
        const members = `
    chỉ tiêu A "Tỷ lệ giải quyết tin báo" chỉ số TL_GQ trên 90%
    chỉ tiêu B "tỷ lệ giải quyết tin báo." ⟦dưới 85%⟧
    chỉ tiêu C "Tỷ lệ xã, phường không ma tuý" bằng 100%
    chỉ tiêu D "Tỷ lệ xã phường không ma túy" ⟦dưới 60%⟧`;
        await expectFindings('conflicting-targets', withIndicators(inPlan(members)));
        await expectFindings('conflicting-targets', nfd(withIndicators(inPlan(members))) as Record<string, string>);
    });

    test('is silent on targets that apply to different places or bodies (đối với)', async () => {
        await expectSilent('conflicting-targets', inPlan(`
    chỉ tiêu A "Xã, phường không ma túy" đạt 20% trong năm 2025 đối với "các phường"
    chỉ tiêu B "Xã, phường không ma túy" dưới 10% trong năm 2025 đối với "các xã"
    chỉ tiêu C "Xã, phường không ma túy" đạt 30% trong năm 2025 đối với CA_TINH`));
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('conflicting-targets', INCOMPLETE_TARGETS);
    });
});
