import { afterEach, describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectSilent, inPlan, useRuleOptions, resetRuleSettings } from '../helpers.js';

describe('report-without-due-date', () => {
    afterEach(resetRuleSettings);

    test('fires over the keyword and title of a report with no due date, recurring or not', async () => {
        const found = await expectFindings('report-without-due-date', inPlan(`
    phần "IV" "Tổ chức thực hiện" {
        ⟦báo cáo BC_NAM "Báo cáo kết quả thực hiện Kế hoạch"⟧ {
            từ SO_NGANH  gửi UBND_TINH  qua CA_TINH
            hằng năm
        }
        ⟦report "Six-monthly report"⟧ { from STP  to UBND_TINH  every 6 months }
        ⟦báo cáo BC_CA "Báo cáo kết quả thực hiện theo quy định"⟧ { từ CA_TINH  gửi UBND_TINH }
        ⟦báo cáo BC_KY "Báo cáo 10 tháng"⟧ { từ STP  gửi UBND_TINH  kỳ từ ngày 15/9 năm trước đến ngày 14/7 }
    }`), /không có hạn gửi.* \/ .*has no due date/);
        expect(found[0].message).toBe('Báo cáo BC_NAM không có hạn gửi: thêm "trước ngày …" hoặc "hạn …", nếu không sẽ không ai bị coi là chậm / The report BC_NAM has no due date: add "trước ngày …" (before) or "hạn …" (due), otherwise nobody can be late');
        expect(found[2].message).toContain('("theo quy định" không cho biết ngày nào)');
    });

    test('is silent on reports with a due date and on reports sent when something happens', async () => {
        await expectSilent('report-without-due-date', inPlan(`
    báo cáo BC1 "Báo cáo năm" { từ SO_NGANH  gửi UBND_TINH  trước ngày 20/9  hằng năm }
    báo cáo BC2 "Báo cáo tổng kết" { từ STP  gửi UBND_TINH  hạn 15/12/2020 }
    report R3 "Final report" { from STP  to UBND_TINH  due end of 2020 }
    báo cáo BC4 "Trong quá trình thực hiện có khó khăn, vướng mắc, các đơn vị báo cáo về UBND tỉnh" { từ SO_NGANH  gửi UBND_TINH }
    báo cáo BC5 "Báo cáo đột xuất" { từ CA_TINH  gửi UBND_TINH }
    báo cáo BC6 "Báo cáo khi có yêu cầu" { từ STP  gửi UBND_TINH }`));
    });

    test('eventPhrases replaces the phrases that mark a report sent when something happens', async () => {
        useRuleOptions('report-without-due-date', { eventPhrases: ['sự cố'] });
        await expectFindings('report-without-due-date', inPlan(`
    ⟦báo cáo BC4 "Khi có khó khăn, vướng mắc, báo cáo UBND tỉnh"⟧ { từ SO_NGANH  gửi UBND_TINH }
    báo cáo BC5 "Báo cáo ngay khi xảy ra sự cố" { từ CA_TINH  gửi UBND_TINH }`));
        useRuleOptions('report-without-due-date', { eventPhrases: [] });
        await expectFindings('report-without-due-date', inPlan(`
    ⟦báo cáo BC5 "Báo cáo đột xuất"⟧ { từ CA_TINH  gửi UBND_TINH }`));
    });

    test('is silent on reports whose timing says they are sent when something happens or on request', async () => {
        await expectSilent('report-without-due-date', inPlan(`
    báo cáo BC1 "Báo cáo" { từ SO_NGANH  gửi UBND_TINH  khi "có khó khăn, vướng mắc" }
    báo cáo BC2 "Báo cáo" { từ SO_NGANH  gửi UBND_TINH  đột xuất }
    báo cáo BC3 "Báo cáo" { từ SO_NGANH  gửi UBND_TINH  trong quý IV/2019 }`));
        await expectFindings('report-without-due-date', inPlan(`
    ⟦báo cáo BC4 "Báo cáo thường xuyên"⟧ { từ SO_NGANH  gửi UBND_TINH  thường xuyên }`));
    });
});

describe('report-without-due-date quick fix', () => {
    const PLAN = `
    báo cáo BC1 "Báo cáo kết quả" { từ STP  gửi UBND_TINH }
    báo cáo BC2 "Báo cáo năm" {
        từ STP
        gửi UBND_TINH
        hằng năm
    }
    báo cáo BC3 "Báo cáo sơ kết"
    report R4 "Yearly report" { from STP  to UBND_TINH }`;

    test.each([
        [0, 'báo cáo BC1 "Báo cáo kết quả" { từ STP  gửi UBND_TINH  trước ngày 00/00/0000 }'],
        [1, '        hằng năm\n        trước ngày 00/00\n    }'],
        [2, 'báo cáo BC3 "Báo cáo sơ kết" { trước ngày 00/00/0000 }'],
        [3, 'report R4 "Yearly report" { from STP  to UBND_TINH  before 00/00/0000 }'],
    ])('finding %i: a placeholder due date, which unfilled-placeholder reports instead', async (index, expected) => {
        const applied = await expectCleanFix(inPlan(PLAN), { rule: 'report-without-due-date', index, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan']).toContain(expected);
        expect(applied.action.title).toMatch(/cần điền hạn gửi\) \/ Add a due date to fill in$/);
    });

    test('in NFD text, and on the examples: a one-off report, a yearly one and one every six months', async () => {
        const applied = await expectCleanFix(nfd(inPlan(PLAN)), { rule: 'report-without-due-date', added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan'].normalize('NFC')).toContain('gửi UBND_TINH  trước ngày 00/00/0000 }');
        const cases: Array<[string, number, string]> = [
            ['ca-mau/kh-qd634.plan', 0, '                    gửi BCA, VPCP\n'],
            ['vinh-phuc/ke-hoach-ct39.plan', 0, '                hằng năm\n                trước ngày 00/00\n            }'],
            ['tinh-khuyet-danh/ke-hoach-de-an-4170.plan', 0, '                định kỳ 06 tháng\n                trước ngày 00/00\n            }'],
        ];
        for (const [file, index, expected] of cases) {
            const example = await expectCleanFix(examplesWorkspace(file), { rule: 'report-without-due-date', index, added: ['unfilled-placeholder'] });
            expect(example.files[file.replace('/', '-')]).toContain(expected);
        }
    });
});
