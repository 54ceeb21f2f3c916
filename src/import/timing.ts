/**
 * Deadlines and timing as printed: "trước ngày 20/7 hằng năm", "trong tháng 11/2025", "Quý IV/2025",
 * "cuối năm 2020", "thường xuyên", "định kỳ 6 tháng", "đột xuất". Clauses of the language, in the
 * order the text gives them; nothing the text does not say.
 */
const DAY_SOURCE = String.raw`(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])`;
const DAY = new RegExp(DAY_SOURCE, 'gu');
const DAY_UNCAPTURED = DAY_SOURCE.replace(/\((?!\?)/g, '(?:');
const DEADLINE_DAYS = new RegExp(String.raw`(trước|chậm nhất|hạn|trong)\s+(?:ngày\s+)?(${DAY_UNCAPTURED}(?:\s+và\s+(?:ngày\s+)?${DAY_UNCAPTURED})*)`, 'giu');

export function timingsIn(text: string): string[] {
    const clauses: string[] = [];
    const add = (clause: string): void => {
        if (!clauses.includes(clause)) {
            clauses.push(clause);
        }
    };
    // "trước ngày 15/6 và 15/12": every day the text gives, not only the first.
    for (const m of text.matchAll(DEADLINE_DAYS)) {
        const points = [...m[2].matchAll(DAY)].map(p => `${Number(p[1])}/${Number(p[2])}${p[3] ? `/${p[3]}` : ''}`);
        add(`${m[1].toLowerCase()} ngày ${points.join(' và ')}`);
    }
    for (const m of text.matchAll(/(trước|trong|chậm nhất)?\s*tháng\s+(\d{1,2})\s*[/\-]\s*(\d{4})/giu)) {
        add(`${m[1] ? m[1].toLowerCase() : 'trong'} tháng ${Number(m[2])}/${m[3]}`);
    }
    for (const m of text.matchAll(/(trước|trong)?\s*qu[ýí]\s+([IV]{1,3}|[1-4])\s*[/\-]\s*(\d{4})/giu)) {
        add(`${m[1] ? m[1].toLowerCase() : 'hạn'} quý ${m[2]}/${m[3]}`);
    }
    for (const m of text.matchAll(/(cuối|hết)\s+năm\s+(\d{4})/giu)) {
        add(`hạn ${m[1].toLowerCase()} năm ${m[2]}`);
    }
    if (/thường xuyên/iu.test(text) && /(là nhiệm vụ thường xuyên|thực hiện thường xuyên|thường xuyên,? liên tục|Thời gian(?: thực hiện)?:\s*thường xuyên)/iu.test(text)) {
        add('thường xuyên');
    }
    return clauses;
}

/**
 * "hằng năm", "định kỳ 6 tháng", "định kỳ" alone: at most one recurrence, of the duty itself. A
 * "hằng năm" that qualifies a noun ("dự toán ngân sách hằng năm", "kế hoạch đầu tư trung hạn và hằng
 * năm") or sits in a clause about a report (whose period it is) says nothing of the duty's timing.
 */
export function recurrenceIn(text: string, of: 'duty' | 'report' = 'duty'): string | undefined {
    const clauses = text.split(/[;.]\s+|,\s+(?=phục vụ|để)/u);
    for (const clause of clauses) {
        const periodic = /định kỳ\s+(\d{1,2})\s+(tháng|năm|tuần)/iu.exec(clause);
        if (periodic && (of === 'report' || !ofReport(clause.slice(0, periodic.index)))) {
            return `định kỳ ${periodic[1]} ${periodic[2].toLowerCase()}`;
        }
    }
    for (const clause of clauses) {
        for (const every of clause.matchAll(/(hằng|hàng)\s+(năm|quý|tháng|tuần)(?![\p{L}\p{M}])/giu)) {
            const before = clause.slice(0, every.index);
            if (!QUALIFIED.test(before) && (of === 'report' || !ofReport(before))) {
                return `hằng ${every[2].toLowerCase()}`;
            }
        }
    }
    return undefined;
}

/** After "báo cáo …" in its clause, a period is the report's, unless the report puts a matter to a decision ("báo cáo UBND tỉnh ưu tiên …"). */
function ofReport(before: string): boolean {
    const at = before.toLowerCase().lastIndexOf('báo cáo');
    return at >= 0 && !/(?:ưu tiên|xem xét|quyết định|phê duyệt|bố trí|cho ý kiến)/iu.test(before.slice(at));
}

/** Nouns a "hằng năm" may qualify: plans, budgets, estimates ("kế hoạch … hằng năm"). */
const QUALIFIED = /(?:kế hoạch|dự toán|ngân sách|chỉ tiêu|đầu tư|trung hạn|giai đoạn|kinh tế|xã hội|của (?:tỉnh|huyện|xã|địa phương|đơn vị|ngành))(?:[\s,]+(?:và|của|[\p{L}\p{M}]+)){0,3}[\s,]+$/iu;

/**
 * A duty also done when asked: "định kỳ hoặc đột xuất", "đột xuất khi có yêu cầu". "Đột xuất" alone
 * is an adjective ("kiểm tra đột xuất", "không để xảy ra đột xuất, bất ngờ"), not a timing.
 */
export function onRequestIn(text: string): boolean {
    return /(?:hoặc|và|hay)\s+đột xuất|đột xuất\s*(?:,\s*)?(?:khi|theo)\s+(?:có\s+)?(?:yêu cầu|đề nghị)/iu.test(text);
}
