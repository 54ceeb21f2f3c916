/**
 * Words the editor features share: how a body, a task, a date and a window of days are named in
 * hovers, code lenses and inlay hints (Vietnamese first, then English). Meaning comes from
 * src/semantics; this only phrases it. Everything tolerates half-typed nodes (missing names and
 * texts, unresolved references).
 */
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { AstUtils } from 'langium';
import type { Party, Plan, Task } from '../language/generated/ast.js';
import { isModel, isPlan } from '../language/generated/ast.js';
import type { CalendarDate } from '../semantics/dates.js';
import { compareDates, formatDate, toIso } from '../semantics/dates.js';
import { itemPath } from '../semantics/structure.js';
import type { Occurrence, Span, Window } from '../semantics/time.js';
import type { IdeServices } from './services.js';

/** Markdown-escapes free text (names and texts as printed) so it shows as written. */
export function md(text: string): string {
    return text.replace(/([\\`*_[\]<>#|])/g, '\\$1');
}

/** Text as an inline code span (written clauses: "trước ngày 20/7"). */
export function code(text: string): string {
    return `\`${text.replace(/`/g, "'")}\``;
}

/** Text cut to `max` characters with an ellipsis. */
export function shorten(text: string, max: number): string {
    const t = text.normalize('NFC').replace(/\s+/g, ' ').trim();
    return t.length > max ? `${t.slice(0, max - 1).trimEnd()}…` : t;
}

/** "**Công an tỉnh Cà Mau** (`CA_TINH`)". */
export function partyLabel(party: Party): string {
    const name = party.officialName ?? '';
    return party.name ? `${md(name)} (\`${party.name}\`)` : md(name);
}

/** The short name a reviewer reads in a hint: the first alias, else the official name. */
export function shortName(party: Party): string {
    return party.aliases?.[0] ?? party.officialName ?? party.name ?? '';
}

/** A reference as a label; an unresolved one says so instead of guessing. */
export function refLabel(ref: Reference<Party>): string {
    return ref.ref ? partyLabel(ref.ref) : `\`${ref.$refText}\` (chưa khai báo / not declared)`;
}

export function refsLabel(refs: ReadonlyArray<Reference<Party>>): string {
    return refs.map(refLabel).join(', ');
}

/** A task as listed: its id, else its item path and the start of its text. */
export function taskLabel(task: Task): string {
    if (task.name) {
        return `\`${task.name}\``;
    }
    const path = itemPath(task);
    const text = md(shorten(task.text ?? '', 40));
    return path.length > 0 ? `${path.join('.')} "${text}"` : `"${text}"`;
}

const WEEKDAYS_VI = ['Chủ nhật', 'Thứ Hai', 'Thứ Ba', 'Thứ Tư', 'Thứ Năm', 'Thứ Sáu', 'Thứ Bảy'];
const WEEKDAYS_EN = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function weekday(date: CalendarDate): { vi: string; en: string } {
    const day = new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
    return { vi: WEEKDAYS_VI[day], en: WEEKDAYS_EN[day] };
}

/** "16/6/2020 (Thứ Ba / Tuesday)". */
export function dateWithWeekday(date: CalendarDate): string {
    const w = weekday(date);
    return `${formatDate(date)} (${w.vi} / ${w.en})`;
}

/** A window of days in both languages: "từ 1/10/2025 đến 31/12/2025 / from 2025-10-01 to 2025-12-31". */
export function windowText(window: Window): string | undefined {
    const { earliest, latest } = window;
    if (earliest && latest) {
        return compareDates(earliest, latest) === 0
            ? `ngày ${formatDate(latest)} / on ${toIso(latest)}`
            : `từ ${formatDate(earliest)} đến ${formatDate(latest)} / from ${toIso(earliest)} to ${toIso(latest)}`;
    }
    if (latest) {
        return `chậm nhất ${formatDate(latest)} / by ${toIso(latest)} at the latest`;
    }
    if (earliest) {
        return `từ ${formatDate(earliest)} / from ${toIso(earliest)}`;
    }
    return undefined;
}

export function spanText(span: Span): string {
    return windowText({ earliest: span.start, latest: span.end }) ?? '';
}

/** Due dates as a short list: all of a few, else the first ones, the count and the last. */
export function occurrencesText(occurrences: readonly Occurrence[], max = 4): string {
    if (occurrences.length <= max) {
        return occurrences.map(o => formatDate(o.due)).join(', ');
    }
    const first = occurrences.slice(0, max - 1).map(o => formatDate(o.due)).join(', ');
    const last = occurrences[occurrences.length - 1];
    return `${first}, … ${formatDate(last.due)} (${occurrences.length} lần / times)`;
}

/**
 * The plans a body's role is counted in: the plan holding the node; else the plans of its file;
 * else (a registry) every plan of its workspace (`workspace`: list only those the body has a part in).
 */
export function plansAround(services: IdeServices, document: LangiumDocument, node: AstNode | undefined): { plans: Plan[]; workspace: boolean } {
    const own = node ? AstUtils.getContainerOfType(node, isPlan) : undefined;
    if (own) {
        return { plans: [own], workspace: false };
    }
    const model = document.parseResult?.value;
    const inFile = isModel(model) ? model.elements.filter(isPlan) : [];
    if (inFile.length > 0) {
        return { plans: inFile, workspace: false };
    }
    const roots = services.workspace.Roots;
    const root = roots.rootOf(document.uri);
    const result: Plan[] = [];
    for (const doc of services.shared.workspace.LangiumDocuments.all) {
        const other = doc.parseResult?.value;
        if (isModel(other) && roots.rootOf(doc.uri) === root) {
            result.push(...other.elements.filter(isPlan));
        }
    }
    return { plans: result, workspace: true };
}
