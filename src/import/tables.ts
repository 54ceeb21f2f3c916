/**
 * Tables of tasks, as text renders them (one row a line, `cell | cell`): with a header row naming
 * the content and the lead ("Nội dung | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian"), each row
 * is a task. A row whose lead is not a body stays prose with a review comment.
 */
import { foldForSearch } from '../language/fold.js';
import { resolveBodies } from './agencies.js';
import type { KnownBody, Registry } from './registry.js';
import { timingsIn } from './timing.js';

export function isRow(text: string): boolean {
    return text.includes(' | ') || /^\|.*\|$/.test(text);
}

export function cells(row: string): string[] {
    return row.replace(/^\|\s*|\s*\|$/g, '').split(/\s*\|\s*/);
}

export interface Columns {
    number?: number;
    content: number;
    lead: number;
    support?: number;
    time?: number;
}

/** The columns a header row names; undefined when it names no content or no lead. */
export function columnsOf(row: string): Columns | undefined {
    const heads = cells(row).map(c => foldForSearch(c));
    const find = (re: RegExp) => {
        const i = heads.findIndex(h => re.test(h));
        return i >= 0 ? i : undefined;
    };
    const content = find(/noi dung|nhiem vu|cong viec|ten (de an|nhiem vu)/);
    const lead = find(/chu tri/);
    if (content === undefined || lead === undefined) {
        return undefined;
    }
    return { number: find(/^(s?tt|so thu tu)$/), content, lead, support: find(/phoi hop/), time: find(/thoi gian|thoi han|tien do|hoan thanh/) };
}

export interface RowTask {
    label?: string;
    text: string;
    leads: KnownBody[];
    supports: KnownBody[];
    clauses: string[];
    /** Why the row could not be read as a task, if it could not. */
    problem?: string;
}

export function rowTask(row: string, columns: Columns, registry: Registry): RowTask {
    const c = cells(row);
    const text = c[columns.content] ?? '';
    const label = columns.number !== undefined ? c[columns.number] : undefined;
    const leadCell = c[columns.lead] ?? '';
    const leads = leadCell ? resolveBodies(leadCell, registry) : undefined;
    const supportCell = columns.support !== undefined ? c[columns.support] ?? '' : '';
    const supports = supportCell ? resolveBodies(supportCell, registry) : [];
    const timeCell = columns.time !== undefined ? c[columns.time] ?? '' : '';
    const clauses = timeCell ? timingsIn(timeCell.replace(/^(quý|quí)/iu, 'hạn quý')) : [];
    if (/^thường xuyên/iu.test(timeCell.trim()) && !clauses.includes('thường xuyên')) {
        clauses.push('thường xuyên');
    }
    if (/^(quý|quí)\s/iu.test(timeCell.trim()) && clauses.length === 0) {
        clauses.push(...timingsIn(`hạn ${timeCell}`));
    }
    const problems: string[] = [];
    if (!text) {
        problems.push('dòng bảng không có nội dung (a row with no content)');
    }
    if (!leads) {
        problems.push(`không nhận ra cơ quan chủ trì «${leadCell}» (lead not recognised)`);
    }
    if (supports === undefined) {
        problems.push(`không nhận ra cơ quan phối hợp «${supportCell}» (cooperating units not recognised)`);
    }
    return { label, text, leads: leads ?? [], supports: supports ?? [], clauses, problem: problems.length ? problems.join('; ') : undefined };
}
