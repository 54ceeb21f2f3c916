import { isTarget } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import type { CalendarDate } from '../semantics/dates.js';
import { compareDates } from '../semantics/dates.js';
import { targetLabel } from '../semantics/targets.js';
import { deadlineRelation, deadlineWindow, deadlinesOf, isRecurringPoint, planDate, sourceText, statedPlanSpan } from '../semantics/time.js';
import { allContents } from '../semantics/contents.js';

export default defineRule({
    meta: {
        id: 'target-due-outside-period',
        category: 'targets',
        defaultSeverity: 'warning',
        description: 'Hạn của chỉ tiêu nằm ngoài thời gian thực hiện kế hoạch / A target is due outside the plan period',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan(plan) {
                const span = statedPlanSpan(plan);
                if (!span || compareDates(span.start, span.end) > 0) {
                    return;
                }
                const now = planDate(plan);
                const period = `${show(span.start)}–${show(span.end)}`;
                for (const member of allContents(plan).filter(isTarget)) {
                    for (const deadline of deadlinesOf(member)) {
                        for (const point of deadline.points) {
                            // "20/7" recurs every year: it has no year to fall outside the period; a point
                            // that names no existing day is invalid-date's finding.
                            const window = isRecurringPoint(point) ? undefined : deadlineWindow(deadlineRelation(deadline), point, { now });
                            if (!window?.latest) {
                                continue;
                            }
                            // "năm 2020" falls in the period when any of the year does; "trước năm 2021" (before
                            // 2021) is due within 2020, and outside a period that ends in 2019.
                            const first = window.earliest ?? window.latest;
                            if (compareDates(window.latest, span.start) >= 0 && compareDates(first, span.end) <= 0) {
                                continue;
                            }
                            const written = sourceText(point);
                            context.report({
                                node: member,
                                range: point.$cstNode?.range,
                                message: `Hạn ${written} của chỉ tiêu ${targetLabel(member)} nằm ngoài thời gian thực hiện kế hoạch (${period}) / ` +
                                    `Target ${targetLabel(member)} is due ${written}, outside the plan period (${period})`,
                                related: plan.period ? [{ node: plan.period, message: `Thời gian thực hiện kế hoạch (${period}) / The plan period (${period})` }] : undefined,
                            });
                        }
                    }
                }
            },
        };
    },
});

function show(date: CalendarDate): string {
    return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
}
