import { describe, expect, test } from 'vitest';
import { nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, INCOMPLETE_TARGETS, inPlan } from '../helpers.js';
import { relatedOf } from './related.js';

const INDICATORS = { 'indicators.plan': 'chỉ số XA_KMT "Tỷ lệ xã, phường không ma túy" đơn vị %' };

/** One section states 100% by 2030; four others, in tasks and headings, state another level. */
function plan(level: string, others = level, rest = others.replace(/[⟦⟧]/g, '')): Record<string, string> {
    return {
        ...inPlan(`
    phần "II" "MỤC TIÊU" {
        chỉ tiêu CT_2030 "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT phấn đấu đạt 100% đến năm 2030
    }
    phần "III" "NHIỆM VỤ" {
        phần "1" "Công an tỉnh" giao CA_TINH {
            nhiệm vụ NV1 "Phòng ngừa" { chỉ tiêu CT_1 "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ${level} đến năm 2030 }
        }
        phần "2" "Sở Tư pháp" giao STP { chỉ tiêu CT_2 "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ${others} đến năm 2030 }
        phần "3" "Các sở" giao SO_NGANH { chỉ tiêu CT_3 "Tỷ lệ xã, phường không ma tuý" ${rest} }
        chỉ tiêu CT_4 "tỷ lệ xã phường không ma túy" ${rest} trong năm 2030
    }`, 'của UBND_TINH  thời gian từ 2025 đến 2030'),
        ...INDICATORS,
    };
}

describe('inconsistent-targets', () => {
    test('fires once at the first target of a level that differs, with the others stating it as related places', async () => {
        const [finding] = await expectFindings('inconsistent-targets', plan('⟦ít nhất 50%⟧', 'ít nhất 50%'));
        expect(finding.message).toBe('Chỉ tiêu CT_1 (ít nhất 50%) (và 3 chỉ tiêu khác cùng mức) nêu mức khác với chỉ tiêu CT_2030 (đạt 100%) ở dòng 6, cùng chỉ số XA_KMT, cùng thời hạn: cả hai có thể cùng đạt, nhưng người đọc không biết mức nào là chỉ tiêu; thống nhất một mức, hoặc ghi rõ mỗi mức áp dụng cho đâu ("đối với …") / Target CT_1 (ít nhất 50%) (and 3 more at that level) states another level than target CT_2030 (đạt 100%) at line 6, on the same indicator XA_KMT, due alike: both can be met, but a reader cannot tell which level is the target; keep one level, or state what each applies to ("đối với …")');
        expect(relatedOf(finding).map(r => [r.line, r.text])).toEqual([[6, 'đạt 100%'], [12, 'ít nhất 50%'], [13, 'ít nhất 50%'], [14, 'ít nhất 50%']]);
        const decomposed = await expectFindings('inconsistent-targets', nfd(plan('⟦ít nhất 50%⟧', 'ít nhất 50%')) as Record<string, string>);
        expect(decomposed).toHaveLength(1);
    });

    test('one finding per level: two different lower levels give two findings', async () => {
        await expectFindings('inconsistent-targets', plan('⟦ít nhất 50%⟧', '⟦trên 80%⟧'));
    });

    test('is silent on the same level written differently, on levels that cannot both hold (conflicting-targets), and on other years', async () => {
        await expectSilent('inconsistent-targets', plan('đạt 100%', 'bằng 100%'));
        await expectSilent('inconsistent-targets', plan('không quá 50%'));
        await expectSilent('inconsistent-targets', {
            ...inPlan(`
    chỉ tiêu A "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT phấn đấu đạt 100% đến năm 2030
    chỉ tiêu B "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ít nhất 50% trong năm 2027
    chỉ tiêu C "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ít nhất 80% hằng năm
    chỉ tiêu D "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT bảo đảm ít nhất 60% đến năm 2030
    chỉ tiêu E "Tỷ lệ xã, phường không ma túy" chỉ số XA_KMT ít nhất 40% đến năm 2030 đối với "các xã miền núi"
    chỉ tiêu F "Số vụ" giảm ít nhất 5% so với năm trước hằng năm
    chỉ tiêu G "Số vụ" giảm từ 3% đến 5% so với năm 2020 hằng năm`, 'của UBND_TINH  thời gian từ 2025 đến 2030'),
            ...INDICATORS,
        });
    });

    test('never throws on incomplete input (as typed in the editor)', async () => {
        await expectNoInternalErrors('inconsistent-targets', INCOMPLETE_TARGETS);
    });
});
