/**
 * When a duty falls due, in words for the editor: each timing with the window of days it allows,
 * the recurrence, and the concrete due dates of a recurring duty within the plan period (none, and
 * why, when the plan states no period). Computed by src/semantics/time.ts; phrased here.
 */
import type { Deadline, Report, ReportTiming, Target, Task, TimePoint, Timing } from '../language/generated/ast.js';
import { isDeadline, isOngoing, isOnRequest, isPlan, isUpon } from '../language/generated/ast.js';
import { recurrenceKind } from '../language/keywords.js';
import type { CalendarDate } from '../semantics/dates.js';
import { inferredReason } from '../semantics/provenance.js';
import type { Occurrence } from '../semantics/time.js';
import {
    deadlineRelation, deadlinesOf, deadlineWindow, dueOccurrences, formatSpan, intervalProblem, isRecurringPoint, isUnstatedInterval,
    ownerOf, planDate, planSpan, pointKind, recurrenceInterval, sourceText, statedPlanSpan, timingWindow
} from '../semantics/time.js';
import { code, md, occurrencesText, windowText } from './describe.js';

type Duty = Task | Report | Target;

/** Whether a duty recurs: it states a recurrence, or a deadline on a day and month ("trước ngày 20/7"). */
export function isRecurring(node: Duty): boolean {
    return node.recurrence !== undefined || deadlinesOf(node).some(d => (d.points ?? []).some(isRecurringPoint));
}

/** The concrete due dates of a recurring duty, or why it has none. */
export interface RecurringDue {
    occurrences: Occurrence[];
    /** Why there are no dates (Vietnamese / English), when there are none. */
    none?: string;
}

export function recurringDue(node: Duty): RecurringDue {
    const occurrences = dueOccurrences(node).filter(o => isRecurringPoint(o.point));
    if (occurrences.length > 0) {
        return { occurrences };
    }
    const owner = ownerOf(node);
    const rec = node.recurrence;
    if (rec && isUnstatedInterval(rec) && deadlinesOf(node).length === 0) {
        return { occurrences, none: 'bản gốc không nêu chu kỳ và hạn / the original states no interval and no due date' };
    }
    if (deadlinesOf(node).length === 0) {
        return { occurrences, none: 'bản gốc không nêu hạn / the original states no due date' };
    }
    if (rec && intervalProblem(rec)) {
        return { occurrences, none: intervalProblem(rec) };
    }
    if (!statedPlanSpan(owner)) {
        const inferred = isPlan(owner) && owner.period && inferredReason(owner, 'period') !== undefined;
        return {
            occurrences,
            none: inferred
                ? 'thời gian của kế hoạch là suy ra, không có trong bản gốc, nên không tính ngày cụ thể / the plan period is inferred, not stated, so no dates are computed'
                : 'kế hoạch không nêu thời gian thực hiện, nên không có ngày cụ thể / the plan states no period, so there are no concrete dates',
        };
    }
    return { occurrences, none: 'không có ngày nào trong thời gian của kế hoạch / no date falls within the plan period' };
}

/** "hằng năm / every year", "định kỳ — bản gốc không nêu chu kỳ / periodically, the interval is not stated". */
export function recurrenceText(node: Duty): string | undefined {
    const rec = node.recurrence;
    if (!rec) {
        return undefined;
    }
    const written = md(sourceText(rec));
    if (isUnstatedInterval(rec)) {
        return `${written} — bản gốc không nêu chu kỳ / ${recurrenceEnglish(node)}`;
    }
    const problem = intervalProblem(rec);
    return problem ? `${written} — ${problem}` : `${written} / ${recurrenceEnglish(node)}`;
}

/** The recurrence in English: "every year", "every 6 months"; undefined without one. */
export function recurrenceEnglish(node: Duty): string | undefined {
    const rec = node.recurrence;
    if (!rec) {
        return undefined;
    }
    if (isUnstatedInterval(rec)) {
        return 'periodically, the interval is not stated';
    }
    const interval = recurrenceInterval(rec);
    if (!interval || intervalProblem(rec)) {
        return 'periodically';
    }
    const every = rec.every ? recurrenceKind(rec.every) : undefined;
    return every === 'yearly' ? 'every year' : every === 'quarterly' ? 'every quarter' : every === 'monthly' ? 'every month'
        : every === 'weekly' ? 'every week' : `every ${interval.count} ${interval.unit}${interval.count === 1 ? '' : 's'}`;
}

/** One line per timing: as written, then the window of days it allows. */
export function timingLines(node: Duty): string[] {
    const owner = ownerOf(node);
    const now = owner ? planDate(owner) : undefined;
    const lines: string[] = [];
    for (const timing of (node.timings ?? []) as Array<Timing | ReportTiming | Deadline>) {
        const written = code(sourceText(timing));
        if (isDeadline(timing)) {
            const parts = (timing.points ?? []).map(point => pointWindow(timing, point, now)).filter((p): p is string => !!p);
            lines.push(parts.length > 0 ? `${written}: ${parts.join('; ')}` : written);
        } else if (isOngoing(timing)) {
            const window = timingWindow(timing, owner);
            const text = window ? windowText(window) : undefined;
            lines.push(`${written}: thường xuyên, không có hạn / ongoing, no deadline${text ? ` (${text})` : ''}`);
        } else if (isOnRequest(timing)) {
            lines.push(`${written}: khi có yêu cầu / whenever asked`);
        } else if (isUpon(timing)) {
            const window = timingWindow(timing, owner);
            const text = window ? windowText(window) : undefined;
            lines.push(text ? `${written}: ${text}` : `${written}: khi sự kiện xảy ra, không có ngày cụ thể / when the event happens, no concrete date`);
        } else {
            const window = timingWindow(timing, owner);
            const text = window ? windowText(window) : undefined;
            lines.push(text ? `${written}: ${text}` : written);
        }
    }
    return lines;
}

function pointWindow(deadline: Deadline, point: TimePoint, now: CalendarDate | undefined): string | undefined {
    if (isRecurringPoint(point)) {
        // Its dates depend on the year: listed with the due dates.
        return undefined;
    }
    const window = deadlineWindow(deadlineRelation(deadline), point, { now });
    if (!window && pointKind(point) === 'now' && !now) {
        return '"nay" là ngày của kế hoạch, nhưng kế hoạch không có ngày / "nay" is the plan\'s date, but the plan has none';
    }
    return window ? windowText(window) : undefined;
}

/** The recurring due dates as one line, or why there are none. */
export function dueLine(node: Duty): string | undefined {
    if (!isRecurring(node)) {
        return undefined;
    }
    const due = recurringDue(node);
    if (due.occurrences.length > 0) {
        return `Các ngày đến hạn / Due dates: ${occurrencesText(due.occurrences, 6)}`;
    }
    return `Không có ngày đến hạn cụ thể / No concrete due dates: ${due.none}`;
}

/** The plan period in words, stated or inferred, for a duty or target without its own deadline. */
export function planPeriodText(node: Duty): string {
    const owner = ownerOf(node);
    if (!isPlan(owner) || !owner.period) {
        return 'kế hoạch không nêu thời gian thực hiện / the plan states no period';
    }
    const span = planSpan(owner);
    if (!span) {
        return `thời gian của kế hoạch / plan period: ${code(sourceText(owner.period))}`;
    }
    const inferred = inferredReason(owner, 'period') !== undefined ? ' (suy ra / inferred)' : '';
    return `thời gian của kế hoạch / plan period: ${formatSpan(span)}${inferred}`;
}
