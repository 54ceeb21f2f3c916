import type { Recurrence } from '../language/generated/ast.js';
import { isReport, isTarget, isTask } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { targetLabel } from '../semantics/targets.js';
import { isUnstatedInterval } from '../semantics/time.js';
import { propertyNode } from '../language/cst-property.js';

export default defineRule({
    meta: {
        id: 'recurrence-without-interval',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Nhiệm vụ, chỉ tiêu "định kỳ" không nêu bao lâu một lần / A periodic task or target ("định kỳ") that does not say how often',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Recurrence(recurrence: Recurrence) {
                // A report's "định kỳ" is report-without-interval's, which also reads the report's own words.
                if (!isUnstatedInterval(recurrence) || isReport(recurrence.$container)) {
                    return;
                }
                const keyword = propertyNode(recurrence.$cstNode, 'periodic');
                const [what, whatEn] = owner(recurrence);
                context.report({
                    node: recurrence,
                    range: keyword?.range ?? recurrence.$cstNode?.range,
                    message: `${what}"Định kỳ" không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"… / ${whatEn}"Định kỳ" (periodically) does not say how often, so nobody can tell when it is due: write "định kỳ 6 tháng", "hằng quý", "hằng năm"…`,
                });
            },
        };
    },
});

/** "Nhiệm vụ NV: " / "The task NV: " for the duty a recurrence belongs to, when it has an id. */
function owner(recurrence: Recurrence): [string, string] {
    const container = recurrence.$container;
    if (isTask(container) && container.name) {
        return [`Nhiệm vụ ${container.name}: `, `The task ${container.name}: `];
    }
    if (isTarget(container) && container.name) {
        return [`Chỉ tiêu ${targetLabel(container)}: `, `The target ${targetLabel(container)}: `];
    }
    return ['', ''];
}
