import { AstUtils } from 'langium';
import type { Target } from '../language/generated/ast.js';
import { isPhase, isPlan } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import type { CalendarDate } from '../semantics/dates.js';
import { changeOf, formatNumber, isNumber, isPercent, isRelativeChange, targetLabel, targetOp, targetUnit } from '../semantics/targets.js';
import { periodSpan, planSpan, recurrenceMonths } from '../semantics/time.js';

interface Options {
    maxCumulativePercent: number;
}

interface Span { start: CalendarDate; end: CalendarDate }

export default defineRule<Options>({
    meta: {
        id: 'unrealistic-reduction',
        category: 'targets',
        defaultSeverity: 'warning',
        description: 'Mức giảm cộng dồn qua thời gian thực hiện vượt ngưỡng hợp lý / A relative decrease that compounds beyond a realistic total over the plan period',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                maxCumulativePercent: {
                    type: 'number',
                    minimum: 0,
                    maximum: 100,
                    default: 50,
                    description: 'Largest total decrease, in percent, that a target may demand over the plan period (a yearly decrease is compounded over the years of the period).',
                },
            },
        },
        defaultOptions: { maxCumulativePercent: 50 },
        recommended: true,
    },
    create(context) {
        const max = context.options.maxCumulativePercent ?? 50;
        return {
            Target(target) {
                const c = target.comparison;
                if (!c || !isRelativeChange(target) || changeOf(target) !== 'decrease' || !isPercent(targetUnit(target))) {
                    return;
                }
                // "giảm tối đa 30%", "giảm dưới 10%" cap a decrease: they demand none.
                const op = targetOp(target);
                if (op === 'below' || op === 'atMost') {
                    return;
                }
                // The least decrease the target demands: the lower bound of a range, the value of "at least".
                const value = c.value?.value;
                const upper = c.upper?.value;
                if (!isNumber(value)) {
                    return;
                }
                const decrease = isNumber(upper) && op === 'between' ? Math.min(value, upper) : value;
                // Above 100% is rate-out-of-range's finding; zero demands nothing.
                if (!(decrease > 0) || decrease > 100) {
                    return;
                }
                const periods = countPeriods(target);
                if (!periods) {
                    return;
                }
                const cumulative = 100 * (1 - Math.pow(1 - decrease / 100, periods.count));
                if (cumulative <= max) {
                    return;
                }
                const lowest = `${formatNumber(decrease, 'vi')}%`;
                const lowestEn = `${formatNumber(decrease, 'en')}%`;
                const totalVi = `${formatNumber(cumulative, 'vi')}%`;
                const totalEn = `${formatNumber(cumulative, 'en')}%`;
                let message: string;
                if (!periods.unit) {
                    message = `Chỉ tiêu ${targetLabel(target)} đòi giảm ${lowest}, vượt ngưỡng ${max}% cho cả thời gian thực hiện / ` +
                        `Target ${targetLabel(target)} demands a decrease of ${lowestEn}, beyond the ${max}% allowed over the whole period`;
                } else if (!periods.span) {
                    message = `Chỉ tiêu ${targetLabel(target)} đòi giảm ${lowest} ${periods.unit.everyVi}: chỉ một ${periods.unit.oneVi} đã vượt ngưỡng ${max}% ` +
                        `(kế hoạch không ghi thời gian thực hiện) / Target ${targetLabel(target)} demands a decrease of ${lowestEn} ${periods.unit.everyEn}: ` +
                        `a single ${periods.unit.oneEn} already exceeds ${max}% (the plan gives no period)`;
                } else {
                    message = `Chỉ tiêu ${targetLabel(target)} đòi giảm ${lowest} ${periods.unit.everyVi} trong ${periods.count} ${periods.unit.manyVi} ` +
                        `(${years(periods.span)}): cộng dồn là giảm khoảng ${totalVi}, vượt ngưỡng ${max}% / ` +
                        `Target ${targetLabel(target)} demands a decrease of ${lowestEn} ${periods.unit.everyEn} for ${periods.count} ${periods.unit.manyEn} ` +
                        `(${years(periods.span)}): compounded, about ${totalEn}, beyond ${max}%`;
                }
                context.report({ node: target, range: c.value?.$cstNode?.range ?? c.$cstNode?.range, message });
            },
        };
    },
});

interface UnitWords { everyVi: string; everyEn: string; oneVi: string; oneEn: string; manyVi: string; manyEn: string }

function unitWords(months: number): UnitWords {
    switch (months) {
        case 12: return { everyVi: 'mỗi năm', everyEn: 'a year', oneVi: 'năm', oneEn: 'year', manyVi: 'năm', manyEn: 'years' };
        case 3: return { everyVi: 'mỗi quý', everyEn: 'a quarter', oneVi: 'quý', oneEn: 'quarter', manyVi: 'quý', manyEn: 'quarters' };
        case 1: return { everyVi: 'mỗi tháng', everyEn: 'a month', oneVi: 'tháng', oneEn: 'month', manyVi: 'tháng', manyEn: 'months' };
        default: return {
            everyVi: `mỗi ${months} tháng`, everyEn: `every ${months} months`,
            oneVi: `kỳ ${months} tháng`, oneEn: `${months}-month period`, manyVi: `kỳ ${months} tháng`, manyEn: `${months}-month periods`,
        };
    }
}

/**
 * How many times the decrease applies: once for a one-off target; for a recurring one, the number of
 * its periods in the plan period (the enclosing phase's, else the plan's). A yearly decrease counts the
 * calendar years the period touches (2021–2025: 5). Without a period a recurring decrease counts once,
 * the least it can compound, so that only a decrease already too large for a single period is reported.
 */
function countPeriods(target: Target): { count: number; unit?: UnitWords; span?: Span } | undefined {
    if (!target.recurrence) {
        return { count: 1 };
    }
    const months = recurrenceMonths(target.recurrence);
    if (!months) {
        return undefined;
    }
    const unit = unitWords(months);
    const span = periodOf(target);
    if (!span) {
        return { count: 1, unit };
    }
    let count: number;
    if (months % 12 === 0) {
        count = Math.floor((span.end.year - span.start.year + 1) / (months / 12));
    } else {
        count = Math.floor(((span.end.year - span.start.year) * 12 + span.end.month - span.start.month + 1) / months);
    }
    return { count: Math.max(1, count), unit, span };
}

function periodOf(target: Target): Span | undefined {
    const phase = AstUtils.getContainerOfType(target, isPhase);
    if (phase?.period?.start && phase.period.end) {
        const span = periodSpan(phase.period);
        if (span) {
            return span;
        }
    }
    const plan = AstUtils.getContainerOfType(target, isPlan);
    return plan?.period?.start && plan.period.end ? planSpan(plan) : undefined;
}

function years(span: Span): string {
    return span.start.year === span.end.year ? `${span.start.year}` : `${span.start.year}–${span.end.year}`;
}
