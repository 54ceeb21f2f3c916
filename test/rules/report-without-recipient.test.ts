import { describe, expect, test } from 'vitest';
import { examplesWorkspace, expectCleanFix, nfd } from '../fix-helpers.js';
import { expectFindings, expectNoInternalErrors, expectSilent, findingsOf, inPlan, load } from '../helpers.js';
import { INCOMPLETE_DUTIES } from './incomplete-duties.js';

const RULE = 'report-without-recipient';

describe(RULE, () => {
    test('fires over the keyword and title of a report that names no recipient', async () => {
        const found = await expectFindings(RULE, inPlan(`
    phần "IV" "Tổ chức thực hiện" {
        ⟦báo cáo BC_NAM "Báo cáo kết quả thực hiện Kế hoạch"⟧ { từ SO_NGANH  trước ngày 25/11  hằng năm }
        ⟦báo cáo BC_KQ "tổng hợp kết quả báo cáo theo quy định"⟧ { từ CA_TINH }
        ⟦báo cáo BC_QUA "Báo cáo 6 tháng"⟧ { từ SO_NGANH  qua CA_TINH  định kỳ 6 tháng }
        ⟦report "Yearly report"⟧ { from STP  yearly }
        ⟦báo cáo BC_TRONG "Báo cáo sơ kết"⟧
    }`), /không nêu gửi cho cơ quan nào.* \/ .*names no recipient/);
        expect(found[0].message).toBe('Báo cáo BC_NAM không nêu gửi cho cơ quan nào: thêm "gửi <cơ quan>" như bản gốc, nếu không sẽ không ai tổng hợp và đôn đốc / The report BC_NAM names no recipient: add "gửi <agency>" (to) as in the original, otherwise nobody collects it or chases it');
        expect(found[1].message).toContain('("theo quy định" không cho biết gửi ai)');
        expect(found[1].message).toContain('("theo quy định", as regulated, does not say to whom)');
        expect(found[2].message).toContain(', "qua" chỉ là nơi chuyển:');
        expect(found[2].message).toContain('("qua" is only the channel it goes through)');
    });

    test('is silent on reports that name a recipient, in either language and in NFD', async () => {
        await expectSilent(RULE, inPlan(`
    báo cáo BC1 "Báo cáo năm" { từ SO_NGANH  gửi UBND_TINH  trước ngày 20/9  hằng năm }
    báo cáo BC2 "Báo cáo" { gửi UBND_TINH, TTG }
    report R3 "Final report" { from STP  to UBND_TINH  due end of 2020 }`));
        await expectSilent(RULE, nfd(inPlan(`
    báo cáo BC1 "Báo cáo năm" { từ SO_NGANH  gửi UBND_TINH }`)) as Record<string, string>);
        await expectFindings(RULE, nfd(inPlan(`
    ⟦báo cáo BC1 "Báo cáo năm"⟧ { từ SO_NGANH  trước ngày 20/9 }`)) as Record<string, string>);
    });

    test('on the examples: the two reports whose original names no recipient', async () => {
        const caMau = await load(examplesWorkspace('ca-mau/kh-qd634.plan'));
        expect(findingsOf(caMau, RULE).map(d => [d.range.start.line + 1, caMau.main.textDocument.getText(d.range)]))
            .toEqual([[364, 'báo cáo BC_THA "Báo cáo của Chủ tịch UBND tỉnh về tình hình, kết quả công tác thi hành án"']]);
        const vinhPhuc = await load(examplesWorkspace('vinh-phuc/ke-hoach-ct39.plan'));
        expect(findingsOf(vinhPhuc, RULE).map(d => d.range.start.line + 1)).toEqual([104]);
    });

    test('never fails on half-typed input', async () => {
        await expectNoInternalErrors('report-without-recipient', INCOMPLETE_DUTIES);
    });
});

describe(`${RULE} quick fix`, () => {
    test.each([
        ['báo cáo BC1 "Báo cáo kết quả" { từ STP  trước ngày 20/9 }', 'báo cáo BC1 "Báo cáo kết quả" { từ STP  gửi CẦN_ĐIỀN  trước ngày 20/9 }'],
        ['báo cáo BC1 "Báo cáo kết quả" { từ STP, CA_TINH }', 'báo cáo BC1 "Báo cáo kết quả" { từ STP, CA_TINH  gửi CẦN_ĐIỀN }'],
        ['báo cáo BC1 "Báo cáo kết quả" {\n        từ STP\n        hằng năm\n    }', '        từ STP  gửi CẦN_ĐIỀN\n        hằng năm'],
        ['báo cáo BC1 "Báo cáo sơ kết"', 'báo cáo BC1 "Báo cáo sơ kết" { gửi CẦN_ĐIỀN }'],
        ['report R1 "Yearly report" { yearly }', 'report R1 "Yearly report" { to CẦN_ĐIỀN  yearly }'],
    ])('%s: a placeholder recipient, which unfilled-placeholder reports instead', async (report, expected) => {
        const applied = await expectCleanFix(inPlan(`    ${report}`), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan']).toContain(expected);
        expect(applied.action.title).toMatch(/^Thêm "(gửi|to) CẦN_ĐIỀN" \(cần điền nơi nhận báo cáo\) \/ Add a recipient to fill in$/);
    });

    test('in NFD text and on an example', async () => {
        const applied = await expectCleanFix(nfd(inPlan('    báo cáo BC1 "Báo cáo" { từ STP }')), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(applied.files['plan.plan'].normalize('NFC')).toContain('{ từ STP  gửi CẦN_ĐIỀN }');
        const example = await expectCleanFix(examplesWorkspace('vinh-phuc/ke-hoach-ct39.plan'), { rule: RULE, added: ['unfilled-placeholder'] });
        expect(example.files['vinh-phuc-ke-hoach-ct39.plan']).toContain('                từ CA_TINH  gửi CẦN_ĐIỀN\n');
    });
});
