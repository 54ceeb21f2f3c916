import { afterEach, describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';
import { relatedOf } from './related.js';

describe('phase-gap', () => {
    afterEach(resetRuleSettings);

    test('fires at the phase after a gap between two phases', async () => {
        const found = await expectFindings('phase-gap', inPlan(`
    phần "V" "Tiến độ" {
        giai đoạn GD1 "Giai đoạn 1" từ 2017 đến 2018
        giai đoạn GD2 "Giai đoạn 2" ⟦từ 2020 đến 2021⟧
    }`, 'của UBND_TINH  thời gian từ 2017 đến 2021'), /không thuộc giai đoạn nào.* \/ .*not covered by any phase/);
        expect(found[0].message).toBe('Khoảng 2019 không thuộc giai đoạn nào, giữa giai đoạn GD1 (2017–2018) và giai đoạn GD2 (2020–2021) / 2019 is not covered by any phase, between phase GD1 (2017–2018) and phase GD2 (2020–2021)');
        expect(relatedOf(found[0])).toEqual([{ file: 'plan.plan', line: 6, text: 'từ 2017 đến 2018', message: 'Giai đoạn GD1 (2017–2018) / Phase GD1 (2017–2018)' }]);
    });

    test('fires at the first and last phases when the plan period starts earlier or ends later', async () => {
        const found = await expectFindings('phase-gap', inPlan(`
    giai đoạn GD2 "Giai đoạn 2" ⟦từ ngày 1/7/2021 đến ngày 31/12/2021⟧
    giai đoạn GD1 "Giai đoạn 1" ⟦từ 2020 đến ngày 30/6/2021⟧`, 'của UBND_TINH  thời gian từ ngày 16/6/2019 đến 2022'));
        expect(found.map(f => f.message)).toEqual([
            expect.stringMatching(/^Khoảng 16\/6\/2019–31\/12\/2019 không thuộc giai đoạn nào, từ đầu thời gian kế hoạch \(16\/6\/2019–31\/12\/2022\) đến giai đoạn đầu tiên GD1/),
            expect.stringMatching(/^Khoảng 2022 không thuộc giai đoạn nào, từ giai đoạn cuối GD2 đến hết thời gian kế hoạch/),
        ]);
        const period = { file: 'plan.plan', line: 3, text: 'từ ngày 16/6/2019 đến 2022', message: 'Thời gian kế hoạch (16/6/2019–31/12/2022) / The period of the plan (16/6/2019–31/12/2022)' };
        expect(found.map(relatedOf)).toEqual([[period], [period]]);
    });

    test('checks sub-phases against their phase', async () => {
        await expectFindings('phase-gap', inPlan(`
    giai đoạn GD1 "Giai đoạn 1" từ 2017 đến 2020 {
        giai đoạn GD1A "Năm 2017" từ 2017 đến 2017
        giai đoạn GD1B "Năm 2018" ⟦từ 2018 đến 2019⟧
    }`, 'của UBND_TINH  thời gian từ 2017 đến 2020'), /hết thời gian giai đoạn GD1 \(2017–2020\)/);
    });

    test('with checkPlanPeriod false, only gaps between phases count', async () => {
        useRuleOptions('phase-gap', { checkPlanPeriod: false });
        await expectFindings('phase-gap', inPlan(`
    giai đoạn GD1 "Giai đoạn 1" từ 2017 đến 2017
    giai đoạn GD2 "Giai đoạn 2" ⟦từ 2019 đến 2019⟧`, 'của UBND_TINH  thời gian từ 2016 đến 2021'));
        await expectSilent('phase-gap', inPlan(`
    giai đoạn GD1 "Giai đoạn 1" từ 2018 đến 2019`, 'của UBND_TINH  thời gian từ 2016 đến 2021'));
    });

    test('is silent on phases that cover the plan period, even overlapping, and on plans without phases', async () => {
        await expectSilent('phase-gap', inPlan(`
    phần "V" "Tiến độ" {
        giai đoạn GD1 "Giai đoạn 1" từ 2017 đến 2018
        giai đoạn GD2 "Sáu tháng đầu năm 2019" từ ngày 1/1/2019 đến ngày 30/6/2019
        giai đoạn GD3 "Sáu tháng cuối năm 2019" từ ngày 1/7/2019 đến 2020
        giai đoạn GD4 "Chồng lấn" từ 2018 đến 2019
    }`, 'của UBND_TINH  thời gian từ 2017 đến 2020'));
        await expectSilent('phase-gap', inPlan(`
    nhiệm vụ NV1 "Rà soát" { chủ trì STP }`));
        // Without a plan period only the gaps between phases count.
        await expectSilent('phase-gap', inPlan(`
    giai đoạn GD1 "Giai đoạn 1" từ 2017 đến 2018
    giai đoạn GD2 "Giai đoạn 2" từ 2019 đến 2020`, 'của UBND_TINH'));
    });
});
