import { describe, expect, test } from 'vitest';
import { expectFindings, expectSilent, inPlan } from '../helpers.js';
import { relatedOf } from './related.js';

describe('phase-overlap', () => {
    test('fires at the period of the later phase when two phases share a year', async () => {
        const found = await expectFindings('phase-overlap', inPlan(`
    phần "V" "Tiến độ thực hiện" {
        giai đoạn GD1 "Giai đoạn 1" từ 2017 đến 2018
        giai đoạn GD2 "Giai đoạn 2" ⟦từ 2018 đến 2020⟧
    }`, 'của UBND_TINH  thời gian từ 2017 đến 2020'), /trùng thời gian.* \/ .*overlaps/);
        expect(found[0].message).toContain('Giai đoạn GD2 (2018–2020) trùng thời gian với giai đoạn GD1 (2017–2018, dòng 6): cả hai gồm 2018');
        expect(relatedOf(found[0])).toEqual([{ file: 'plan.plan', line: 6, text: 'từ 2017 đến 2018', message: 'Giai đoạn GD1 (2017–2018) / Phase GD1 (2017–2018)' }]);
    });

    test('compares dates, whatever the order the phases are written in, and phases in different sections', async () => {
        const found = await expectFindings('phase-overlap', inPlan(`
    phần "IV" "Giai đoạn sau" {
        giai đoạn GD2 "Giai đoạn 2" ⟦từ ngày 15/6/2021 đến ngày 31/12/2021⟧
    }
    phần "V" "Giai đoạn đầu" {
        giai đoạn GD1 "Giai đoạn 1" từ ngày 1/1/2021 đến ngày 30/6/2021
        giai đoạn "Giai đoạn 3" ⟦từ 2021 đến 2022⟧
    }`, 'của UBND_TINH  thời gian từ 2021 đến 2022'));
        // Sorted by start (then end): GD1, "Giai đoạn 3", GD2; each names the phase reaching furthest before it.
        expect(found.map(f => f.message)).toEqual([
            expect.stringMatching(/^Giai đoạn "Giai đoạn 3" \(2021–2022\) trùng thời gian với giai đoạn GD1 \(1\/1\/2021–30\/6\/2021, dòng 9\): cả hai gồm 1\/1\/2021–30\/6\/2021/),
            expect.stringMatching(/^Giai đoạn GD2 \(15\/6\/2021–31\/12\/2021\) trùng thời gian với giai đoạn "Giai đoạn 3" \(2021–2022, dòng 10\)/),
        ]);
    });

    test('is silent on phases that follow each other, on sub-phases of a phase and on unreadable periods', async () => {
        await expectSilent('phase-overlap', inPlan(`
    phần "V" "Tiến độ" {
        giai đoạn GD1 "Giai đoạn 1 (2017 - 2018)" từ 2017 đến 2018 {
            giai đoạn GD1A "Năm 2017" từ 2017 đến 2017
            giai đoạn GD1B "Năm 2018" từ 2018 đến 2018
        }
        giai đoạn GD2 "Giai đoạn 2" từ 2019 đến 2020
        giai đoạn GD3 "Sáu tháng đầu năm 2021" từ ngày 1/1/2021 đến ngày 30/6/2021
        giai đoạn GD4 "Sáu tháng cuối năm 2021" từ ngày 1/7/2021 đến ngày 31/12/2021
        giai đoạn GD5 "Hằng năm" từ ngày 1/1 đến ngày 31/12
    }`, 'của UBND_TINH  thời gian từ 2017 đến 2021'));
    });
});
