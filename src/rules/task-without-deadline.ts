import type { AstNode } from 'langium';
import type { Document, Plan, Task } from '../language/generated/ast.js';
import { isTask } from '../language/generated/ast.js';
import { keywordKey } from '../language/keywords.js';
import type { Fix, RelatedPlace } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import { addToBody } from '../linter/support/fixes.js';
import { kindLabel } from '../semantics/documents.js';
import { PLACEHOLDER_DATE } from '../semantics/placeholders.js';
import { modeOf } from '../semantics/responsibility.js';
import { headerRange, lineOf } from '../semantics/structure.js';
import { hasOwnTiming, timingSource } from '../semantics/time.js';
import { allContents } from '../semantics/contents.js';

interface Options {
    summaryThreshold: number;
}

const DEFAULT_THRESHOLD = 5;
/** Lines quoted in a summary message; the related places list every task. */
const LINES_QUOTED = 10;
/** Related places attached to a summary, so that a plan of a thousand tasks stays readable. */
const RELATED_MAX = 100;

export default defineRule<Options>({
    meta: {
        id: 'task-without-deadline',
        category: 'time',
        defaultSeverity: 'warning',
        description: 'Nhiệm vụ được giao không có thời hạn nào (hạn, thời gian, "thường xuyên", định kỳ), kể cả kế thừa / A directed task with no timing at all (deadline, period, ongoing, recurrence), own or inherited',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                summaryThreshold: {
                    type: 'integer',
                    minimum: 0,
                    default: DEFAULT_THRESHOLD,
                    description: 'Khi kế hoạch có nhiều hơn số này nhiệm vụ không có thời hạn, chỉ báo một lần cho cả kế hoạch (liệt kê các nhiệm vụ) thay vì báo từng nhiệm vụ / When a plan has more tasks with no timing than this, report once for the whole plan (listing them) instead of once per task',
                },
            },
        },
        defaultOptions: { summaryThreshold: DEFAULT_THRESHOLD },
        recommended: true,
    },
    create(context) {
        const threshold = Number.isInteger(context.options.summaryThreshold) && context.options.summaryThreshold >= 0
            ? context.options.summaryThreshold : DEFAULT_THRESHOLD;
        return {
            Plan: check,
            Document: check,
        };

        function check(owner: Plan | Document): void {
            const tasks = allContents(owner).filter(isTask);
            const directed = tasks.filter(t => modeOf(t) === 'directed');
            if (directed.length === 0) {
                return;
            }
            const untimed = directed.filter(t => !timingSource(t));
            const units = reportedTasks(tasks, new Set(untimed));
            if (units.length === 0) {
                return;
            }
            if (units.length > threshold) {
                summarize(owner, units, untimed.length, directed.length);
                return;
            }
            for (const task of units) {
                const id = task.name ? ` ${task.name}` : '';
                context.report({
                    node: task,
                    range: headerRange(task, 'text'),
                    message: `Nhiệm vụ${id} không có thời hạn (không có hạn, thời gian, "thường xuyên" hay định kỳ, kể cả của nhiệm vụ hoặc giai đoạn chứa nó), nên không ai có thể bị coi là chậm: ghi thời hạn như bản gốc / The task${id} has no timing (no deadline, period, "thường xuyên" (ongoing) or recurrence, nor one from the task or phase it is part of), so nobody can be late: write the timing the original gives`,
                    fixes: () => deadlineFix(task),
                });
            }
        }

        /** One finding for the plan, naming each task, instead of a wall of identical ones. */
        function summarize(owner: Plan | Document, units: Task[], untimed: number, directed: number): void {
            const lines = units.slice(0, LINES_QUOTED).map(lineOf).join(', ') + (units.length > LINES_QUOTED ? ', …' : '');
            const name = owner.name ?? '';
            const label = `${kindLabel(owner)} ${name}`.trim();
            const [vi, en] = untimed === directed
                ? [`không nhiệm vụ nào trong ${directed} nhiệm vụ được giao có thời hạn`, `none of its ${directed} directed tasks has a timing`]
                : [`${untimed} trong ${directed} nhiệm vụ được giao không có thời hạn`, `${untimed} of its ${directed} directed tasks have no timing`];
            const related: RelatedPlace[] = units.slice(0, RELATED_MAX).map(task => ({
                node: task,
                range: headerRange(task, 'text'),
                message: 'Nhiệm vụ không có thời hạn / A task with no timing',
            }));
            context.report({
                node: owner,
                property: 'name',
                message: `${label}: ${vi} (hạn, thời gian, "thường xuyên" hay định kỳ), nên không ai có thể bị coi là chậm; dòng ${lines} / ${name ? `${name}: ` : ''}${en} (a deadline, a period, "thường xuyên" (ongoing) or a recurrence), so nobody can be late; lines ${lines}`,
                related,
            });
        }

        /**
         * The due date is never guessed: a placeholder that unfilled-placeholder reports until the
         * drafter writes the timing the original gives (or "thường xuyên" where it says so).
         */
        function deadlineFix(task: Task): Fix[] | undefined {
            const english = ['task', 'assign'].includes(keywordKey(task.mode));
            const clause = english ? `due ${PLACEHOLDER_DATE}` : `hạn ${PLACEHOLDER_DATE}`;
            const insertion = addToBody(context.document, task, clause, 'end');
            return insertion ? [{ title: `Thêm "${clause}" (cần điền thời hạn) / Add a deadline to fill in`, edits: [insertion] }] : undefined;
        }
    },
});

/**
 * The untimed tasks worth a finding: a task whose sub-tasks say nothing of time either stands for
 * them all (one finding, not one per bullet); a task with some scheduled sub-tasks is not reported
 * itself, its unscheduled sub-tasks are.
 */
function reportedTasks(tasks: Task[], untimed: ReadonlySet<Task>): Task[] {
    const withTimedPart = new Set<Task>();
    for (const task of tasks) {
        if (hasOwnTiming(task)) {
            for (let up: AstNode | undefined = task.$container; up; up = up.$container) {
                if (isTask(up)) {
                    withTimedPart.add(up);
                }
            }
        }
    }
    const reported = new Set<Task>();
    // Tasks come in document order, so an enclosing task is decided before its sub-tasks.
    for (const task of tasks) {
        if (!untimed.has(task) || withTimedPart.has(task)) {
            continue;
        }
        let covered = false;
        for (let up: AstNode | undefined = task.$container; up && !covered; up = up.$container) {
            covered = isTask(up) && reported.has(up);
        }
        if (!covered) {
            reported.add(task);
        }
    }
    return [...reported];
}
