/**
 * Reporting duties: "Hằng năm báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) trước ngày 20/7":
 * who (the duty's lead, when the text gives one), to whom, through whom, when. A report is written
 * only when the text names to whom it goes; one that names nobody stays prose.
 */
import { bodyAt } from './agencies.js';
import { quote } from './emit.js';
import type { KnownBody, Registry } from './registry.js';
import { onRequestIn, recurrenceIn, timingsIn } from './timing.js';

export interface ReportDuty {
    text: string;
    to: KnownBody[];
    via?: KnownBody;
    clauses: string[];
}

export function reportsIn(text: string, registry: Registry): ReportDuty[] {
    const reports: ReportDuty[] = [];
    for (const sentence of text.split(/(?<=[.;])\s+(?=\p{Lu})|;\s*/u)) {
        const at = sentence.search(/báo cáo/iu);
        if (at < 0) {
            continue;
        }
        const rest = sentence.slice(at);
        const to: KnownBody[] = [];
        for (const m of rest.matchAll(/(?:\s|^)(?:báo cáo|gửi về|gửi|về|lên|cho)\s+/giu)) {
            const body = bodyAt(rest.slice((m.index ?? 0) + m[0].length), registry);
            if (body && !to.includes(body.body)) {
                to.push(body.body);
                break;
            }
        }
        if (to.length === 0) {
            continue;
        }
        let via: KnownBody | undefined;
        const viaAt = /\(?\s*qua\s+/iu.exec(rest);
        if (viaAt) {
            via = bodyAt(rest.slice(viaAt.index + viaAt[0].length), registry)?.body;
        }
        const clauses = timingsIn(rest).filter(c => !/^thường xuyên/.test(c));
        const recurrence = recurrenceIn(sentence);
        if (recurrence) {
            clauses.push(recurrence);
        }
        if (onRequestIn(rest)) {
            clauses.push('hoặc đột xuất');
        }
        reports.push({ text: sentence.trim(), to, via, clauses });
    }
    return reports;
}

export function reportLines(report: ReportDuty, from: KnownBody[], registry: Registry): string[] {
    const lines = [`báo cáo ${quote(report.text)} {`];
    if (from.length > 0) {
        lines.push(`    từ ${from.map(b => registry.ref(b)).join(', ')}`);
    }
    lines.push(`    gửi ${report.to.map(b => registry.ref(b)).join(', ')}`);
    if (report.via) {
        lines.push(`    qua ${registry.ref(report.via)}`);
    }
    for (const clause of report.clauses) {
        lines.push(`    ${clause}`);
    }
    lines.push('}');
    return lines;
}
