import { defineRule, noOptions } from '../linter/rule.js';
import { compareDates, minDate } from '../semantics/dates.js';
import { lineOf } from '../semantics/structure.js';
import type { DatedPhase } from '../semantics/time.js';
import { datedPhases, formatSpan, phaseGroups, phaseLabel } from '../semantics/time.js';

export default defineRule({
    meta: {
        id: 'phase-overlap',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Hai giai đoạn của kế hoạch trùng thời gian / Two phases of a plan overlap in time',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan(plan) {
                for (const phases of phaseGroups(plan).values()) {
                    // Sweep by start: a phase overlaps an earlier one when it starts before the latest
                    // end seen so far; naming the phase with that end.
                    let latest: DatedPhase | undefined;
                    for (const current of datedPhases(phases)) {
                        if (latest && compareDates(current.span.start, latest.span.end) <= 0) {
                            const shared = formatSpan({ start: current.span.start, end: minDate(current.span.end, latest.span.end) });
                            const a = phaseLabel(current.phase);
                            const b = phaseLabel(latest.phase);
                            const line = lineOf(latest.phase);
                            context.report({
                                node: current.phase,
                                range: current.phase.period?.$cstNode?.range,
                                message: `Giai đoạn ${a} (${formatSpan(current.span)}) trùng thời gian với giai đoạn ${b} (${formatSpan(latest.span)}, dòng ${line}): cả hai gồm ${shared} / Phase ${a} (${formatSpan(current.span)}) overlaps phase ${b} (${formatSpan(latest.span)}, line ${line}): both cover ${shared}`,
                                related: [{
                                    node: latest.phase, range: latest.phase.period?.$cstNode?.range,
                                    message: `Giai đoạn ${b} (${formatSpan(latest.span)}) / Phase ${b} (${formatSpan(latest.span)})`,
                                }],
                            });
                        }
                        if (!latest || compareDates(current.span.end, latest.span.end) > 0) {
                            latest = current;
                        }
                    }
                }
            },
        };
    },
});
