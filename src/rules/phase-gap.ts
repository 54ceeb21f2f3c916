import type { Phase } from '../language/generated/ast.js';
import type { RelatedPlace } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import { addDays, compareDates } from '../semantics/dates.js';
import type { DatedPhase, Span } from '../semantics/time.js';
import { datedPhases, formatSpan, periodSpan, phaseGroups, phaseLabel, planSpan } from '../semantics/time.js';

interface Options {
    checkPlanPeriod: boolean;
}

export default defineRule<Options>({
    meta: {
        id: 'phase-gap',
        category: 'time',
        defaultSeverity: 'info',
        description: 'Các giai đoạn để hở một khoảng thời gian không thuộc giai đoạn nào / Phases leave a stretch of time uncovered',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                checkPlanPeriod: {
                    type: 'boolean',
                    default: true,
                    description: 'Cũng báo khoảng hở giữa đầu/cuối thời gian kế hoạch (hoặc của giai đoạn lớn) và giai đoạn đầu/cuối / Also report a gap between the start or end of the plan period (or of the enclosing phase) and the first or last phase',
                },
            },
        },
        defaultOptions: { checkPlanPeriod: true },
        recommended: true,
    },
    create(context) {
        const checkPlanPeriod = context.options.checkPlanPeriod !== false;
        return {
            Plan(plan) {
                for (const [parent, phases] of phaseGroups(plan)) {
                    const sorted = datedPhases(phases);
                    if (sorted.length === 0) {
                        continue;
                    }
                    const outer = checkPlanPeriod ? boundsOf(parent, parent ? undefined : planSpan(plan)) : undefined;
                    const whole = parent ? `giai đoạn ${phaseLabel(parent)}` : 'kế hoạch';
                    const wholeEn = parent ? `phase ${phaseLabel(parent)}` : 'the plan';
                    // The period the phases divide, where it is written.
                    const outerPeriod = parent ? parent.period : plan.period;
                    const outerPlace = outer && outerPeriod
                        ? { node: outerPeriod, message: `Thời gian ${whole} (${formatSpan(outer)}) / The period of ${wholeEn} (${formatSpan(outer)})` }
                        : undefined;

                    if (outer && compareDates(outer.start, sorted[0].span.start) < 0) {
                        const gap = { start: outer.start, end: addDays(sorted[0].span.start, -1) };
                        report(sorted[0], gap,
                            `từ đầu thời gian ${whole} (${formatSpan(outer)}) đến giai đoạn đầu tiên ${phaseLabel(sorted[0].phase)}`,
                            `between the start of ${wholeEn} (${formatSpan(outer)}) and the first phase ${phaseLabel(sorted[0].phase)}`,
                            outerPlace);
                    }
                    let latest = sorted[0];
                    for (const current of sorted.slice(1)) {
                        const dayAfter = addDays(latest.span.end, 1);
                        if (compareDates(dayAfter, current.span.start) < 0) {
                            const gap = { start: dayAfter, end: addDays(current.span.start, -1) };
                            report(current, gap,
                                `giữa giai đoạn ${phaseLabel(latest.phase)} (${formatSpan(latest.span)}) và giai đoạn ${phaseLabel(current.phase)} (${formatSpan(current.span)})`,
                                `between phase ${phaseLabel(latest.phase)} (${formatSpan(latest.span)}) and phase ${phaseLabel(current.phase)} (${formatSpan(current.span)})`,
                                {
                                    node: latest.phase, range: latest.phase.period?.$cstNode?.range,
                                    message: `Giai đoạn ${phaseLabel(latest.phase)} (${formatSpan(latest.span)}) / Phase ${phaseLabel(latest.phase)} (${formatSpan(latest.span)})`,
                                });
                        }
                        if (compareDates(current.span.end, latest.span.end) > 0) {
                            latest = current;
                        }
                    }
                    if (outer && compareDates(latest.span.end, outer.end) < 0) {
                        const gap = { start: addDays(latest.span.end, 1), end: outer.end };
                        report(latest, gap,
                            `từ giai đoạn cuối ${phaseLabel(latest.phase)} đến hết thời gian ${whole} (${formatSpan(outer)})`,
                            `between the last phase ${phaseLabel(latest.phase)} and the end of ${wholeEn} (${formatSpan(outer)})`,
                            outerPlace);
                    }
                }
            },
        };

        function report(at: DatedPhase, gap: Span, vi: string, en: string, related: RelatedPlace | undefined): void {
            const g = formatSpan(gap);
            context.report({
                node: at.phase,
                range: at.phase.period?.$cstNode?.range,
                message: `Khoảng ${g} không thuộc giai đoạn nào, ${vi} / ${g} is not covered by any phase, ${en}`,
                related: related ? [related] : undefined,
            });
        }
    },
});

/** The period that the phases of a group divide: the enclosing phase's, or the plan's. */
function boundsOf(parent: Phase | undefined, plan: Span | undefined): Span | undefined {
    const span = parent ? periodSpan(parent.period) : plan;
    return span && compareDates(span.start, span.end) <= 0 ? span : undefined;
}
