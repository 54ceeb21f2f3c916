import { afterEach, describe, expect, test } from 'vitest';
import { examplesWorkspace, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, inPlan, load, resetRuleSettings, useRuleOptions } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';
import { relatedOf } from './related.js';

const RULE = 'deadline-too-soon';
const HEADER = 'của UBND_TINH  ngày 16/6/2020';

describe(RULE, () => {
    afterEach(resetRuleSettings);

    test('fires at a deadline before the plan\'s date or fewer than minDays (10) days after it, on tasks, reports and targets', async () => {
        const found = await expectFindings(RULE, inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn ⟦20/6/2020⟧ }
    nhiệm vụ NV2 "Rà soát" { chủ trì STP  hạn ⟦10/6/2020⟧ }
    nhiệm vụ NV3 "Kiện toàn" { chủ trì STP  trước ngày ⟦26/6/2020⟧ }
    báo cáo BC "Báo cáo nhanh" { từ STP  gửi UBND_TINH  hạn ⟦tháng 5/2020⟧ }
    chỉ tiêu CT "Tỷ lệ" trên 90% hạn ⟦16/6/2020⟧`, HEADER), /(ngày ban hành kế hoạch).* \/ .*plan's date/);
        const byLine = [...found].sort((a, b) => a.range.start.line - b.range.start.line).map(d => d.message);
        expect(byLine[0]).toBe('Nhiệm vụ NV1 có hạn "20/6/2020" chỉ 4 ngày sau ngày ban hành kế hoạch (16/6/2020), không đủ để nhận văn bản, triển khai và thực hiện (ít nhất 10 ngày); kiểm tra lại với bản gốc / The task NV1 is due "20/6/2020", only 4 days after the plan\'s date (16/6/2020), too little time to receive the plan, organise and do it (at least 10 days); check it against the original');
        expect(byLine[1]).toBe('Nhiệm vụ NV2 có hạn "10/6/2020" trước ngày ban hành kế hoạch (16/6/2020): đã quá hạn ngay khi kế hoạch ra đời; kiểm tra lại với bản gốc / The task NV2 is due "10/6/2020", before the plan\'s date (16/6/2020): overdue the day the plan is issued; check it against the original');
        // "trước ngày 26/6" is due by the 25th: 9 days.
        expect(byLine[2]).toContain('chỉ 9 ngày sau');
        expect(byLine[3]).toMatch(/^Báo cáo BC có hạn "tháng 5\/2020" trước ngày ban hành/);
        expect(byLine[4]).toMatch(/^Chỉ tiêu CT có hạn "16\/6\/2020" chỉ 0 ngày sau/);
        expect(relatedOf(found[0])).toEqual([{ file: 'plan.plan', line: 3, text: '16/6/2020', message: 'Ngày ban hành kế hoạch (16/6/2020) / The plan\'s date (16/6/2020)' }]);
    });

    test('is silent on later deadlines, recurring days, undated plans, and deadlines before the stated period (deadline-outside-period\'s)', async () => {
        await expectSilent(RULE, inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn 26/6/2020 }
    nhiệm vụ NV2 "Rà soát" { chủ trì STP  trong tháng 6/2020 }
    nhiệm vụ NV3 "Sơ kết" { chủ trì STP  trước ngày 20/6  hằng năm }
    nhiệm vụ NV4 "Tổng kết" { chủ trì STP  hạn cuối năm 2020 }
    nhiệm vụ NV5 "Chưa điền" { chủ trì STP  hạn 00/00/0000 }`, HEADER));
        await expectSilent(RULE, inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn 20/6/2020 }`, 'của UBND_TINH'));
        await expectSilent(RULE, inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn 20/5/2020 }`, `${HEADER}  thời gian từ nay đến năm 2021`));
        // A period that starts before the plan's date does not cover a deadline before that date.
        await expectFindings(RULE, inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn ⟦20/5/2020⟧ }`, `${HEADER}  thời gian từ 2020 đến 2021`));
    });

    test('minDays sets the margin; 0 reports only deadlines before the plan\'s date', async () => {
        const plan = inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn 20/7/2020 }
    nhiệm vụ NV2 "Rà soát" { chủ trì STP  hạn 16/6/2020 }
    nhiệm vụ NV3 "Kiện toàn" { chủ trì STP  hạn 15/6/2020 }`, HEADER);
        useRuleOptions(RULE, { minDays: 60 });
        expect(findingsOf(await load(plan), RULE).map(d => d.range.start.line + 1)).toEqual([5, 6, 7]);
        useRuleOptions(RULE, { minDays: 0 });
        expect(findingsOf(await load(plan), RULE).map(d => d.range.start.line + 1)).toEqual([7]);
    });

    test('a plan issued with a decision takes the decision\'s date; NFD input', async () => {
        const files = inPlan(`
    nhiệm vụ NV1 "Xây dựng đề án" { chủ trì STP  hạn ngày ⟦18 tháng 6 năm 2020⟧ }`, 'của UBND_TINH  ban hành kèm theo QD');
        files['plan.plan'] += 'văn bản QD quyết định số "1/QĐ-UBND" ngày 16/6/2020 của UBND_TINH\n';
        const [finding] = await expectFindings(RULE, nfd(files) as Record<string, string>);
        expect(finding.message.normalize('NFC')).toContain('chỉ 2 ngày sau ngày ban hành kế hoạch (16/6/2020)');
        expect(relatedOf(finding).map(r => [r.line, r.text])).toEqual([[7, '16/6/2020']]);
    });

    test('is silent on the examples (their deadlines are months or years after the plans\' dates)', async () => {
        for (const example of ['ca-mau/kh-qd634.plan', 'dong-nai/kh-7488.plan', 'thai-binh/nq-04.plan']) {
            expect(findingsOf(await load(examplesWorkspace(example)), RULE), example).toEqual([]);
        }
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('deadline-too-soon', INCOMPLETE_DUTIES);
    });
});
