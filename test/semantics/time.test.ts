import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import type { Recurrence, TimePoint } from '../../src/language/generated/ast.js';
import { convertNumber, dayValue, monthValue, quarterValue } from '../../src/language/planspec-value-converter.js';
import type { CalendarDate } from '../../src/semantics/dates.js';
import { compareDates, daysInMonth, toIso } from '../../src/semantics/dates.js';
import { occurrencesOf, pointExtent } from '../../src/semantics/time.js';

/** A time point as the parser builds it (only the properties the semantic layer reads). */
function point(values: Partial<TimePoint>): TimePoint {
    return { $type: 'TimePoint', endOfYear: false, nextYear: false, now: false, previousYear: false, ...values } as TimePoint;
}

const year = fc.integer({ min: 1900, max: 2100 });
const month = fc.integer({ min: 1, max: 12 });
const date = fc.record({ year, month, day: fc.integer({ min: 1, max: 28 }) });

describe('time points', () => {
    test('a month covers exactly its days, whatever its length', () => {
        fc.assert(fc.property(year, month, (y, m) => {
            const extent = pointExtent(point({ month: `${m}/${y}` }))!;
            expect(extent.start).toEqual({ year: y, month: m, day: 1 });
            expect(extent.end).toEqual({ year: y, month: m, day: daysInMonth(y, m) });
        }));
    });

    test('the four quarters of a year cover it without gap or overlap', () => {
        fc.assert(fc.property(year, y => {
            const quarters = [1, 2, 3, 4].map(q => pointExtent(point({ quarter: `${q}/${y}` }))!);
            expect(quarters[0].start).toEqual({ year: y, month: 1, day: 1 });
            expect(quarters[3].end).toEqual({ year: y, month: 12, day: 31 });
            for (let i = 1; i < 4; i++) {
                const next = new Date(Date.UTC(y, quarters[i - 1].end.month - 1, quarters[i - 1].end.day + 1));
                expect(quarters[i].start).toEqual({ year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() });
            }
        }));
    });

    test('long-form and short-form dates are read alike, in composed and decomposed Unicode', () => {
        fc.assert(fc.property(date, d => {
            const long = `${d.day} tháng ${d.month} năm ${d.year}`;
            expect(dayValue(long)).toBe(`${d.day}/${d.month}/${d.year}`);
            expect(dayValue(long.normalize('NFD'))).toBe(`${d.day}/${d.month}/${d.year}`);
            expect(dayValue(`${d.day} tháng ${d.month}`)).toBe(`${d.day}/${d.month}`);
        }));
        expect(monthValue('12-2025')).toBe('12/2025');
        expect(monthValue('11 năm 2025')).toBe('11/2025');
        expect(quarterValue('IV-2025')).toBe('4/2025');
        expect(quarterValue('iv/2025')).toBe('4/2025');
        expect(quarterValue('II năm 2026')).toBe('2/2026');
        expect(quarterValue('V/2025')).toBe('V/2025'); // not a quarter: kept for invalid-date to report
    });
});

describe('recurring deadlines', () => {
    const span = fc.tuple(date, fc.integer({ min: 0, max: 30 })).map(([start, years]): { start: CalendarDate; end: CalendarDate } => ({
        start, end: { year: start.year + years, month: 12, day: 31 },
    }));

    test('every occurrence of a yearly day and month falls inside the period, once a year, in order', () => {
        fc.assert(fc.property(span, fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 31 }), fc.boolean(), (s, m, d, before) => {
            const occurrences = occurrencesOf(before ? 'before' : 'by', point({ day: `${d}/${m}` }), undefined, s, undefined);
            for (const o of occurrences) {
                expect(compareDates(o.due, s.start)).toBeGreaterThanOrEqual(0);
                expect(compareDates(o.due, s.end)).toBeLessThanOrEqual(0);
            }
            const days = occurrences.map(o => toIso(o.due));
            expect([...days].sort()).toEqual(days);
            expect(new Set(occurrences.map(o => o.at.year)).size).toBe(occurrences.length);
            expect(occurrences.length).toBeLessThanOrEqual(s.end.year - s.start.year + 1);
            expect(occurrences.length).toBeGreaterThanOrEqual(s.end.year - s.start.year - 1);
        }));
    });

    test('"trước ngày 20/7" falls due on the 19th; "hạn 20/7" on the 20th', () => {
        const s = { start: { year: 2020, month: 1, day: 1 }, end: { year: 2021, month: 12, day: 31 } };
        expect(occurrencesOf('before', point({ day: '20/7' }), undefined, s, undefined).map(o => toIso(o.due))).toEqual(['2020-07-19', '2021-07-19']);
        expect(occurrencesOf('by', point({ day: '20/7' }), undefined, s, undefined).map(o => toIso(o.due))).toEqual(['2020-07-20', '2021-07-20']);
    });

    test('a day and month has no occurrence without a period, nor over a period of a century or more', () => {
        expect(occurrencesOf('by', point({ day: '20/7' }), undefined, undefined, undefined)).toEqual([]);
        const huge = { start: { year: 1, month: 1, day: 1 }, end: { year: 9999, month: 12, day: 31 } };
        expect(occurrencesOf('by', point({ day: '20/7' }), undefined, huge, undefined)).toEqual([]);
        const century = { start: { year: 2000, month: 1, day: 1 }, end: { year: 2099, month: 12, day: 31 } };
        expect(occurrencesOf('by', point({ day: '20/7' }), undefined, century, undefined).length).toBe(100);
    });

    test('an interval that is not one (zero, a fraction, absurd) expands to nothing, never loops', () => {
        const span = { start: { year: 2020, month: 1, day: 1 }, end: { year: 2021, month: 12, day: 31 } };
        const rec = (count: number, unit: string) => ({ $type: 'Recurrence', periodic: true, count, unit }) as unknown as Recurrence;
        for (const r of [rec(0, 'tháng'), rec(0, 'năm'), rec(0.5, 'tháng'), rec(1e20, 'tháng'), rec(2, 'tuần')]) {
            expect(occurrencesOf('by', point({ day: '20/7' }), r, span, undefined)).toEqual([]);
        }
        expect(occurrencesOf('by', point({ day: '20/7' }), rec(6, 'tháng'), span, undefined).map(o => toIso(o.due)))
            .toEqual(['2020-01-20', '2020-07-20', '2021-01-20', '2021-07-20']);
    });
});

describe('numbers', () => {
    test('dots between thousands and a decimal comma, as Vietnamese writes numbers', () => {
        fc.assert(fc.property(fc.integer({ min: 0, max: 999_999_999 }), fc.integer({ min: 0, max: 99 }), (n, cents) => {
            const grouped = n.toLocaleString('de-DE'); // 1.234.567: the Vietnamese grouping
            expect(convertNumber(grouped)).toBe(n);
            expect(convertNumber(`${grouped},${String(cents).padStart(2, '0')}`)).toBeCloseTo(n + cents / 100, 6);
        }));
        expect(convertNumber('2,1')).toBe(2.1);
        expect(convertNumber('2.5')).toBe(2.5);
        expect(convertNumber('1.000')).toBe(1000);
        expect(convertNumber('1,2,3')).toBeNaN();
    });
});
