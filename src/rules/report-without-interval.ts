import type { AstNode } from 'langium';
import type { Report } from '../language/generated/ast.js';
import type { Range } from 'vscode-languageserver';
import { StringMap } from '../language/string-map.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { isUnstatedInterval } from '../semantics/time.js';
import { propertyNode } from '../language/cst-property.js';

const ADVICE_VI = 'ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"…';
const ADVICE_EN = 'write "định kỳ 6 tháng", "hằng quý", "hằng năm"…';

/**
 * "định kỳ" in a report's own words with no interval after it ("Định kỳ sơ kết, tổng kết báo cáo kết
 * quả … theo quy định"); "định kỳ 06 tháng, 01 năm", "định kỳ hằng năm" state one. "định" ending
 * another word ("xác định kỳ vọng", "theo quy định kỳ báo cáo") is not "định kỳ".
 */
const PERIODIC_IN_TEXT = /(?<![\p{L}\p{M}])(?<!(?<![\p{L}\p{M}])(?:xác|quy|quyết|ấn|chỉ|ổn|nhất|giả|khẳng|thẩm|cố|kiên|phủ|dự|nghị|giám|bình|thỏa|hiệp|ước)\s+)định\s+kỳ(?![\p{L}\p{M}])(?!\s*[(,:]?\s*(?:\d|hằng|hàng|mỗi|một|hai|ba|bốn|sáu|mười|nửa|quý|tháng|năm|tuần)(?![\p{L}\p{M}]))/iu;
/** An interval stated elsewhere in the same words ("Hằng năm, định kỳ sơ kết …"). */
const INTERVAL_IN_TEXT = /(?<![\p{L}\p{M}])(?:hằng|hàng|mỗi)\s+(?:năm|quý|tháng|tuần)(?![\p{L}\p{M}])|\d+\s+(?:tháng|năm)(?![\p{L}\p{M}])/iu;

export default defineRule({
    meta: {
        id: 'report-without-interval',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Báo cáo định kỳ không nêu bao lâu một lần / A periodic report ("báo cáo định kỳ") that does not say how often',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        /** One finding at the words that say "định kỳ" (`said`, as written there). */
        function report(report: Report, node: AstNode, range: Range | undefined, said: string): void {
            const id = report.name ? ` ${report.name}` : '';
            context.report({
                node,
                range,
                message: `Báo cáo${id} ghi "${said}" nhưng không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ${ADVICE_VI} / The report${id} says "${said}" (periodically) but not how often, so nobody can tell when it is due: ${ADVICE_EN}`,
            });
        }
        return {
            Report(node: Report) {
                // A recurrence clause is the report's interval as written: judged alone, so one defect gives one finding.
                if (node.recurrence) {
                    if (isUnstatedInterval(node.recurrence)) {
                        const keyword = propertyNode(node.recurrence.$cstNode, 'periodic');
                        report(node, node.recurrence, keyword?.range ?? node.recurrence.$cstNode?.range, (keyword?.text ?? 'định kỳ').normalize('NFC'));
                    }
                    return;
                }
                // No clause: the report's own words (title, then paragraphs) may say "định kỳ" and stop there.
                for (const part of [node, ...node.members]) {
                    const property = part === node ? 'title' : 'text';
                    const text = part === node ? node.title : (part as Report['members'][number]).text;
                    const value = typeof text === 'string' ? text.normalize('NFC') : '';
                    const match = PERIODIC_IN_TEXT.exec(value);
                    if (!match || INTERVAL_IN_TEXT.test(value)) {
                        continue;
                    }
                    const range = StringMap.of(context.document, part, property)?.range(match.index, match.index + match[0].length)
                        ?? propertyNode(part.$cstNode, property)?.range;
                    report(node, part, range, match[0]);
                    return;
                }
            },
        };
    },
});
