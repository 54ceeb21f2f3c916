import type { Deadline, Period, Report, Task, TimePoint } from '../language/generated/ast.js';
import { isPlan } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { compareDates } from '../semantics/dates.js';
import { ownerOf } from '../semantics/structure.js';
import type { Span } from '../semantics/time.js';
import { deadlineRelation, deadlineWindow, deadlinesOf, formatSpan, isRecurringPoint, planDate, sourceText, statedPlanSpan } from '../semantics/time.js';

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
            const owner = ownerOf(node);
            const span = statedPlanSpan(owner);
            if (!span || compareDates(span.start, span.end) > 0) {
                return;
            }
            const now = owner ? planDate(owner) : undefined;
            for (const deadline of deadlinesOf(node)) {
                for (const point of deadline.points) {
                    const side = outside(deadline, point, span, now);
                    if (side) {
                        report(node, point, side, span, isPlan(owner) ? owner.period : undefined);
                    }
                }
            }
        }

        function report(node: Task | Report, point: TimePoint, side: 'before' | 'after', span: Span, period: Period | undefined): void {
            const what = node.$type === 'Task' ? 'Nhiệm vụ' : 'Báo cáo';
            const whatEn = node.$type === 'Task' ? 'task' : 'report';
            const id = node.name ? ` ${node.name}` : '';
            const when = sourceText(point);
            const periodText = formatSpan(span);
            const [vi, en] = side === 'before'
                ? ['trước khi kế hoạch bắt đầu', 'before the plan starts']
                : ['sau khi kế hoạch kết thúc', 'after the plan ends'];
            context.report({
                node,
                range: point.$cstNode?.range,
                message: `${what}${id} có hạn "${when}" ${vi}: thời gian thực hiện là ${periodText} / The ${whatEn}${id} is due "${when}", ${en} (plan period ${periodText})`,
                related: period ? [{ node: period, message: `Thời gian thực hiện kế hoạch (${periodText}) / The plan period (${periodText})` }] : undefined,
            });
        }
    },
});

/**
 * Whether a deadline at one point falls before or after the plan period: when none of the days it
 * may fall on is inside the period ("năm 2021" is outside a period ending in 2020, "năm 2020" is
 * not). "trước X" (before) falls due on the day before X. A recurring day and month ("20/7") has no
 * year and is never outside.
 */
function outside(deadline: Deadline, point: TimePoint, span: Span, now: Span['start'] | undefined): 'before' | 'after' | undefined {
    if (isRecurringPoint(point)) {
        return undefined;
    }
    const window = deadlineWindow(deadlineRelation(deadline), point, { now });
    if (!window?.latest) {
        return undefined;
    }
    const first = window.earliest ?? window.latest;
    if (compareDates(window.latest, span.start) < 0) {
        return 'before';
    }
    if (compareDates(first, span.end) > 0) {
        return 'after';
    }
    return undefined;
}
