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
        // Yearly reports for which the seed gives no date: III.1 (UBND tỉnh to BCA and VPCP on crime
        // prevention, "theo quy định"), III.5 (administrative violations, to the Prime Minister), III.19
        // (Thanh tra to the Chairman, "theo quy định"), III.20 (the Chairman's report on judgment
        // enforcement, "theo quy định") and IV.3 (UBND tỉnh to BCA and VPCP on the plan).
        'report-without-due-date': [185, 252, 364, 379, 481],
        'section-numbering': [316], // LỖI GỐC: "13." used twice
        'unknown-recipient': [50, 51, 52, 53, 57, 58], // recipient lines that name several bodies at once
    },
    'examples/dong-nai/kh-7488.plan': {
        'document-number-format': [198], // LỖI GỐC: the text cites "Thông tư số 23/TT-BCA" without its year
        'duplicate-text': [248], // LỖI GỐC: V.2 copies the IV.4 measure almost verbatim
        'multiple-leads': [292, 312], // Sở Tài chính and Sở Kế hoạch và Đầu tư lead jointly
        'unknown-recipient': [56, 56, 56, 57, 57],
    },
    'examples/quoc-gia/van-ban.plan': {
        'document-number-format': [21], // LỖI GỐC: "23/TT-BCA", a Thông tư without its year
    },
    'examples/thai-binh/nq-04.plan': {
        // LỖI GỐC: section III printed twice, III.4 copying II.2.2, a paragraph twice in a row, and
        // "Nghị quyết này thành ủy cụ thể" three times in IV.4.
        'duplicate-text': [92, 98, 109, 110, 111, 112, 116, 117, 118, 123, 124, 125, 127, 132, 133, 159],
        'report-without-due-date': [176], // IV.7: "định kỳ … theo quy định"
        'section-numbering': [106, 131], // LỖI GỐC: the second "III", then "5" after "3"
    },
    'examples/tinh-khuyet-danh/ke-hoach-de-an-4170.plan': {
        'multiple-leads': [80], // six forces lead one task
        'outside-authority': [59, 80], // LỖI GỐC: directed (not "Đề nghị") at mass organisations and Customs
        'plan-missing-number-or-date': [11], // LỖI GỐC: no number, no date
        'report-without-due-date': [201, 207, 224], // "định kỳ 06 tháng, 01 năm" and "theo quy định", with no date
        'section-numbering': [53], // LỖI GỐC: two parts numbered "I."
    },
    'examples/vinh-phuc/ke-hoach-ct39.plan': {
        'multiple-leads': [64], // Sở TT&TT, Báo and Đài lead jointly
        'plan-missing-number-or-date': [13], // LỖI GỐC: no number, no date
        'report-without-due-date': [86, 93], // "Hằng năm có báo cáo" with no date
        'unknown-recipient': [113, 115],
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
