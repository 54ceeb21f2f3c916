/**
 * Dates as Vietnamese documents write them: "24/10/2017", "05/9/2016", Party style "22-6-2015",
 * and ISO "2017-10-24"; "20/7" is a day and month that recurs every year.
 */

export interface CalendarDate {
    year: number;
    month: number;
    day: number;
}

export interface DayMonth {
    month: number;
    day: number;
}

/**
 * Splits a DATE token into its parts without checking that the date exists: ISO "2017-10-24", or
 * day, month, year as /^(\d{1,2})[/\-.](\d{1,2})[/\-.](\d{4})$/ reads them. Read by hand, not by
 * regular expressions (a match list each): the rules ask it of every date of every plan, many times.
 */
export function parseDateParts(text: string): CalendarDate | undefined {
    if (text.length === 10 && text[4] === '-' && text[7] === '-') {
        const year = digitsValue(text, 0, 4);
        const month = digitsValue(text, 5, 7);
        const day = digitsValue(text, 8, 10);
        if (year >= 0 && month >= 0 && day >= 0) {
            return { year, month, day };
        }
    }
    // A separator after one or two digits, twice (a digit is not a separator, so where is certain).
    const first = isDateSeparator(text, 1) ? 1 : isDateSeparator(text, 2) ? 2 : -1;
    const second = first < 0 ? -1 : isDateSeparator(text, first + 2) ? first + 2 : isDateSeparator(text, first + 3) ? first + 3 : -1;
    if (second < 0 || text.length !== second + 5) {
        return undefined;
    }
    const day = digitsValue(text, 0, first);
    const month = digitsValue(text, first + 1, second);
    const year = digitsValue(text, second + 1, text.length);
    return day >= 0 && month >= 0 && year >= 0 ? { year, month, day } : undefined;
}

function isDateSeparator(text: string, i: number): boolean {
    const c = text[i];
    return c === '/' || c === '-' || c === '.';
}

/** The number the ASCII digits text[start, end) write, or -1 when one of them is not a digit. */
function digitsValue(text: string, start: number, end: number): number {
    let value = 0;
    for (let i = start; i < end; i++) {
        const digit = text.charCodeAt(i) - 48;
        if (digit < 0 || digit > 9) {
            return -1;
        }
        value = value * 10 + digit;
    }
    return value;
}

export function parseDayMonthParts(text: string): DayMonth | undefined {
    const m = /^(\d{1,2})\/(\d{1,2})$/.exec(text);
    return m ? { day: Number(m[1]), month: Number(m[2]) } : undefined;
}

export function isLeapYear(year: number): boolean {
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(year: number, month: number): number {
    return month === 2 && isLeapYear(year) ? 29 : DAYS_IN_MONTH[month - 1];
}

/** Why the date does not exist, or undefined when it does. Day/month without a year allows 29/2. */
export function dateProblem(date: { year?: number; month: number; day: number }): string | undefined {
    if (date.month < 1 || date.month > 12) {
        return `tháng ${date.month} không tồn tại (month ${date.month} does not exist)`;
    }
    const max = date.year === undefined ? daysInMonth(2000, date.month) : daysInMonth(date.year, date.month);
    if (date.day < 1 || date.day > max) {
        const which = date.year === undefined ? `tháng ${date.month}` : `tháng ${date.month}/${date.year}`;
        return `${which} không có ngày ${date.day} (there is no day ${date.day} in that month)`;
    }
    return undefined;
}

export function parseDate(text: string): CalendarDate | undefined {
    const parts = parseDateParts(text);
    return parts && !dateProblem(parts) ? parts : undefined;
}

export function toIso(date: CalendarDate): string {
    return `${String(date.year).padStart(4, '0')}-${pad(date.month)}-${pad(date.day)}`;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
    return (a.year - b.year) || (a.month - b.month) || (a.day - b.day);
}

function pad(n: number): string {
    return String(n).padStart(2, '0');
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

export function lastDayOfMonth(year: number, month: number): CalendarDate {
    return { year, month, day: daysInMonth(year, month) };
}

/** "16/6/2020", as Vietnamese running text writes a date. */
export function formatDate(date: CalendarDate): string {
    return `${date.day}/${date.month}/${date.year}`;
}

/** Days from `a` to `b` (negative when `b` is earlier). */
export function daysBetween(a: CalendarDate, b: CalendarDate): number {
    return Math.round((utcTime(b) - utcTime(a)) / 86_400_000);
}

function utcTime(date: CalendarDate): number {
    // Not Date.UTC: it reads years 0–99 as 1900–1999.
    const at = new Date(0);
    at.setUTCFullYear(date.year, date.month - 1, date.day);
    return at.getTime();
}
