/**
 * What the time expressions of a plan mean, for the rules, the compiler and the editor alike: the
 * days a time point denotes, the window a timing allows, the dates a recurring duty falls due on,
 * and the plan period as the plan states it.
 *
 * Conventions (README, "Time"):
 * - a point denotes all its days: "tháng 12/2025" is 1–31/12/2025, "quý IV/2025" is 1/10–31/12/2025,
 *   "năm 2025" the whole year, "cuối năm 2025" its last day, "nay" the plan's own date;
 * - "hạn X" / "đến X" / "trong X" fall due within X, so the last day of X is the latest day;
 * - "trước X" is read literally: before the first day of X, so the latest day is the day before;
 * - a day and month ("20/7") recurs every year and has dates only inside a period the plan states.
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type {
    Deadline, Document, Period, Phase, Plan, Recurrence, Report, ReportTiming, Target, Task, TimePoint, Timing, Upon
} from '../language/generated/ast.js';
import { isDeadline, isDocument, isOngoing, isOnRequest, isPhase, isPlan, isStart, isTask, isUpon } from '../language/generated/ast.js';
import { periodUnit, recurrenceKind } from '../language/keywords.js';
import type { CalendarDate } from './dates.js';
import { addDays, compareDates, daysInMonth, formatDate, lastDayOfMonth, parseDate, parseDateParts } from './dates.js';
import { inferredReason } from './provenance.js';
import { isPlaceholderDate } from './placeholders.js';
import { ownerOf } from './structure.js';
import { allContents } from './contents.js';

export { ownerOf };

/** A closed interval of days. */
export interface Span {
    start: CalendarDate;
    end: CalendarDate;
}

/** Days a timing allows; an open side is undefined. */
export interface Window {
    earliest?: CalendarDate;
    latest?: CalendarDate;
}

export type PointKind = 'date' | 'dayMonth' | 'month' | 'quarter' | 'half' | 'year' | 'endOfYear' | 'now';

// ---------------------------------------------------------------------------------------------
// Time points

export function pointKind(point: TimePoint): PointKind | undefined {
    // A placeholder (00/00/0000, written by a quick fix) means no time yet.
    if (isPlaceholderDate(point.day)) {
        return undefined;
    }
    if (point.day !== undefined) {
        return dayParts(point.day)?.year !== undefined ? 'date' : 'dayMonth';
    }
    if (point.month !== undefined) return 'month';
    if (point.quarter !== undefined) return 'quarter';
    if (point.half !== undefined) return 'half';
    if (point.now) return 'now';
    if (point.year !== undefined) return point.endOfYear ? 'endOfYear' : 'year';
    return undefined;
}

/** Whether the point recurs every year (a day and month without a year). */
export function isRecurringPoint(point: TimePoint): boolean {
    return pointKind(point) === 'dayMonth';
}

/** Day, month and (when written) year of a `day` value, without checking that the day exists. */
export function dayParts(text: string): { day: number; month: number; year?: number } | undefined {
    const full = parseDateParts(text);
    if (full) {
        return full;
    }
    const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
    return m ? { day: Number(m[1]), month: Number(m[2]) } : undefined;
}

/** Month and year of a `month` value ("11/2025"). */
export function monthParts(text: string): { month: number; year: number } | undefined {
    const m = /^(\d{1,2})\/(\d{1,5})$/.exec(text);
    return m ? { month: Number(m[1]), year: Number(m[2]) } : undefined;
}

/** Quarter and year of a `quarter` value ("4/2025"). */
export function quarterParts(text: string): { quarter: number; year: number } | undefined {
    const m = /^(\d)\/(\d{1,5})$/.exec(text);
    return m ? { quarter: Number(m[1]), year: Number(m[2]) } : undefined;
}

export function isSecondHalf(keyword: string): boolean {
    return /cuối|second/iu.test(keyword.normalize('NFC'));
}

export interface PointContext {
    /** The plan's own date, for "nay". */
    now?: CalendarDate;
    /** The year a day and month is read in. */
    year?: number;
}

/**
 * The days a point denotes; undefined when it names no existing day, when a day and month has no
 * year to be read in, or when "nay" has no plan date.
 */
export function pointExtent(point: TimePoint, context: PointContext = {}): Span | undefined {
    switch (pointKind(point)) {
        case 'date': {
            const date = parseDate(point.day!);
            return date && { start: date, end: date };
        }
        case 'dayMonth': {
            const dm = dayParts(point.day!);
            if (!dm || context.year === undefined) {
                return undefined;
            }
            const year = context.year + (point.previousYear ? -1 : point.nextYear ? 1 : 0);
            const date = parseDate(`${dm.day}/${dm.month}/${year}`);
            return date && { start: date, end: date };
        }
        case 'month': {
            const m = monthParts(point.month!);
            return m && validYear(m.year) && m.month >= 1 && m.month <= 12
                ? { start: { year: m.year, month: m.month, day: 1 }, end: lastDayOfMonth(m.year, m.month) }
                : undefined;
        }
        case 'quarter': {
            const q = quarterParts(point.quarter!);
            if (!q || !validYear(q.year) || q.quarter < 1 || q.quarter > 4) {
                return undefined;
            }
            const first = (q.quarter - 1) * 3 + 1;
            return { start: { year: q.year, month: first, day: 1 }, end: lastDayOfMonth(q.year, first + 2) };
        }
        case 'half': {
            const year = point.year;
            if (!validYear(year)) {
                return undefined;
            }
            return isSecondHalf(point.half!)
                ? { start: { year, month: 7, day: 1 }, end: { year, month: 12, day: 31 } }
                : { start: { year, month: 1, day: 1 }, end: { year, month: 6, day: 30 } };
        }
        case 'year':
            return validYear(point.year) ? { start: { year: point.year, month: 1, day: 1 }, end: { year: point.year, month: 12, day: 31 } } : undefined;
        case 'endOfYear':
            return validYear(point.year) ? { start: { year: point.year, month: 12, day: 31 }, end: { year: point.year, month: 12, day: 31 } } : undefined;
        case 'now':
            return context.now && { start: context.now, end: context.now };
        default:
            return undefined;
    }
}

function validYear(year: number | undefined): year is number {
    return year !== undefined && Number.isInteger(year) && year >= 1 && year <= 9999;
}

/**
 * A point as one day: its first day when it starts a period, its last day otherwise ("từ 2017 đến
 * 2020" runs from 1/1/2017 to 31/12/2020; "cuối năm 2020" is always 31/12/2020).
 */
export function pointDate(point: TimePoint, role: 'start' | 'end', context: PointContext | number = {}): CalendarDate | undefined {
    const extent = pointExtent(point, typeof context === 'number' ? { year: context } : context);
    return extent && (role === 'start' ? extent.start : extent.end);
}

/** The year a point names, if it names one. */
export function yearOf(point: TimePoint): number | undefined {
    switch (pointKind(point)) {
        case 'date': return dayParts(point.day!)?.year;
        case 'month': return monthParts(point.month!)?.year;
        case 'quarter': return quarterParts(point.quarter!)?.year;
        case 'half':
        case 'year':
        case 'endOfYear': return point.year;
        default: return undefined;
    }
}

// ---------------------------------------------------------------------------------------------
// Periods and the plan period

/** The days of a period; undefined for one with a day and month, or one still being typed. */
export function periodSpan(period: Period | undefined, context: PointContext = {}): Span | undefined {
    const start = period?.start && pointDate(period.start, 'start', context);
    const end = period?.end && pointDate(period.end, 'end', context);
    return start && end ? { start, end } : undefined;
}

/**
 * The date a plan bears: its own `ngày`, or, for a plan without one, the date of the decision it is
 * issued with (`ban hành kèm theo`), which is the plan's date.
 */
export function planDate(node: Plan | Document): CalendarDate | undefined {
    const own = node.date ? parseDate(node.date) : undefined;
    if (own || node.date || !isPlan(node)) {
        return own;
    }
    const issuing = node.issuedWith?.ref;
    return issuing && issuing !== node && issuing.date ? parseDate(issuing.date) : undefined;
}

/**
 * The plan period as the plan states it (`thời gian`), with "nay" read as the plan's date.
 * A period the writer marked as inferred (`suy ra`) is not stated: nothing is expanded over it.
 */
export function statedPlanSpan(plan: Plan | Document | undefined): Span | undefined {
    if (!isPlan(plan) || !plan.period || inferredReason(plan, 'period') !== undefined) {
        return undefined;
    }
    // Asked for each task, report and target by several rules: the span is read once per plan and
    // plan date (the date may come from the decision the plan is issued with, which can change).
    const now = planDate(plan);
    const known = statedSpans.get(plan);
    if (known && (known.now === now || known.now && now && compareDates(known.now, now) === 0)) {
        return known.span;
    }
    const span = periodSpan(plan.period, { now });
    statedSpans.set(plan, { now, span });
    return span;
}

/** The stated span of each plan, with the plan date it was read with; shared: never modify it. */
const statedSpans = new WeakMap<Plan, { now: CalendarDate | undefined; span: Span | undefined }>();

/** The plan period whether stated or inferred, for messages that quote it. */
export function planSpan(plan: Plan): Span | undefined {
    return periodSpan(plan.period, { now: planDate(plan) });
}


// ---------------------------------------------------------------------------------------------
// Timings

export type TimingKind = 'deadline' | 'start' | 'ongoing' | 'event' | 'onRequest';
export type DeadlineRelation = 'by' | 'before' | 'during';
export type EventRelation = 'when' | 'after' | 'immediatelyAfter' | 'before';

export function timingKind(timing: Timing | ReportTiming | Deadline): TimingKind {
    if (isDeadline(timing)) return 'deadline';
    if (isStart(timing)) return 'start';
    if (isOngoing(timing)) return 'ongoing';
    if (isUpon(timing)) return 'event';
    if (isOnRequest(timing)) return 'onRequest';
    return 'deadline';
}

export function deadlineRelation(deadline: Deadline): DeadlineRelation {
    const k = (deadline.relation ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (k === 'trước' || k === 'before') return 'before';
    if (k === 'trong' || k === 'ngay trong' || k === 'during' || k === 'within') return 'during';
    return 'by';
}

export function eventRelation(upon: Upon): EventRelation {
    const k = (upon.relation ?? '').normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
    if (k === 'sau khi' || k === 'after') return 'after';
    if (k === 'ngay sau khi' || k === 'immediately after') return 'immediatelyAfter';
    if (k === 'trước khi' || k === 'prior to') return 'before';
    return 'when';
}

/** The timings of a task, report or target. */
export function timingsOf(node: Task | Report | Target): Array<Timing | ReportTiming | Deadline> {
    return node.timings ?? [];
}

/** The deadlines of a task, report or target. */
export function deadlinesOf(node: Task | Report | Target): Deadline[] {
    return timingsOf(node).filter(isDeadline);
}

/** The window a deadline at one point allows (the point in `year` for a day and month). */
export function deadlineWindow(relation: DeadlineRelation, point: TimePoint, context: PointContext): Window | undefined {
    const extent = pointExtent(point, context);
    if (!extent) {
        return undefined;
    }
    return relation === 'before' ? { latest: addDays(extent.start, -1) } : { earliest: extent.start, latest: extent.end };
}

/** The latest day a deadline at one point allows: the last day of the point, or the day before it for "trước". */
export function latestDay(relation: DeadlineRelation, point: TimePoint, context: PointContext): CalendarDate | undefined {
    return deadlineWindow(relation, point, context)?.latest;
}

export interface Occurrence {
    /** The latest day of this occurrence. */
    due: CalendarDate;
    /** The day the point names in this occurrence ("trước ngày 20/7": 20/7 of that year). */
    at: CalendarDate;
    /** The days the deadline allows in this occurrence. */
    window: Window;
    /** The point it comes from. */
    point: TimePoint;
}

/** Months between two occurrences of a recurrence; undefined when it states no interval or cannot be read. */
export function recurrenceMonths(rec: Recurrence | undefined): number | undefined {
    if (!rec) {
        return undefined;
    }
    if (rec.every) {
        const kind = recurrenceKind(rec.every);
        return kind === 'monthly' ? 1 : kind === 'quarterly' ? 3 : kind === 'yearly' ? 12 : undefined;
    }
    if (rec.count === undefined || !Number.isInteger(rec.count) || rec.count <= 0 || !rec.unit) {
        return undefined;
    }
    const unit = periodUnit(rec.unit);
    return unit === 'year' ? rec.count * 12 : unit === 'month' ? rec.count : undefined;
}

/** The interval of a recurrence as written: count and unit; undefined for "định kỳ" alone. */
export function recurrenceInterval(rec: Recurrence | undefined): { count: number; unit: 'week' | 'month' | 'year' } | undefined {
    if (!rec) {
        return undefined;
    }
    if (rec.every) {
        const kind = recurrenceKind(rec.every);
        switch (kind) {
            case 'yearly': return { count: 1, unit: 'year' };
            case 'quarterly': return { count: 3, unit: 'month' };
            case 'monthly': return { count: 1, unit: 'month' };
            case 'weekly': return { count: 1, unit: 'week' };
            default: return undefined;
        }
    }
    const unit = rec.unit ? periodUnit(rec.unit) : undefined;
    if (rec.count === undefined || !unit || !Number.isFinite(rec.count) || rec.count <= 0) {
        return undefined;
    }
    return { count: rec.count, unit };
}

/** Plans run for years, not centuries: longer periods and intervals are mistakes, and are not expanded. */
export const MAX_PLAN_YEARS = 100;
/** Years a plan's time points may name. */
export const PLAUSIBLE_YEARS = { min: 1900, max: 2200 };

/** Why the interval a recurrence states is not one (zero, a fraction, or longer than a century). */
export function intervalProblem(rec: Recurrence | undefined): string | undefined {
    if (!rec || rec.count === undefined) {
        return undefined;
    }
    const unit = rec.unit ? periodUnit(rec.unit) : undefined;
    if (!Number.isFinite(rec.count) || rec.count <= 0) {
        return 'khoảng thời gian phải lớn hơn 0 (the interval must be more than zero)';
    }
    if (!Number.isInteger(rec.count)) {
        return 'khoảng thời gian phải là số nguyên (the interval must be a whole number)';
    }
    const months = unit === 'year' ? rec.count * 12 : unit === 'month' ? rec.count : unit === 'week' ? rec.count / 4 : rec.count;
    if (months > MAX_PLAN_YEARS * 12) {
        return `khoảng thời gian dài hơn ${MAX_PLAN_YEARS} năm (the interval is longer than ${MAX_PLAN_YEARS} years)`;
    }
    return undefined;
}

/** Whether a recurrence is "định kỳ" without any interval. */
export function isUnstatedInterval(rec: Recurrence | undefined): boolean {
    return !!rec && rec.periodic && !rec.every && rec.count === undefined;
}

/**
 * Concrete occurrences of one deadline point. A fixed point is itself; a day and month recurs at the
 * recurrence's interval (every year when none is given) across `span`, and has none without one.
 * The number of occurrences is capped (a plan of a thousand years expands to its first `limit`).
 */
export function occurrencesOf(relation: DeadlineRelation, point: TimePoint, rec: Recurrence | undefined,
    span: Span | undefined, now: CalendarDate | undefined, limit = 1000): Occurrence[] {
    if (!isRecurringPoint(point)) {
        const window = deadlineWindow(relation, point, { now });
        const at = pointExtent(point, { now })?.start;
        return window?.latest && at ? [{ due: window.latest, at, window, point }] : [];
    }
    const dm = dayParts(point.day!);
    if (!dm || !span || dm.month < 1 || dm.month > 12 || span.end.year - span.start.year >= MAX_PLAN_YEARS) {
        return [];
    }
    // An interval that is written but is not one (zero, a fraction, weeks from a day of the year) has
    // no dates: implausible-time reports it.
    if (rec?.count !== undefined && (intervalProblem(rec) || recurrenceMonths(rec) === undefined)) {
        return [];
    }
    if (rec?.every && recurrenceMonths(rec) === undefined) {
        return [];
    }
    const interval = recurrenceMonths(rec) ?? 12;
    const result: Occurrence[] = [];
    // Start from the earliest month of the cycle that the day/month belongs to.
    let month = ((dm.month - 1) % interval) + 1;
    const offset = point.previousYear ? -1 : point.nextYear ? 1 : 0;
    let year = span.start.year - offset;
    for (let guard = 0; guard < 200_000 && result.length < limit; guard++) {
        const y = year + offset;
        if (y > span.end.year + 1) {
            break;
        }
        const day = Math.min(dm.day, daysInMonth(y, month));
        const date: CalendarDate = { year: y, month, day };
        const window: Window = relation === 'before' ? { latest: addDays(date, -1) } : { earliest: date, latest: date };
        const due = window.latest!;
        if (compareDates(due, span.end) > 0) {
            break;
        }
        if (compareDates(due, span.start) >= 0) {
            result.push({ due, at: date, window, point });
        }
        month += interval;
        while (month > 12) {
            month -= 12;
            year += 1;
        }
    }
    return result;
}

/** Every due date of a task, report or target, in order, within the plan period it states. */
export function dueOccurrences(node: Task | Report | Target): Occurrence[] {
    const owner = ownerOf(node);
    const span = statedPlanSpan(owner);
    const now = owner ? planDate(owner) : undefined;
    const result: Occurrence[] = [];
    for (const deadline of deadlinesOf(node)) {
        const relation = deadlineRelation(deadline);
        for (const point of deadline.points) {
            result.push(...occurrencesOf(relation, point, node.recurrence, span, now));
        }
    }
    return result.sort((a, b) => compareDates(a.due, b.due));
}

/** The window of a timing that is not a deadline ("từ …", "thường xuyên", "sau khi … có hiệu lực"). */
export function timingWindow(timing: Timing | ReportTiming | Deadline, owner: Plan | Document | undefined): Window | undefined {
    const now = owner ? planDate(owner) : undefined;
    if (isStart(timing)) {
        const earliest = timing.start ? pointDate(timing.start, 'start', { now }) : undefined;
        const latest = timing.end ? pointDate(timing.end, 'end', { now }) : undefined;
        return earliest || latest ? { earliest, latest } : undefined;
    }
    if (isOngoing(timing)) {
        const span = statedPlanSpan(owner);
        return span && { earliest: span.start, latest: span.end };
    }
    if (isUpon(timing)) {
        const relation = eventRelation(timing);
        const effective = timing.effective && (relation === 'after' || relation === 'immediatelyAfter' || relation === 'when')
            ? effectiveDate(timing.subject?.ref) : undefined;
        return effective && { earliest: effective };
    }
    if (isDeadline(timing) && timing.points.length === 1 && !isRecurringPoint(timing.points[0])) {
        return deadlineWindow(deadlineRelation(timing), timing.points[0], { now });
    }
    return undefined;
}

/** The day a document takes effect, when it says so (`có hiệu lực từ …`, `… kể từ ngày ký`). */
export function effectiveDate(node: AstNode | undefined): CalendarDate | undefined {
    if (!isDocument(node) || !node.effective) {
        return undefined;
    }
    if (node.effective.onSigning) {
        return node.date ? parseDate(node.date) : undefined;
    }
    return node.effective.date ? parseDate(node.effective.date) : undefined;
}

// ---------------------------------------------------------------------------------------------
// Phases

/**
 * The phases of a plan, grouped by the phase they are written in (undefined: directly in the plan,
 * possibly inside sections). Sub-phases divide their phase, so only phases of one group are compared.
 */
export function phaseGroups(plan: Plan): Map<Phase | undefined, Phase[]> {
    const groups = new Map<Phase | undefined, Phase[]>();
    for (const node of allContents(plan)) {
        if (isPhase(node)) {
            const parent = AstUtils.getContainerOfType(node.$container, isPhase);
            let group = groups.get(parent);
            if (!group) {
                group = [];
                groups.set(parent, group);
            }
            group.push(node);
        }
    }
    return groups;
}

export interface DatedPhase {
    phase: Phase;
    span: Span;
}

/**
 * The phases of a group that have a usable period (start not after end), sorted by start, then by
 * end, then in source order.
 */
export function datedPhases(phases: Phase[]): DatedPhase[] {
    const result: DatedPhase[] = [];
    for (const phase of phases) {
        const owner = ownerOf(phase);
        const span = phase.period ? periodSpan(phase.period, { now: owner ? planDate(owner) : undefined }) : undefined;
        if (span && compareDates(span.start, span.end) <= 0) {
            result.push({ phase, span });
        }
    }
    // Array.prototype.sort is stable: equal spans keep their source order.
    return result.sort((a, b) => compareDates(a.span.start, b.span.start) || compareDates(a.span.end, b.span.end));
}

// ---------------------------------------------------------------------------------------------
// Words

/** "2017–2018" or "2018" for whole years, "16/6/2020–31/12/2021" otherwise. */
export function formatSpan(span: Span): string {
    const wholeYears = span.start.month === 1 && span.start.day === 1 && span.end.month === 12 && span.end.day === 31;
    if (wholeYears) {
        return span.start.year === span.end.year ? `${span.start.year}` : `${span.start.year}–${span.end.year}`;
    }
    return compareDates(span.start, span.end) === 0 ? formatDate(span.start) : `${formatDate(span.start)}–${formatDate(span.end)}`;
}

/** The source text of a node ("cuối năm 2020", "từ 2017 đến 2018"), with blanks collapsed. */
export function sourceText(node: AstNode | undefined): string {
    return node?.$cstNode?.text.normalize('NFC').replace(/\s+/g, ' ').trim() ?? '';
}

/** How a phase is named in a message: its id, else its title, else its line. */
export function phaseLabel(phase: Phase): string {
    if (phase.name) {
        return phase.name;
    }
    if (phase.title) {
        return `"${phase.title.length > 40 ? phase.title.slice(0, 39) + '…' : phase.title}"`;
    }
    const line = (phase.$cstNode?.range.start.line ?? 0) + 1;
    return `dòng ${line} (line ${line})`;
}

// ---------------------------------------------------------------------------------------------
// Where a task's timing comes from

/** Whether a task states a timing of its own: a deadline, a start, "thường xuyên", an event, or a recurrence. */
export function hasOwnTiming(task: Task): boolean {
    return (task.timings?.length ?? 0) > 0 || task.recurrence !== undefined;
}

export interface TimingSource {
    /** The task that states the timing (the task itself or an enclosing one), or the phase the task is written in. */
    node: Task | Phase;
    kind: 'own' | 'task' | 'phase';
}

/**
 * Where a task's timing comes from: its own timings or recurrence; else those of the nearest
 * enclosing task that states some (sub-tasks share their task's schedule); else the period of the
 * phase it is written in. Undefined when nothing in its chain says when. The plan period is not a
 * task's timing: it says when the plan ends, not when each duty falls due.
 */
export function timingSource(task: Task): TimingSource | undefined {
    for (let current: AstNode | undefined = task; current; current = current.$container) {
        if (isTask(current) && hasOwnTiming(current)) {
            return { node: current, kind: current === task ? 'own' : 'task' };
        }
        if (isPhase(current)) {
            return { node: current, kind: 'phase' };
        }
    }
    return undefined;
}
