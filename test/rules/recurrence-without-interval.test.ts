import { describe, expect, test } from 'vitest';
import { examplesWorkspace } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, inPlan, load } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';

describe('recurrence-without-interval', () => {
    test('fires on "định kỳ" alone, at the keyword, in tasks, reports and targets, in both languages', async () => {
        const found = await expectFindings('recurrence-without-interval', inPlan(`
    báo cáo BC "Báo cáo sơ kết" { từ STP  gửi UBND_TINH  ⟦định kỳ⟧ }
    nhiệm vụ NV1 "Kiểm tra" { chủ trì STP  ⟦Định  kỳ⟧ }
    chỉ tiêu CT "Tỷ lệ" trên 90% ⟦${'định kỳ'.normalize('NFD')}⟧
    report BC2 "Review" { from STP  to UBND_TINH  ⟦periodically⟧ }
    nhiệm vụ "Giao ban" { chủ trì STP  ⟦định kỳ⟧ }`), /không nêu bao lâu một lần.*does not say how often/);
        // The duty is named when it has an id.
        expect(found.map(d => d.message.split(' "Định kỳ"')[0])).toEqual(['Báo cáo BC:', 'Nhiệm vụ NV1:', 'Chỉ tiêu CT:', 'Báo cáo BC2:', '"Định kỳ" không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"… /']);
    });

    test('is silent when the interval is stated', async () => {
        await expectSilent('recurrence-without-interval', inPlan(`
    báo cáo BC "Báo cáo" { từ STP  gửi UBND_TINH  định kỳ 6 tháng  trước ngày 15/6 }
    nhiệm vụ NV1 "Kiểm tra" { chủ trì STP  định kỳ hằng năm }
    nhiệm vụ NV2 "Giao ban" { chủ trì STP  hằng quý }
    report BC2 "Review" { from STP  to UBND_TINH  every 6 months }`));
    });

    test('fires on a report whose own words say "định kỳ" with no interval when no recurrence is written, at the words', async () => {
        const [title, paragraph] = await expectFindings('recurrence-without-interval', inPlan(`
    báo cáo BC1 "Báo cáo ⟦định kỳ⟧ kết quả thực hiện" { từ STP  gửi UBND_TINH }
    báo cáo BC2 "Báo cáo kết quả" {
        từ STP  gửi UBND_TINH
        "Các đơn vị ⟦${'định kỳ'.normalize('NFD')}⟧ sơ kết, tổng kết theo quy định."
    }`));
        expect(title.message).toBe('Báo cáo BC1 ghi "định kỳ" nhưng không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"… / The report BC1 says "định kỳ" (periodically) but not how often, so nobody can tell when it is due: write "định kỳ 6 tháng", "hằng quý", "hằng năm"…');
        expect(paragraph.message).toMatch(/^Báo cáo BC2 ghi "định kỳ"/);
        await expectSilent('recurrence-without-interval', inPlan(`
    báo cáo BC1 "Báo cáo định kỳ 6 tháng" { từ STP  gửi UBND_TINH }
    báo cáo BC2 "Định kỳ 06 tháng, 01 năm, các đơn vị báo cáo" { từ STP  gửi UBND_TINH }
    báo cáo BC3 "Định kỳ hằng năm báo cáo" { từ STP  gửi UBND_TINH }
    báo cáo BC4 "báo cáo (định kỳ 01 năm)" { từ STP  gửi UBND_TINH }
    báo cáo BC5 "Báo cáo định kỳ kết quả" { từ STP  gửi UBND_TINH  hằng năm }
    báo cáo BC6 "Hằng năm, định kỳ sơ kết" { từ STP  gửi UBND_TINH }
    nhiệm vụ NV "Định kỳ sơ kết" { chủ trì STP  thường xuyên }`));
    });

    test('on the examples: only Thái Bình\'s "Định kỳ … theo quy định", once', async () => {
        const loaded = await load(examplesWorkspace('thai-binh/nq-04.plan'));
        const found = findingsOf(loaded, 'recurrence-without-interval');
        expect(found.map(d => d.range.start.line + 1)).toEqual([202]);
        expect(found[0].message).toMatch(/^Báo cáo BC_KET_QUA: "Định kỳ" không nêu bao lâu một lần/);
        for (const example of ['ca-mau/kh-qd634.plan', 'dong-nai/kh-7488.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan']) {
            expect(findingsOf(await load(examplesWorkspace(example)), 'recurrence-without-interval'), example).toEqual([]);
        }
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('recurrence-without-interval', INCOMPLETE_DUTIES);
    });
});
