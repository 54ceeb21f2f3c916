/**
 * Time points and periods as calendar dates, shared by the compiler and the rules.
 */
import type { Plan, TimePoint } from './generated/ast.js';
import type { CalendarDate } from './dates.js';
import { parseDate, parseDayMonthParts } from './dates.js';

/** A closed interval of days. */
export interface Span {
    start: CalendarDate;
    end: CalendarDate;
}

/**
 * A time point as a date. Full dates stand for themselves; a year stands for its first day when it
 * starts a period and for its last day otherwise ("cuối năm 2020" is always 31/12/2020); a day and
 * month ("20/7", "15/9 năm trước") is taken in `year` (the year before with "năm trước").
 * Undefined when the point names no existing date or a day/month has no year to resolve against.
 */
export function pointDate(point: TimePoint, role: 'start' | 'end', year?: number): CalendarDate | undefined {
    if (point.date) {
        return parseDate(point.date);
    }
    if (point.dayMonth) {
        const dm = parseDayMonthParts(point.dayMonth);
        if (!dm || year === undefined) {
            return undefined;
        }
        return parseDate(`${dm.day}/${dm.month}/${point.previousYear ? year - 1 : year}`);
    }
    if (point.year !== undefined && Number.isInteger(point.year)) {
        return role === 'start' && !point.endOfYear ? { year: point.year, month: 1, day: 1 } : { year: point.year, month: 12, day: 31 };
    }
    return undefined;
}

/**
 * The days of a period written with full dates or years ("từ 2017 đến 2020" runs from 1/1/2017 to
 * 31/12/2020); undefined for a day/month period and for one still being typed.
 */
export function periodSpan(period: { start?: TimePoint; end?: TimePoint } | undefined): Span | undefined {
    const start = period?.start && pointDate(period.start, 'start');
    const end = period?.end && pointDate(period.end, 'end');
    return start && end ? { start, end } : undefined;
}

/** The plan period (`thời gian`) as days. */
export function planSpan(plan: Plan): Span | undefined {
    return periodSpan(plan.period);
}
