import type { Report, TimePoint } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { compareDates } from '../semantics/dates.js';
import { deadlineRelation, deadlinesOf, latestDay, pointDate, pointKind, sourceText, yearOf } from '../semantics/time.js';

/**
 * The year in which a recurring report's day/month points are read when nothing in the report names
 * a year. A leap year, so that "29/2" resolves; any year gives the same order of days otherwise.
 */
const REFERENCE_YEAR = 2000;

export default defineRule({
    meta: {
        id: 'report-period-invalid',
        category: 'time',
        defaultSeverity: 'error',
        description: 'Kỳ báo cáo rỗng (bắt đầu sau khi kết thúc) hoặc kết thúc sau hạn gửi báo cáo / A report period is empty or ends after the report is due',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Report(report) {
                const period = report.period;
                if (!period?.start || !period.end) {
                    return;
                }
                const year = referenceYear(report);
                const start = pointDate(period.start, 'start', year);
                const end = pointDate(period.end, 'end', year);
                if (!start || !end) {
                    return;
                }
                const startText = sourceText(period.start);
                const endText = sourceText(period.end);
                const id = report.name ? ` ${report.name}` : '';
                if (compareDates(start, end) > 0) {
                    const bothDayMonth = pointKind(period.start) === 'dayMonth' && pointKind(period.end) === 'dayMonth';
                    const hint = bothDayMonth && !period.start.previousYear && !period.end.previousYear
                        ? [`; nếu kỳ bắt đầu từ năm trước, ghi "từ ngày ${startText} năm trước"`, `; if the period starts in the previous year, write "từ ngày ${startText} năm trước"`]
                        : ['', ''];
                    context.report({
                        node: report,
                        range: period.$cstNode?.range,
                        message: `Kỳ báo cáo${id} từ ${startText} đến ${endText} không có ngày nào: ngày bắt đầu sau ngày kết thúc${hint[0]} / The period of report${id} from ${startText} to ${endText} is empty: it starts after it ends${hint[1]}`,
                    });
                    return;
                }
                // The period must be over by the first due date that is written.
                const deadline = deadlinesOf(report)[0];
                const point = deadline?.points[0];
                if (!deadline || !point) {
                    return;
                }
                const latest = latestDay(deadlineRelation(deadline), point, { year });
                const due = latest && deadlineRelation(deadline) === 'before' ? pointDate(point, 'start', year) : latest;
                if (due && compareDates(end, due) > 0) {
                    const dueText = sourceText(point);
                    const recurring = pointKind(point) === 'dayMonth' && pointKind(period.end) === 'dayMonth';
                    const [vi, en] = recurring
                        ? [' (trong cùng một năm; nếu kỳ thuộc năm trước, ghi "năm trước")', ' (within one year; if the period is the previous year\'s, write "năm trước")']
                        : ['', ''];
                    context.report({
                        node: report,
                        range: period.end.$cstNode?.range,
                        message: `Kỳ báo cáo${id} kết thúc ngày ${endText}, sau hạn gửi ${dueText}: báo cáo phải nêu cả những ngày chưa tới${vi} / The period of report${id} ends on ${endText}, after the report is due (${dueText}): it would cover days not yet passed${en}`,
                    });
                }
            },
        };
    },
});

/**
 * The year the report's day/month points are read in: that of its first due date when that names a
 * year, else that of a point of its period that names one, else an arbitrary year (a report that
 * recurs yearly, where only the order of the days matters).
 */
function referenceYear(report: Report): number {
    const points: Array<TimePoint | undefined> = [deadlinesOf(report)[0]?.points[0], report.period?.end, report.period?.start];
    for (const point of points) {
        const year = point ? yearOf(point) : undefined;
        if (year !== undefined && Number.isInteger(year)) {
            return year;
        }
    }
    return REFERENCE_YEAR;
}
