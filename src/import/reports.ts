/**
 * Reporting duties: "Hằng năm báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) trước ngày 20/7":
 * who (the duty's lead, when the text gives one), to whom, through whom, when. A report is written
 * only when the text names to whom it goes, or says it is made "theo quy định" (its recipient then
 * left unstated); any other that names nobody stays prose.
 */
import { bodiesAt, bodyAt } from './agencies.js';
import { quote } from './emit.js';
import type { KnownBody, Registry } from './registry.js';
import { onRequestIn, recurrenceIn, timingsIn } from './timing.js';

export interface ReportDuty {
    text: string;
    to: KnownBody[];
    via?: KnownBody;
    clauses: string[];
    /** Who reports, when the text says (the recipient of the report it compiles). */
    from?: KnownBody[];
}

/** Verbs of a decision asked of the body a matter is put to ("báo cáo UBND tỉnh xem xét, quyết định"). */
const DECIDE = /^\s*(?:xem xét|quyết định|phê duyệt|ưu tiên|bố trí|cho ý kiến|cho chủ trương)(?![\p{L}\p{M}])/iu;

export function reportsIn(text: string, registry: Registry): ReportDuty[] {
    const reports: ReportDuty[] = [];
    for (const sentence of text.split(/(?<=[.;])\s+(?=\p{Lu})|;\s*/u)) {
        // "… báo cáo kết quả về UBND tỉnh (qua Công an tỉnh) để tổng hợp, báo cáo Thủ tướng Chính phủ":
        // two reports, the second from the first one's recipient.
        const starts = [...sentence.matchAll(/báo cáo/giu)].map(m => m.index ?? 0);
        let previous: ReportDuty | undefined;
        starts.forEach((at, i) => {
            const rest = sentence.slice(at, starts[i + 1] ?? sentence.length);
            // "tổng hợp kết quả báo cáo theo quy định", "xây dựng Báo cáo … theo quy định": a report the
            // regulations govern, its recipient unstated (left empty, never guessed); "chế độ (thông tin,)
            // báo cáo theo quy định" is the reporting regime, not one report.
            const byRule = /theo quy định\s*[./]*$/u.test(rest.trim()) && !/(?:chế độ|thông tin|thống kê)[,\s]*$/iu.test(sentence.slice(0, at))
                && /(?:tổng hợp|xây dựng|lập)(?:\s+\S+){0,2}\s*$|(?:định kỳ|hằng năm|hàng năm)/iu.test(sentence.slice(0, at));
            const to = recipientIn(rest, registry) ?? (byRule ? [] : undefined);
            if (!to) {
                return;
            }
            // "báo cáo UBND tỉnh xem xét, quyết định": a matter put to a body for decision, not a report duty.
            const put = rest.replace(/^báo cáo\s+(?:về\s+|lên\s+)?/iu, '');
            const named = bodiesAt(put, registry);
            if (named.bodies.length > 0 && DECIDE.test(put.slice(named.end))) {
                return;
            }
            let via: KnownBody | undefined;
            const viaAt = /\(?\s*qua\s+/iu.exec(rest);
            if (viaAt) {
                via = bodyAt(rest.slice(viaAt.index + viaAt[0].length), registry)?.body;
            }
            const clauses = timingsIn(rest).filter(c => !/^thường xuyên/.test(c));
            const recurrence = recurrenceIn(i === 0 ? sentence.slice(0, starts[1] ?? sentence.length) : rest, 'report');
            if (recurrence) {
                clauses.push(recurrence);
            }
            if (onRequestIn(rest)) {
                clauses.push('hoặc đột xuất');
            }
            const chained = previous && /tổng hợp[,\s]*$/u.test(sentence.slice(0, at)) ? previous.to : undefined;
            const report: ReportDuty = { text: (i === 0 ? sentence.slice(0, starts[1] ?? sentence.length) : rest).trim().replace(/[,;]$/u, ''), to, via, clauses, from: chained };
            reports.push(report);
            // "định kỳ 6 tháng, hằng năm báo cáo …" / "định kỳ 06 tháng, 01 năm": two reports, one per period.
            const head = i === 0 ? sentence.slice(0, starts[1] ?? sentence.length) : rest;
            const periods = /định kỳ\s+(\d{1,2})\s+tháng\s*(?:,|và|hoặc)\s*(?:(?:01|1)\s+năm|hằng năm|hàng năm|năm)(?![\p{L}\p{M}])/iu.exec(head);
            if (periods && recurrence?.startsWith('định kỳ')) {
                reports.push({ ...report, clauses: report.clauses.map(c => c === recurrence ? 'hằng năm' : c) });
            }
            previous = report;
        });
    }
    return reports;
}

/** The bodies a report goes to: named after "báo cáo", "gửi (về)", "về", "lên", "cho", "với" (not "phối hợp với"). */
function recipientIn(rest: string, registry: Registry): KnownBody[] | undefined {
    for (const m of rest.matchAll(/(?<=\s|^)(?:báo cáo(?:\s+kết quả)?|gửi về|gửi|về|lên|cho|(?<!phối hợp\s)với)\s+/giu)) {
        const listed = bodiesAt(rest.slice((m.index ?? 0) + m[0].length), registry);
        if (listed.bodies.length > 0) {
            return listed.bodies;
        }
    }
    return undefined;
}

export function reportLines(report: ReportDuty, from: KnownBody[], registry: Registry): string[] {
    const lines = [`báo cáo ${quote(report.text)} {`];
    from = report.from ?? from;
    if (from.length > 0) {
        lines.push(`    từ ${from.map(b => registry.ref(b)).join(', ')}`);
    }
    if (report.to.length > 0) {
        lines.push(`    gửi ${report.to.map(b => registry.ref(b)).join(', ')}`);
    }
    if (report.via) {
        lines.push(`    qua ${registry.ref(report.via)}`);
    }
    for (const clause of report.clauses) {
        lines.push(`    ${clause}`);
    }
    lines.push('}');
    return lines;
}
