import { AstUtils } from 'langium';
import type { Target, TimePoint } from '../language/generated/ast.js';
import { isTarget } from '../language/generated/ast.js';
import type { CalendarDate } from '../language/dates.js';
import { compareDates, parseDate } from '../language/dates.js';
import { planSpan } from '../language/time.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { targetLabel } from '../linter/support/targets.js';

export default defineRule({
    meta: {
        id: 'target-due-outside-period',
        category: 'targets',
        defaultSeverity: 'warning',
        description: 'Hạn của chỉ tiêu nằm ngoài thời gian thực hiện kế hoạch / A target is due outside the plan period',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan(plan) {
                if (!plan.period?.start || !plan.period.end) {
                    return;
                }
                const span = planSpan(plan);
                if (!span || compareDates(span.start, span.end) > 0) {
                    return;
                }
                const period = `${show(span.start)}–${show(span.end)}`;
                for (const member of AstUtils.streamAllContents(plan).filter(isTarget)) {
                    const due = member.due;
                    if (!due) {
                        continue;
                    }
                    let outside: boolean;
                    if (due.date) {
                        // A date that does not exist is invalid-date's finding.
                        const date = parseDate(due.date);
                        if (!date) {
                            continue;
                        }
                        // "trước ngày 01/01/2021" (before) is due by 31/12/2020.
                        const last = writtenBefore(member, due) ? dayBefore(date) : date;
                        outside = compareDates(last, span.start) < 0 || compareDates(last, span.end) > 0;
                    } else if (due.year !== undefined && !due.dayMonth) {
                        // "năm 2020" falls in the period when any of the year does; "cuối năm 2020" is
                        // 31/12/2020; "trước năm 2021" (before 2021) is due within 2020.
                        const year = !due.endOfYear && writtenBefore(member, due) ? due.year - 1 : due.year;
                        const last: CalendarDate = { year, month: 12, day: 31 };
                        outside = due.endOfYear
                            ? compareDates(last, span.start) < 0 || compareDates(last, span.end) > 0
                            : year < span.start.year || year > span.end.year;
                    } else {
                        // "20/7" recurs every year: it has no year to fall outside the period.
                        continue;
                    }
                    if (outside) {
                        const written = due.$cstNode?.text.replace(/\s+/g, ' ') ?? '';
                        context.report({
                            node: due,
                            range: due.$cstNode?.range,
                            message: `Hạn ${written} của chỉ tiêu ${targetLabel(member)} nằm ngoài thời gian thực hiện kế hoạch (${period}) / ` +
                                `Target ${targetLabel(member)} is due ${written}, outside the plan period (${period})`,
                        });
                    }
                }
            },
        };
    },
});

/** Whether the due was introduced with "trước" / "before" rather than "hạn" / "due". */
function writtenBefore(target: Target, due: TimePoint): boolean {
    const whole = target.$cstNode;
    const point = due.$cstNode;
    if (!whole || !point) {
        return false;
    }
    const head = whole.text.substring(0, point.offset - whole.offset).normalize('NFC').toLowerCase();
    return /(?:^|\s)(?:trước|before)(?:\s+(?:ngày|on))?\s*$/u.test(head);
}

function dayBefore(date: CalendarDate): CalendarDate {
    const d = new Date(Date.UTC(date.year, date.month - 1, date.day - 1));
    return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function show(date: CalendarDate): string {
    return `${String(date.day).padStart(2, '0')}/${String(date.month).padStart(2, '0')}/${date.year}`;
}
