/**
 * Shared meaning of time for the rules of category 'time' (deadline-outside-period, phase-overlap,
 * phase-gap, report-period-invalid): time points resolved to calendar dates, spans of days, and how
 * to write them in a message. Only the time rules use this file.
 */
import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Phase, Plan, TimePoint } from '../../language/generated/ast.js';
import { isPhase } from '../../language/generated/ast.js';
import type { CalendarDate } from '../../language/dates.js';
import { compareDates } from '../../language/dates.js';
import type { Span } from '../../language/time.js';
import { periodSpan } from '../../language/time.js';

/** Whether a time point recurs every year (a day and month without a year). */
export function isRecurringPoint(point: TimePoint): boolean {
    return point.dayMonth !== undefined;
}


export function addDays(date: CalendarDate, days: number): CalendarDate {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day + days));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

export function minDate(a: CalendarDate, b: CalendarDate): CalendarDate {
    return compareDates(a, b) <= 0 ? a : b;
}

export function maxDate(a: CalendarDate, b: CalendarDate): CalendarDate {
    return compareDates(a, b) >= 0 ? a : b;
}

/** "16/6/2020", as Vietnamese running text writes a date. */
export function formatDate(date: CalendarDate): string {
    return `${date.day}/${date.month}/${date.year}`;
}

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
    return node?.$cstNode?.text.replace(/\s+/g, ' ').trim() ?? '';
}

/** 1-based line of a node, for messages. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** How a phase is named in a message: its id, else its title, else its line. */
export function phaseLabel(phase: Phase): string {
    if (phase.name) {
        return phase.name;
    }
    if (phase.title) {
        return `"${phase.title.length > 40 ? phase.title.slice(0, 39) + '…' : phase.title}"`;
    }
    return `dòng ${lineOf(phase)} (line ${lineOf(phase)})`;
}

/**
 * The phases of a plan, grouped by the phase they are written in (undefined: directly in the plan,
 * possibly inside sections). Sub-phases divide their phase, so only phases of one group are compared.
 */
export function phaseGroups(plan: Plan): Map<Phase | undefined, Phase[]> {
    const groups = new Map<Phase | undefined, Phase[]>();
    for (const node of AstUtils.streamAllContents(plan)) {
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
 * The phases of a group that have a usable period (full dates or years, start not after end),
 * sorted by start, then by end, then in source order.
 */
export function datedPhases(phases: Phase[]): DatedPhase[] {
    const result: DatedPhase[] = [];
    for (const phase of phases) {
        const span = phase.period ? periodSpan(phase.period) : undefined;
        if (span && compareDates(span.start, span.end) <= 0) {
            result.push({ phase, span });
        }
    }
    // Array.prototype.sort is stable: equal spans keep their source order.
    return result.sort((a, b) => compareDates(a.span.start, b.span.start) || compareDates(a.span.end, b.span.end));
}
