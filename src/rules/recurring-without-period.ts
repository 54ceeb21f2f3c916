import { defineRule, noOptions } from '../linter/rule.js';
import { inferredReason } from '../semantics/provenance.js';
import { ownerOf } from '../semantics/structure.js';
import { deadlinesOf, isRecurringPoint, statedPlanSpan } from '../semantics/time.js';
import type { Report, Target, Task } from '../language/generated/ast.js';
import { isPlan } from '../language/generated/ast.js';

export default defineRule({
    meta: {
        id: 'recurring-without-period',
        category: 'time',
        defaultSeverity: 'info',
        description: 'Hạn lặp lại hằng năm nhưng kế hoạch không nêu thời gian thực hiện, nên không tính được các ngày đến hạn / A recurring deadline in a plan that states no period, so its dates cannot be known',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return { Task: check, Report: check, Target: check };

        function check(node: Task | Report | Target): void {
            const owner = ownerOf(node);
            if (!isPlan(owner) || statedPlanSpan(owner)) {
                return;
            }
            const point = deadlinesOf(node).flatMap(d => d.points).find(isRecurringPoint);
            if (!point) {
                return;
            }
            const [vi, en] = inferredReason(owner, 'period') !== undefined
                ? ['thời gian thực hiện chỉ là suy ra, không do kế hoạch nêu', 'its period is only inferred, not stated by the plan']
                : ['kế hoạch không nêu thời gian thực hiện', 'the plan states no period'];
            context.report({
                node,
                range: point.$cstNode?.range,
                message: `Hạn ${point.$cstNode?.text ?? ''} lặp lại mỗi năm nhưng ${vi}: không xác định được các ngày đến hạn (từ năm nào đến năm nào) / The deadline ${point.$cstNode?.text ?? ''} recurs every year but ${en}: its due dates (from which year to which) cannot be known`,
            });
        }
    },
});
