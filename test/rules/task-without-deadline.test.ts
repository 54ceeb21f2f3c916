import { afterEach, describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectNoSyntaxErrors, expectSilent, findingsOf, inPlan, load, resetRuleSettings, useRuleOptions } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';
import { relatedOf } from './related.js';

const RULE = 'task-without-deadline';

describe(RULE, () => {
    afterEach(resetRuleSettings);

    test('fires over the header of each directed task that nothing in its chain gives a timing (the plan period does not count)', async () => {
        const found = await expectFindings(RULE, inPlan(`
    phần "III" "NHIỆM VỤ" {
        ⟦nhiệm vụ NV1 "Tuyên truyền, phổ biến Kế hoạch"⟧ { chủ trì STP }
        nhiệm vụ NV2 "Tổng kết" { chủ trì STP  hạn cuối năm 2020 }
        nhiệm vụ NV3 "Nắm tình hình" { chủ trì CA_TINH  thường xuyên }
        nhiệm vụ NV4 "Sơ kết" { chủ trì CA_TINH  hằng năm }
        nhiệm vụ NV5 "Triển khai khi có hướng dẫn" { chủ trì CA_TINH  khi CA_TINH "có hướng dẫn" }
        nhiệm vụ NV6 "Rà soát văn bản" {
            chủ trì STP  trong quý IV/2019
            [-] nhiệm vụ "Rà soát nghị định" { }
        }
        ⟦nhiệm vụ NV7 "Kiện toàn Ban Chỉ đạo"⟧ {
            chủ trì CA_TINH
            [a)] nhiệm vụ "Ban hành quyết định" { }
            [b)] nhiệm vụ "Ban hành quy chế" { }
        }
        nhiệm vụ NV8 "Xây dựng kế hoạch" {
            chủ trì STP
            [a)] nhiệm vụ "Dự thảo" { hạn tháng 3/2018 }
            ⟦[b)] nhiệm vụ "Lấy ý kiến"⟧ { }
        }
        đề nghị DN "Đề nghị Viện kiểm sát phối hợp" { chủ trì VKS_TINH }
        giai đoạn GD1 "Giai đoạn 1" từ 2018 đến 2019 {
            nhiệm vụ NV9 "Thành lập tổ công tác" { chủ trì CA_TINH }
        }
    }
    phụ lục "I" "DANH MỤC NHIỆM VỤ" {
        ⟦[1] nhiệm vụ "Xây dựng đề án"⟧ { chủ trì CA_TINH  phối hợp STP }
        [2] nhiệm vụ "Xây dựng cơ sở dữ liệu" { chủ trì CA_TINH  hạn quý IV/2019 }
    }`), /không có thời hạn.* \/ .*has no timing/);
        expect(found[0].message).toBe('Nhiệm vụ NV1 không có thời hạn (không có hạn, thời gian, "thường xuyên" hay định kỳ, kể cả của nhiệm vụ hoặc giai đoạn chứa nó), nên không ai có thể bị coi là chậm: ghi thời hạn như bản gốc / The task NV1 has no timing (no deadline, period, "thường xuyên" (ongoing) or recurrence, nor one from the task or phase it is part of), so nobody can be late: write the timing the original gives');
    });

    test('is silent when every directed task has a timing, own or inherited, and on requests', async () => {
        await expectSilent(RULE, inPlan(`
    nhiệm vụ NV1 "Tổng kết" { chủ trì STP  hạn 15/12/2020 }
    task NV2 "Review" { lead STP  ongoing }
    nhiệm vụ NV3 "Kiểm tra" { chủ trì STP  định kỳ 6 tháng
        nhiệm vụ "Kiểm tra các huyện" { chủ trì CA_TINH }
    }
    nhiệm vụ NV4 "Triển khai" { chủ trì STP  từ 01/7/2018 }
    nhiệm vụ NV5 "Báo cáo" { chủ trì STP  hạn 00/00/0000 }
    đề nghị DN "Phối hợp" { chủ trì MTTQ_TINH }
    giai đoạn GD "Giai đoạn 2019 - 2020" từ 2019 đến 2020 {
        phần "1" "Các sở" giao SO_NGANH {
            nhiệm vụ "Sơ kết" { }
        }
    }`));
    });

    test('reports once on the plan, listing each task, when more tasks than summaryThreshold have no timing', async () => {
        const tasks = ['Tuyên truyền', 'Rà soát', 'Kiểm tra', 'Tập huấn', 'Sơ kết', 'Tổng kết']
            .map((text, i) => `    nhiệm vụ NV${i + 1} "${text}" { chủ trì STP }`).join('\n');
        const files = inPlan(`${tasks}\n    nhiệm vụ NV7 "Báo cáo" { chủ trì STP  hạn 31/12/2019 }`);
        const plan = files['plan.plan'].replace('kế hoạch KH', 'kế hoạch ⟦KH⟧');
        const [summary] = await expectFindings(RULE, { ...files, 'plan.plan': plan });
        expect(summary.message).toBe('Kế hoạch KH: 6 trong 7 nhiệm vụ được giao không có thời hạn (hạn, thời gian, "thường xuyên" hay định kỳ), nên không ai có thể bị coi là chậm; dòng 4, 5, 6, 7, 8, 9 / KH: 6 of its 7 directed tasks have no timing (a deadline, a period, "thường xuyên" (ongoing) or a recurrence), so nobody can be late; lines 4, 5, 6, 7, 8, 9');
        expect(relatedOf(summary).map(r => [r.line, r.text])).toEqual(
            ['Tuyên truyền', 'Rà soát', 'Kiểm tra', 'Tập huấn', 'Sơ kết', 'Tổng kết'].map((text, i) => [i + 4, `nhiệm vụ NV${i + 1} "${text}"`]));

        // With no timed task at all, the message says so.
        const none = await expectFindings(RULE, { ...files, 'plan.plan': plan.replace('hạn 31/12/2019', '') });
        expect(none[0].message).toMatch(/^Kế hoạch KH: không nhiệm vụ nào trong 7 nhiệm vụ được giao có thời hạn .* \/ KH: none of its 7 directed tasks has a timing/);

        useRuleOptions(RULE, { summaryThreshold: 10 });
        const each = await load(files);
        expect(findingsOf(each, RULE).map(d => d.range.start.line + 1)).toEqual([4, 5, 6, 7, 8, 9]);
        useRuleOptions(RULE, { summaryThreshold: 0 });
        const one = await load(inPlan('    nhiệm vụ NV1 "Tuyên truyền" { chủ trì STP }'));
        expect(findingsOf(one, RULE).map(d => d.message)).toEqual([expect.stringMatching(/^Kế hoạch KH: không nhiệm vụ nào trong 1 nhiệm vụ/)]);
    });

    test('reads decomposed (NFD) text as composed', async () => {
        await expectFindings(RULE, nfd(inPlan(`
    ⟦nhiệm vụ NV1 "Tuyên truyền"⟧ { chủ trì STP }
    nhiệm vụ NV2 "Nắm tình hình" { chủ trì STP  thường xuyên }
    nhiệm vụ NV3 "Sơ kết" { chủ trì STP  hằng năm }`)) as Record<string, string>);
    });

    test('on the examples: one finding per plan, naming the tasks that lack a timing and not those that have one', async () => {
        const loaded = await load(examplesWorkspace('vinh-phuc/ke-hoach-ct39.plan'));
        expectNoSyntaxErrors(loaded);
        const [summary, ...others] = findingsOf(loaded, RULE);
        expect(others).toEqual([]);
        expect(summary.message).toMatch(/^Kế hoạch KH_CT39: 9 trong 10 nhiệm vụ được giao không có thời hạn/);
        const lines = relatedOf(summary).map(r => r.line);
        // III.1's bullets but the second ("Tiếp tục thực hiện … Chỉ thị số 46-CT/TW", ongoing), III.2–4, IV.1–2;
        // the requests to the procuracy, the court and the Front (III.5, III.6) are not counted.
        expect(lines).toEqual([39, 51, 52, 53, 55, 59, 65, 83, 100]);

        const caMau = await load(examplesWorkspace('ca-mau/kh-qd634.plan'));
        const [none] = findingsOf(caMau, RULE);
        expect(none.message).toMatch(/^Kế hoạch KH_QD634: không nhiệm vụ nào trong 52 nhiệm vụ được giao có thời hạn/);
        expect(none.range.start.line + 1).toBe(68);
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('task-without-deadline', INCOMPLETE_DUTIES);
    });
});

describe(`${RULE} quick fix`, () => {
    test.each([
        ['nhiệm vụ NV1 "Tuyên truyền" { chủ trì STP }', 'nhiệm vụ NV1 "Tuyên truyền" { chủ trì STP  hạn 00/00/0000 }'],
        ['nhiệm vụ NV1 "Tuyên truyền"', 'nhiệm vụ NV1 "Tuyên truyền" { hạn 00/00/0000 }'],
        ['task T1 "Dissemination" { lead STP }', 'task T1 "Dissemination" { lead STP  due 00/00/0000 }'],
        ['nhiệm vụ NV1 "Tuyên truyền" {\n        chủ trì STP\n    }', 'nhiệm vụ NV1 "Tuyên truyền" {\n        chủ trì STP\n        hạn 00/00/0000\n    }'],
    ])('%s: a placeholder deadline, which unfilled-placeholder reports instead', async (task, expected) => {
        const applied = await expectCleanFix(inPlan(`    ${task}`), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan']).toContain(expected);
        expect(applied.action.title).toBe(`Thêm "${expected.includes('due') ? 'due' : 'hạn'} 00/00/0000" (cần điền thời hạn) / Add a deadline to fill in`);
    });

    test('in NFD text', async () => {
        const applied = await expectCleanFix(nfd(inPlan('    nhiệm vụ NV1 "Tuyên truyền" { chủ trì STP }')), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan'].normalize('NFC')).toContain('chủ trì STP  hạn 00/00/0000 }');
    });
});
