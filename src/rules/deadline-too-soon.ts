import type { Report, Target, Task } from '../language/generated/ast.js';
import { isPlan, isTarget } from '../language/generated/ast.js';
import type { RelatedPlace } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import type { CalendarDate } from '../semantics/dates.js';
import { compareDates, daysBetween, formatDate } from '../semantics/dates.js';
import { ownerOf } from '../semantics/structure.js';
import { targetLabel } from '../semantics/targets.js';
import { deadlineRelation, deadlineWindow, deadlinesOf, isRecurringPoint, planDate, sourceText, statedPlanSpan } from '../semantics/time.js';
import { propertyNode } from '../language/cst-property.js';

interface Options {
    minDays: number;
}

const DEFAULT_MIN_DAYS = 10;

export default defineRule<Options>({
    meta: {
        id: 'deadline-too-soon',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Hạn trước ngày ban hành kế hoạch hoặc quá sát ngày đó / A deadline before the plan\'s date, or too soon after it',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                minDays: {
                    type: 'integer',
                    minimum: 0,
                    default: DEFAULT_MIN_DAYS,
                    description: 'Số ngày tối thiểu từ ngày ban hành kế hoạch đến hạn (hạn sớm hơn bị báo); 0 chỉ báo hạn trước ngày ban hành / The fewest days from the plan\'s date to a deadline (earlier ones are reported); 0 reports only deadlines before the plan\'s date',
                },
            },
        },
        defaultOptions: { minDays: DEFAULT_MIN_DAYS },
        recommended: true,
    },
    create(context) {
        const minDays = Number.isInteger(context.options.minDays) && context.options.minDays >= 0 ? context.options.minDays : DEFAULT_MIN_DAYS;
        return {
            Task: check,
            Report: check,
            Target: check,
        };

        function check(node: Task | Report | Target): void {
            const owner = ownerOf(node);
            const issued = owner ? planDate(owner) : undefined;
            if (!owner || !issued) {
                return;
            }
            const span = statedPlanSpan(owner);
            for (const deadline of deadlinesOf(node)) {
                for (const point of deadline.points) {
                    // A day and month recurs every year: its first date depends on the cycle, not on the plan.
                    if (isRecurringPoint(point)) {
                        continue;
                    }
                    const latest = deadlineWindow(deadlineRelation(deadline), point, { now: issued })?.latest;
                    // Before the stated period, deadline-outside-period and target-due-outside-period say so.
                    if (!latest || (span && compareDates(latest, span.start) < 0)) {
                        continue;
                    }
                    const days = daysBetween(issued, latest);
                    if (days >= minDays && days >= 0) {
                        continue;
                    }
                    const [what, whatEn] = label(node);
                    const written = sourceText(point);
                    const date = formatDate(issued);
                    const [vi, en] = days < 0
                        ? [`trước ngày ban hành kế hoạch (${date}): đã quá hạn ngay khi kế hoạch ra đời`, `before the plan's date (${date}): overdue the day the plan is issued`]
                        : [`chỉ ${days} ngày sau ngày ban hành kế hoạch (${date}), không đủ để nhận văn bản, triển khai và thực hiện (ít nhất ${minDays} ngày)`,
                            `only ${days} day${days === 1 ? '' : 's'} after the plan's date (${date}), too little time to receive the plan, organise and do it (at least ${minDays} days)`];
                    context.report({
                        node,
                        range: point.$cstNode?.range,
                        message: `${what} có hạn "${written}" ${vi}; kiểm tra lại với bản gốc / ${whatEn} is due "${written}", ${en}; check it against the original`,
                        related: dateClause(owner, issued),
                    });
                }
            }
        }
    },
});

function label(node: Task | Report | Target): [string, string] {
    if (isTarget(node)) {
        return [`Chỉ tiêu ${targetLabel(node)}`, `The target ${targetLabel(node)}`];
    }
    const id = node.name ? ` ${node.name}` : '';
    return node.$type === 'Task' ? [`Nhiệm vụ${id}`, `The task${id}`] : [`Báo cáo${id}`, `The report${id}`];
}

/** Where the plan's date is written: its own `ngày`, or the decision it is issued with. */
function dateClause(owner: NonNullable<ReturnType<typeof ownerOf>>, issued: CalendarDate): RelatedPlace[] | undefined {
    const message = `Ngày ban hành kế hoạch (${formatDate(issued)}) / The plan's date (${formatDate(issued)})`;
    const own = propertyNode(owner.$cstNode, 'date');
    if (own) {
        return [{ node: owner, range: own.range, message }];
    }
    const issuing = isPlan(owner) ? owner.issuedWith?.ref : undefined;
    const theirs = issuing ? propertyNode(issuing.$cstNode, 'date') : undefined;
    return issuing && theirs ? [{ node: issuing, range: theirs.range, message }] : undefined;
}
