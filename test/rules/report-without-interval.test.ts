import { describe, expect, test } from 'vitest';
import { examplesWorkspace, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, inPlan, load } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';

const RULE = 'report-without-interval';

describe(RULE, () => {
    test('fires at a report\'s "định kỳ" clause with no interval, in both languages, naming the report', async () => {
        const found = await expectFindings(RULE, inPlan(`
    báo cáo BC "Báo cáo sơ kết" { từ STP  gửi UBND_TINH  ⟦định kỳ⟧ }
    báo cáo "Báo cáo tổng kết" { từ STP  gửi UBND_TINH  ⟦Định  kỳ⟧ }
    report BC2 "Review" { from STP  to UBND_TINH  ⟦periodically⟧ }`), /không nêu bao lâu một lần.* \/ .*not how often/);
        expect(found[0].message).toBe('Báo cáo BC ghi "định kỳ" nhưng không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"… / The report BC says "định kỳ" (periodically) but not how often, so nobody can tell when it is due: write "định kỳ 6 tháng", "hằng quý", "hằng năm"…');
        expect(found[1].message).toMatch(/^Báo cáo ghi "Định {2}kỳ" nhưng/);
        expect(found[2].message).toMatch(/^Báo cáo BC2 ghi "periodically" nhưng .* \/ The report BC2 says "periodically"/);
    });

    test('fires at a report\'s own words that say "định kỳ" with no interval when no recurrence is written', async () => {
        const [title, agencies, paragraph] = await expectFindings(RULE, inPlan(`
    báo cáo BC1 "Báo cáo ⟦định kỳ⟧ kết quả thực hiện" { từ STP  gửi UBND_TINH }
    báo cáo BC3 "Các cơ quan ⟦định kỳ⟧ báo cáo" { từ STP  gửi UBND_TINH }
    phần "IV" "Tổ chức thực hiện" {
        nhiệm vụ NV "Tổ chức thực hiện" {
            chủ trì STP  thường xuyên
            báo cáo BC2 "Báo cáo kết quả" {
                từ STP  gửi UBND_TINH
                "Các đơn vị sơ kết hằng tháng."
                "Các đơn vị ⟦định kỳ⟧ sơ kết, tổng kết theo quy định."
            }
        }
    }`));
        expect(title.message).toMatch(/^Báo cáo BC1 ghi "định kỳ" nhưng không nêu bao lâu một lần/);
        expect(agencies.message).toMatch(/^Báo cáo BC3 ghi "định kỳ"/);
        expect(paragraph.message).toMatch(/^Báo cáo BC2 ghi "định kỳ"/);
    });

    test('is silent when the interval is stated, in the clause or in the words, and on tasks and targets', async () => {
        await expectSilent(RULE, inPlan(`
    báo cáo BC1 "Báo cáo định kỳ 6 tháng" { từ STP  gửi UBND_TINH }
    báo cáo BC2 "Định kỳ 06 tháng, 01 năm, các đơn vị báo cáo" { từ STP  gửi UBND_TINH }
    báo cáo BC3 "Định kỳ hằng năm báo cáo" { từ STP  gửi UBND_TINH }
    báo cáo BC4 "báo cáo (định kỳ 01 năm)" { từ STP  gửi UBND_TINH }
    báo cáo BC5 "Báo cáo định kỳ kết quả" { từ STP  gửi UBND_TINH  hằng năm }
    báo cáo BC6 "Hằng năm, định kỳ sơ kết" { từ STP  gửi UBND_TINH }
    báo cáo BC7 "Báo cáo" { từ STP  gửi UBND_TINH  định kỳ 6 tháng  trước ngày 15/6 }
    báo cáo BC8 "Báo cáo xác định kỳ vọng, theo quy định kỳ báo cáo" { từ STP  gửi UBND_TINH }
    report BC9 "Review" { from STP  to UBND_TINH  every 6 months }
    nhiệm vụ NV "Định kỳ sơ kết" { chủ trì STP  định kỳ }
    chỉ tiêu CT "Tỷ lệ" trên 90% định kỳ`));
    });

    test('in NFD text', async () => {
        await expectFindings(RULE, nfd(inPlan(`
    báo cáo BC1 "Báo cáo ⟦định kỳ⟧ kết quả" { từ STP  gửi UBND_TINH }
    báo cáo BC2 "Báo cáo" { từ STP  gửi UBND_TINH  ⟦định kỳ⟧ }`)) as Record<string, string>);
        await expectSilent(RULE, nfd(inPlan(`
    báo cáo BC1 "Báo cáo định kỳ 6 tháng" { từ STP  gửi UBND_TINH }
    báo cáo BC2 "Báo cáo" { từ STP  gửi UBND_TINH  định kỳ hằng năm }`)) as Record<string, string>);
    });

    test('one finding per defect: recurrence-without-interval leaves reports to this rule', async () => {
        const loaded = await load(inPlan(`
    báo cáo BC "Báo cáo định kỳ kết quả" { từ STP  gửi UBND_TINH  định kỳ }
    nhiệm vụ NV "Kiểm tra" { chủ trì STP  định kỳ }`));
        expect(findingsOf(loaded, RULE).map(d => d.range.start.line)).toHaveLength(1);
        expect(findingsOf(loaded, 'recurrence-without-interval').map(d => loaded.main.textDocument.getText(d.range))).toEqual(['định kỳ']);
        expect(findingsOf(loaded, 'recurrence-without-interval')[0].message).toMatch(/^Nhiệm vụ NV:/);
    });

    test('on the examples: only Thái Bình\'s "Định kỳ … theo quy định" (IV.7), at its clause', async () => {
        const loaded = await load(examplesWorkspace('thai-binh/nq-04.plan'));
        const found = findingsOf(loaded, RULE);
        expect(found.map(d => [d.range.start.line + 1, loaded.main.textDocument.getText(d.range)])).toEqual([[202, 'định kỳ']]);
        expect(found[0].message).toMatch(/^Báo cáo BC_KET_QUA ghi "định kỳ" nhưng không nêu bao lâu một lần/);
        for (const example of ['ca-mau/kh-qd634.plan', 'dong-nai/kh-7488.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'vinh-phuc/ke-hoach-ct39.plan']) {
            expect(findingsOf(await load(examplesWorkspace(example)), RULE), example).toEqual([]);
        }
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors(RULE, INCOMPLETE_DUTIES);
    });
});
