import { GrammarUtils } from 'langium';
import type { Recurrence, Report } from '../language/generated/ast.js';
import { isReport, isTarget, isTask } from '../language/generated/ast.js';
import { StringMap } from '../language/string-map.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { targetLabel } from '../semantics/targets.js';
import { isUnstatedInterval } from '../semantics/time.js';

const ADVICE_VI = 'ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"…';
const ADVICE_EN = 'write "định kỳ 6 tháng", "hằng quý", "hằng năm"…';

/**
 * "định kỳ" in a report's own words with no interval after it ("Định kỳ sơ kết, tổng kết báo cáo kết
 * quả … theo quy định"); "định kỳ 06 tháng, 01 năm", "định kỳ hằng năm" state one.
 */
const PERIODIC_IN_TEXT = /(?<![\p{L}\p{M}])định\s+kỳ(?![\p{L}\p{M}])(?!\s*[(,:]?\s*(?:\d|hằng|hàng|mỗi|một|hai|ba|bốn|sáu|mười|nửa|quý|tháng|năm|tuần)(?![\p{L}\p{M}]))/iu;
/** An interval stated elsewhere in the same words ("Hằng năm, định kỳ sơ kết …"). */
const INTERVAL_IN_TEXT = /(?<![\p{L}\p{M}])(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)(?![\p{L}\p{M}])|\d+\s+(?:tháng|năm)(?![\p{L}\p{M}])/iu;

export default defineRule({
    meta: {
        id: 'recurrence-without-interval',
        category: 'time',
        defaultSeverity: 'warning',
        description: '"Định kỳ" không nêu bao lâu một lần / A periodic duty ("định kỳ") that does not say how often',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Recurrence(recurrence: Recurrence) {
                if (!isUnstatedInterval(recurrence)) {
                    return;
                }
                const keyword = GrammarUtils.findNodeForProperty(recurrence.$cstNode, 'periodic');
                const [what, whatEn] = owner(recurrence);
                context.report({
                    node: recurrence,
                    range: keyword?.range ?? recurrence.$cstNode?.range,
                    message: `${what}"Định kỳ" không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ${ADVICE_VI} / ${whatEn}"Định kỳ" (periodically) does not say how often, so nobody can tell when it is due: ${ADVICE_EN}`,
                });
            },
            // A periodic report whose recurrence was not written as a clause: its own words say "định kỳ".
            Report(report: Report) {
                if (report.recurrence) {
                    return;
                }
                for (const node of [report, ...report.members]) {
                    const property = node === report ? 'title' : 'text';
                    const text = node === report ? report.title : (node as Report['members'][number]).text;
                    const value = typeof text === 'string' ? text.normalize('NFC') : '';
                    const match = PERIODIC_IN_TEXT.exec(value);
                    if (!match || INTERVAL_IN_TEXT.test(value)) {
                        continue;
                    }
                    const range = StringMap.of(context.document, node, property)?.range(match.index, match.index + match[0].length)
                        ?? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range;
                    const id = report.name ? ` ${report.name}` : '';
                    context.report({
                        node,
                        range,
                        message: `Báo cáo${id} ghi "${match[0]}" nhưng không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ${ADVICE_VI} / The report${id} says "${match[0]}" (periodically) but not how often, so nobody can tell when it is due: ${ADVICE_EN}`,
                    });
                    return;
                }
            },
        };
    },
});

/** "Báo cáo BC: " / "The report BC: " for the duty a recurrence belongs to, when it has an id. */
function owner(recurrence: Recurrence): [string, string] {
    const container = recurrence.$container;
    if (isReport(container) && container.name) {
        return [`Báo cáo ${container.name}: `, `The report ${container.name}: `];
    }
    if (isTask(container) && container.name) {
        return [`Nhiệm vụ ${container.name}: `, `The task ${container.name}: `];
    }
    if (isTarget(container) && container.name) {
        return [`Chỉ tiêu ${targetLabel(container)}: `, `The target ${targetLabel(container)}: `];
    }
    return ['', ''];
}
