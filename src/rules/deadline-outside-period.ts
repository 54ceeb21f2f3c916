import type { Report, Task, TimePoint } from '../language/generated/ast.js';
import { isPlan } from '../language/generated/ast.js';
import { compareDates, parseDate } from '../language/dates.js';
import { planOf } from '../language/semantics.js';
import type { Span } from '../language/time.js';
import { formatSpan, sourceText } from '../linter/support/time.js';
import { planSpan } from '../language/time.js';
import { defineRule, noOptions } from '../linter/rule.js';

export default defineRule({
    meta: {
        id: 'deadline-outside-period',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Hạn của nhiệm vụ hoặc báo cáo nằm ngoài thời gian thực hiện kế hoạch / A task or report is due outside the plan period',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task: check,
            Report: check,
        };

        function check(node: Task | Report): void {
            const due = node.due;
            if (!due) {
                return;
            }
            const plan = planOf(node);
            const span = plan && isPlan(plan) ? planSpan(plan) : undefined;
            if (!span || compareDates(span.start, span.end) > 0) {
                return;
            }
            const side = outside(due, span);
            if (!side) {
                return;
            }
            const what = node.$type === 'Task' ? 'Nhiệm vụ' : 'Báo cáo';
            const whatEn = node.$type === 'Task' ? 'task' : 'report';
            const id = node.name ? ` ${node.name}` : '';
            const when = sourceText(due);
            const period = formatSpan(span);
            const [vi, en] = side === 'before'
                ? ['trước khi kế hoạch bắt đầu', 'before the plan starts']
                : ['sau khi kế hoạch kết thúc', 'after the plan ends'];
            context.report({
                node,
                range: due.$cstNode?.range,
                message: `${what}${id} có hạn "${when}" ${vi}: thời gian thực hiện là ${period} / The ${whatEn}${id} is due "${when}", ${en} (plan period ${period})`,
            });
        }
    },
});

/**
 * Whether a due point falls before or after the plan period. A full date is compared by day; a year
 * ("năm 2021", "cuối năm 2021") is outside when no day of it is in the period. A recurring day and
 * month ("20/7") has no year and is never outside.
 */
function outside(due: TimePoint, span: Span): 'before' | 'after' | undefined {
    if (due.date) {
        const date = parseDate(due.date);
        if (!date) {
            return undefined;
        }
        return compareDates(date, span.start) < 0 ? 'before' : compareDates(date, span.end) > 0 ? 'after' : undefined;
    }
    if (due.dayMonth === undefined && due.year !== undefined) {
        if (due.endOfYear) {
            // The last day of that year.
            const date = { year: due.year, month: 12, day: 31 };
            return compareDates(date, span.start) < 0 ? 'before' : compareDates(date, span.end) > 0 ? 'after' : undefined;
        }
        return due.year < span.start.year ? 'before' : due.year > span.end.year ? 'after' : undefined;
    }
    return undefined;
}
