import { GrammarUtils } from 'langium';
import type { Report } from '../language/generated/ast.js';
import type { Fix, FixEdit } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { addToBody, edit } from '../linter/support/fixes.js';
import { PLACEHOLDER_ID } from '../semantics/placeholders.js';
import { headerRange } from '../semantics/structure.js';

export default defineRule({
    meta: {
        id: 'report-without-recipient',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Chế độ báo cáo không nêu gửi cho cơ quan nào / A reporting duty names no recipient',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Report(report) {
                if (report.recipients.length > 0) {
                    return;
                }
                const id = report.name ? ` ${report.name}` : '';
                const text = [report.title, ...report.members.map(m => m.text)].join(' ').normalize('NFC').toLowerCase();
                const [vi, en] = /theo quy định/.test(text)
                    ? [' ("theo quy định" không cho biết gửi ai)', ' ("theo quy định", as regulated, does not say to whom)']
                    : ['', ''];
                // "qua X" names the channel, not where the report ends up.
                const via = report.via !== undefined;
                context.report({
                    node: report,
                    range: headerRange(report, 'title'),
                    message: `Báo cáo${id} không nêu gửi cho cơ quan nào${vi}${via ? ', "qua" chỉ là nơi chuyển' : ''}: thêm "gửi <cơ quan>" như bản gốc, nếu không sẽ không ai tổng hợp và đôn đốc / The report${id} names no recipient${en}${via ? ' ("qua" is only the channel it goes through)' : ''}: add "gửi <agency>" (to) as in the original, otherwise nobody collects it or chases it`,
                    fixes: () => recipientFix(report),
                });
            },
        };

        /**
         * The recipient is never guessed: a placeholder that unfilled-placeholder reports until the
         * drafter names the body the original gives, written after the reporters where there are some.
         */
        function recipientFix(report: Report): Fix[] | undefined {
            const english = /^(?:\[[^\]]*\]\s*)?report\b/i.test(report.$cstNode?.text ?? '');
            const clause = `${english ? 'to' : 'gửi'} ${PLACEHOLDER_ID}`;
            const reporters = GrammarUtils.findNodesForProperty(report.$cstNode, 'reporters');
            const last = reporters[reporters.length - 1];
            const insertion: FixEdit | undefined = last
                ? edit(context.document, last.end, last.end, `  ${clause}`)
                : addToBody(context.document, report, clause, 'start');
            return insertion ? [{ title: `Thêm "${clause}" (cần điền nơi nhận báo cáo) / Add a recipient to fill in`, edits: [insertion] }] : undefined;
        }
    },
});
