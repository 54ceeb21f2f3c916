import { GrammarUtils } from 'langium';
import type { Recurrence } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { isUnstatedInterval } from '../semantics/time.js';

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
                context.report({
                    node: recurrence,
                    range: keyword?.range ?? recurrence.$cstNode?.range,
                    message: '"Định kỳ" không nêu bao lâu một lần, nên không ai biết khi nào đến hạn: ghi "định kỳ 6 tháng", "hằng quý", "hằng năm"… / "Định kỳ" (periodically) does not say how often, so nobody can tell when it is due: write "định kỳ 6 tháng", "hằng quý", "hằng năm"…',
                });
            },
        };
    },
});
