/**
 * Code lenses, above the lines a reviewer checks: on a task that does not name its lead or
 * cooperating units itself, those it inherits and where from; on a recurring duty or report, its
 * next concrete due dates within the plan period (or why it has none: the plan states no period,
 * the original states no due date). Meaning from src/semantics; nothing the plan does not state.
 */
import type { LangiumDocument, MaybePromise, Reference } from 'langium';
import { AstUtils } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams, Range } from 'vscode-languageserver';
import type { Party, Report, Task } from '../language/generated/ast.js';
import { isModel, isReport, isSection, isTask } from '../language/generated/ast.js';
import type { CalendarDate } from '../semantics/dates.js';
import { compareDates, formatDate } from '../semantics/dates.js';
import { effectiveSupports, leadSource, leadUnstated } from '../semantics/responsibility.js';
import { headerRange, labelOf } from '../semantics/structure.js';
import { shortName, weekday } from './describe.js';
import type { IdeServices } from './services.js';
import { isRecurring, recurringDue } from './timing-words.js';

/** Today, in local time: what "next" due date means. */
export function today(): CalendarDate {
    const d = new Date();
    return { year: d.getFullYear(), month: d.getMonth() + 1, day: d.getDate() };
}

export class PlanspecCodeLensProvider implements CodeLensProvider {
    constructor(_services: IdeServices, protected readonly now: () => CalendarDate = today) { }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): MaybePromise<CodeLens[]> {
        const model = document.parseResult?.value;
        if (!isModel(model)) {
            return [];
        }
        const lenses: CodeLens[] = [];
        const add = (range: Range | undefined, title: string | undefined) => {
            if (range && title) {
                // A lens that only informs: an empty command is shown as text and does nothing.
                lenses.push({ range: { start: range.start, end: range.start }, command: { title, command: '' } });
            }
        };
        for (const node of AstUtils.streamAllContents(model)) {
            if (isTask(node)) {
                add(headerRange(node, 'text'), inheritedTitle(node));
                if (isRecurring(node)) {
                    add(headerRange(node, 'text'), this.dueTitle(node));
                }
            } else if (isReport(node) && isRecurring(node)) {
                add(headerRange(node, 'title'), this.dueTitle(node));
            }
        }
        return lenses;
    }

    /** The next due dates from today, or all of them when the period is over. */
    protected dueTitle(node: Task | Report): string {
        const due = recurringDue(node);
        if (due.occurrences.length === 0) {
            return `Không có ngày đến hạn cụ thể / No concrete due dates: ${due.none ?? ''}`.trim();
        }
        const today = this.now();
        const upcoming = due.occurrences.filter(o => compareDates(o.due, today) >= 0);
        if (upcoming.length === 0) {
            const all = due.occurrences.map(o => formatDate(o.due));
            const shown = all.length > 4 ? `${all.slice(0, 3).join(', ')}, … ${all[all.length - 1]}` : all.join(', ');
            return `Đã qua mọi hạn / All due dates past (${due.occurrences.length}): ${shown}`;
        }
        const next = upcoming[0].due;
        const w = weekday(next);
        const then = upcoming.slice(1, 3).map(o => formatDate(o.due));
        const more = upcoming.length > 3 ? `, … (${upcoming.length} lần / times)` : '';
        return `Hạn tiếp theo / Next due: ${formatDate(next)} (${w.vi} / ${w.en})${then.length > 0 ? `; sau đó / then: ${then.join(', ')}${more}` : ''}`;
    }
}

/** Lead and cooperating units the task inherits (not written on the task itself), and where from. */
export function inheritedTitle(task: Task): string | undefined {
    const parts: string[] = [];
    const source = leadSource(task);
    if (task.leads.length === 0 && source && source.node !== task && source.refs.length > 0) {
        const from = isSection(source.node)
            ? `từ phần ${sectionName(source.node)} / from the heading`
            : `từ nhiệm vụ ${taskName(source.node)} / from the enclosing task`;
        parts.push(`Chủ trì / Lead: ${names(source.refs)} (${from})`);
    } else if (leadUnstated(task) && !task.leadUnstated) {
        parts.push('Chủ trì: không nêu, theo nhiệm vụ cha / Lead: not stated, as in the enclosing task');
    }
    const own = new Set<unknown>([...task.supports, ...task.addressees].map(r => r.ref ?? r.$refText));
    const inherited = effectiveSupports(task).filter(r => !own.has(r.ref ?? r.$refText));
    if (inherited.length > 0) {
        const addressee = task.cooperatesWith.length > 0 && task.leads.length === 0;
        const how = addressee ? 'cơ quan được giao / the addressee' : 'kế thừa / inherited';
        parts.push(`Phối hợp / Support: ${names(inherited)} (${how})`);
    }
    return parts.length > 0 ? parts.join(' · ') : undefined;
}

function names(refs: ReadonlyArray<Reference<Party>>): string {
    return refs.map(r => (r.ref ? shortName(r.ref) : `${r.$refText}?`)).join(', ');
}

function sectionName(section: { number?: string; heading?: string; label?: string }): string {
    const number = section.number ?? (section.label ? section.label.replace(/^\[|\]$/g, '') : undefined);
    return number ? `"${number}"` : `"${(section.heading ?? '').slice(0, 40)}"`;
}

function taskName(task: Task): string {
    return task.name ?? (labelOf(task) ? `[${labelOf(task)}]` : `"${(task.text ?? '').slice(0, 30)}…"`);
}
