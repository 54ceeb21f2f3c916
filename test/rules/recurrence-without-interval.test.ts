import { describe, expect, test } from 'vitest';
import { examplesWorkspace } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, inPlan, load } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';

describe('recurrence-without-interval', () => {
    test('fires on "định kỳ" alone, at the keyword, in tasks and targets, in both languages', async () => {
        const found = await expectFindings('recurrence-without-interval', inPlan(`
    nhiệm vụ NV1 "Kiểm tra" { chủ trì STP  ⟦Định  kỳ⟧ }
    chỉ tiêu CT "Tỷ lệ" trên 90% ⟦${'định kỳ'.normalize('NFD')}⟧
    task NV2 "Review" { lead STP  ⟦periodically⟧ }
    nhiệm vụ "Giao ban" { chủ trì STP  ⟦định kỳ⟧ }`), /không nêu bao lâu một lần.*does not say how often/);
        // The duty is named when it has an id.
        expect(found.map(d => d.message.split(' "Định kỳ"')[0])).toEqual(['Nhiệm vụ NV1:', 'Chỉ tiêu CT:', 'Nhiệm vụ NV2:', '"Định kỳ" không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"… /']);
    });

    test('is silent when the interval is stated', async () => {
        await expectSilent('recurrence-without-interval', inPlan(`
    nhiệm vụ NV1 "Kiểm tra" { chủ trì STP  định kỳ hằng năm }
    nhiệm vụ NV2 "Giao ban" { chủ trì STP  hằng quý }
    chỉ tiêu CT "Tỷ lệ" trên 90% định kỳ 6 tháng
    task NV3 "Review" { lead STP  every 6 months }`));
    });

    test('leaves reports to report-without-interval: their clause and their words', async () => {
        await expectSilent('recurrence-without-interval', inPlan(`
    báo cáo BC "Báo cáo sơ kết" { từ STP  gửi UBND_TINH  định kỳ }
    report BC2 "Review" { from STP  to UBND_TINH  periodically }
    báo cáo BC3 "Báo cáo định kỳ kết quả thực hiện" { từ STP  gửi UBND_TINH }`));
    });

    test('on the examples: none (Thái Bình\'s "Định kỳ … theo quy định" is a report\'s)', async () => {
        for (const example of ['thai-binh/nq-04.plan', 'ca-mau/kh-qd634.plan', 'dong-nai/kh-7488.plan', 'tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 'vinh-phuc/ke-hoach-ct39.plan']) {
            expect(findingsOf(await load(examplesWorkspace(example)), 'recurrence-without-interval'), example).toEqual([]);
        }
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('recurrence-without-interval', INCOMPLETE_DUTIES);
    });
});
