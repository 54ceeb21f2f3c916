import * as path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CliFinding } from '../src/cli/findings.js';
import { collectFindings } from '../src/cli/findings.js';
import { loadWorkspace } from '../src/workspace/load.js';

/**
 * The five seeds written in the language, checked with their own configuration (examples/
 * planspec.config.json: the recommended rules). Exactly these rules fire, on exactly these lines:
 * a rule that starts firing falsely on real plans, or stops finding a real defect, breaks the build.
 * The seed defects among them are marked in the files with `// LỖI GỐC (seed defect)` comments.
 * PRINT_FINDINGS=1 prints every finding.
 */
const EXPECTED: Record<string, Record<string, number[]>> = {
    'examples/ca-mau/kh-qd634.plan': {
        'agency-without-task': [52], // Ban Chỉ đạo 138 tỉnh receives the decision but the plan gives it nothing
        'relative-target-without-baseline': [101, 102, 103], // LỖI GỐC: "giảm ít nhất 5% tai nạn giao thông", compared with what?
        // Reports for which the seed gives no date: III.1 (UBND tỉnh to BCA and VPCP, "theo quy định"),
        // III.5 (administrative violations), III.19 (Thanh tra), III.20 (judgment enforcement) and IV.3.
        'report-without-due-date': [188, 250, 348, 364, 462],
        // LỖI GỐC: directed, not requested: the military and border-guard commands, Customs, the civil
        // judgment enforcement department and the State Bank branch are outside UBND tỉnh's authority.
        'outside-authority': [215, 220, 230, 355, 371],
        'section-numbering': [306], // LỖI GỐC: "13." used twice
        'recurring-without-period': [438, 447], // LỖI GỐC: yearly reports (20/7, 20/9) in a plan that states no period
        'misspelled-name': [149], // LỖI GỐC: "các cơ quan chức nẵng" for "chức năng"
        'task-without-deadline': [68], // LỖI GỐC: none of the 52 directed tasks has a deadline or says "thường xuyên" (one finding for the plan)
        'report-without-recipient': [364], // LỖI GỐC: III.20, the Chairman's yearly judgment-enforcement report "theo quy định", to nobody named
    },
    'examples/dong-nai/kh-7488.plan': {
        // LỖI GỐC: the letter's number "3833 /SYT-VP" has a blank; the text cites "Thông tư số 23/TT-BCA" without its year.
        'document-number-format': [23, 212],
        'request-to-subordinate': [30], // the Sở Y tế "requests" its own units (a courtesy form)
        'duplicate-text': [266], // LỖI GỐC: V.2 copies the IV.4 measure almost verbatim
        // V.5: "Sở Tài chính, Sở Kế hoạch Đầu tư" head one duty with no lead between them. (VII.3 names the same
        // pair "căn cứ chức năng, nhiệm vụ được giao", each its own part: written `theo chức năng`, not reported.)
        'multiple-leads': [305],
        'lead-not-stated': [355, 359], // LỖI GỐC: the yearly review and the end-2020 review name nobody
        'misspelled-name': [305, 332], // LỖI GỐC: "Sở Kế hoạch Đầu tư" for "Sở Kế hoạch và Đầu tư" (V.5 heading, VII.3)
        // LỖI GỐC: 26 of 30 directed tasks have no timing (only the yearly ones and the end-2020 review do;
        // "Thời gian thực hiện chuyển hóa mỗi địa bàn: 01 năm" is a per-area duration the language cannot state).
        'task-without-deadline': [46],
        'document-without-date': [188], // LỖI GỐC: "Quy định số 181-QĐ/TW" cited without its date
    },
    'examples/quoc-gia/van-ban.plan': {
        'document-number-format': [21], // LỖI GỐC: "23/TT-BCA", a Thông tư without its year
    },
    'examples/thai-binh/nq-04.plan': {
        // LỖI GỐC: section III printed twice, III.4 copying II.2.2, a paragraph twice in a row, and
        // "Nghị quyết này thành ủy cụ thể" three times in IV.4.
        'duplicate-text': [114, 122, 132, 133, 134, 135, 138, 139, 140, 143, 144, 145, 147, 152, 153, 182],
        'report-without-due-date': [199], // IV.7: "định kỳ … theo quy định"
        'report-without-interval': [202], // IV.7: "Định kỳ" with no interval
        'section-numbering': [130, 151], // LỖI GỐC: the second "III", then "5" after "3"
        'task-without-deadline': [13], // LỖI GỐC: none of the 8 assignments of section IV has a deadline
    },
    'examples/tinh-khuyet-danh/ke-hoach-de-an-4170.plan': {
        // LỖI GỐC: directed (not "Đề nghị") at the mass organisations, at forces that include the military
        // and Customs, and at the military command.
        'outside-authority': [61, 84, 134],
        'plan-missing-number-or-date': [11], // LỖI GỐC: no number, no date
        'report-without-due-date': [212, 218, 234], // "định kỳ 06 tháng, 01 năm" and "theo quy định", with no date
        'lead-not-stated': [226], // LỖI GỐC: "Cuối năm 2020 tiến hành tổng kết …" names nobody
        'section-numbering': [55], // LỖI GỐC: two parts numbered "I."
        // LỖI GỐC: 15 of 17 directed tasks have no timing (the phases 2017–2018 and 2019–2020 hold no task;
        // only the yearly funding proposal and "Cuối năm 2020 tiến hành tổng kết" have one).
        'task-without-deadline': [11],
    },
    'examples/vinh-phuc/ke-hoach-ct39.plan': {
        // III.4: "Sở Thông tin và truyền thông, Báo Vĩnh Phúc, Đài Phát thanh và Truyền hình tỉnh tăng cường …",
        // three leads, none named first, and no "theo chức năng" in the text.
        'multiple-leads': [66],
        'outside-authority': [66], // LỖI GỐC: directed at Báo Vĩnh Phúc, the provincial Party committee's paper
        'plan-missing-number-or-date': [15], // LỖI GỐC: no number, no date
        'report-without-due-date': [87, 94, 104], // "Hằng năm có báo cáo" and "theo quy định" with no date
        'task-without-deadline': [15], // LỖI GỐC: 9 of 10 directed tasks have no timing (only III.1's "nhiệm vụ thường xuyên" has)
        'report-without-recipient': [104], // LỖI GỐC: IV.2 "tổng hợp kết quả báo cáo theo quy định": to whom is not stated
    },
};

describe('examples', () => {
    let findings: CliFinding[] = [];

    beforeAll(async () => {
        const { requested } = await loadWorkspace(['examples']);
        findings = collectFindings(requested, path.resolve('.'));
        if (process.env.PRINT_FINDINGS) {
            for (const f of findings) {
                console.log(`${f.file}:${f.line}:${f.column} ${f.severity} [${f.ruleId}] ${f.message}`);
            }
        }
    }, 60_000);

    test('checking examples/ gives no errors', () => {
        expect(findings.filter(f => f.severity === 'error')).toEqual([]);
    });

    test('exactly the expected rules fire, on the expected lines', () => {
        const actual: Record<string, Record<string, number[]>> = {};
        for (const f of findings) {
            ((actual[f.file] ??= {})[f.ruleId] ??= []).push(f.line);
        }
        expect(actual).toEqual(EXPECTED);
    });
});
