import type { Period, Recurrence, TimePoint } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { isPlaceholderDate } from '../semantics/placeholders.js';
import { ownerOf } from '../semantics/structure.js';
import { MAX_PLAN_YEARS, PLAUSIBLE_YEARS, intervalProblem, periodSpan, planDate, sourceText, yearOf } from '../semantics/time.js';
import { propertyNode } from '../language/cst-property.js';

export default defineRule({
    meta: {
        id: 'implausible-time',
        category: 'time',
        defaultSeverity: 'error',
        description: 'Khoảng thời gian hoặc năm không thể có trong một kế hoạch (định kỳ 0 tháng, thời gian 1.000 năm, năm 20250) / An interval, period or year no plan can mean',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Recurrence(recurrence: Recurrence) {
                const problem = intervalProblem(recurrence);
                if (problem) {
                    const at = propertyNode(recurrence.$cstNode, 'count');
                    context.report({
                        node: recurrence,
                        range: at?.range ?? recurrence.$cstNode?.range,
                        message: `"${sourceText(recurrence)}": ${problem} / "${sourceText(recurrence)}" is not an interval a plan can repeat by`,
                    });
                }
            },
            Period(period: Period) {
                const owner = ownerOf(period);
                const span = periodSpan(period, { now: owner ? planDate(owner) : undefined });
                if (span && span.end.year - span.start.year >= MAX_PLAN_YEARS) {
                    context.report({
                        node: period,
                        message: `Thời gian "${sourceText(period)}" dài hơn ${MAX_PLAN_YEARS} năm: kiểm tra lại năm / The period "${sourceText(period)}" is longer than ${MAX_PLAN_YEARS} years: check the years`,
                    });
                }
            },
            TimePoint(point: TimePoint) {
                const year = yearOf(point);
                // A placeholder (00/00/0000) is reported by unfilled-placeholder.
                if (year === undefined || isPlaceholderDate(point.day) || (year >= PLAUSIBLE_YEARS.min && year <= PLAUSIBLE_YEARS.max)) {
                    return;
                }
                context.report({
                    node: point,
                    message: `Năm ${year} nằm ngoài ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}: kiểm tra lại / The year ${year} is outside ${PLAUSIBLE_YEARS.min}–${PLAUSIBLE_YEARS.max}: check it`,
                });
            },
        };
    },
});
