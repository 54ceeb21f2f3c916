/**
 * Deadlines and timing as printed: "trước ngày 20/7 hằng năm", "trong tháng 11/2025", "Quý IV/2025",
 * "cuối năm 2020", "thường xuyên", "định kỳ 6 tháng", "đột xuất". Clauses of the language, in the
 * order the text gives them; nothing the text does not say.
 */
export function timingsIn(text: string): string[] {
    const clauses: string[] = [];
    const add = (clause: string): void => {
        if (!clauses.includes(clause)) {
            clauses.push(clause);
        }
    };
    for (const m of text.matchAll(/(trước|chậm nhất|hạn|trong)\s+(?:ngày\s+)?(\d{1,2})\s*\/\s*(\d{1,2})(?:\s*\/\s*(\d{4}))?(?![\d/])/giu)) {
        const relation = m[1].toLowerCase() === 'chậm nhất' ? 'chậm nhất' : m[1].toLowerCase();
        add(`${relation} ngày ${Number(m[2])}/${Number(m[3])}${m[4] ? `/${m[4]}` : ''}`);
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

/** "hằng năm", "định kỳ 6 tháng", "định kỳ" alone: at most one recurrence. */
export function recurrenceIn(text: string): string | undefined {
    const periodic = /định kỳ\s+(\d{1,2})\s+(tháng|năm|tuần)/iu.exec(text);
    if (periodic) {
        return `định kỳ ${periodic[1]} ${periodic[2].toLowerCase()}`;
    }
    const every = /(hằng|hàng)\s+(năm|quý|tháng|tuần)/iu.exec(text);
    if (every) {
        return `hằng ${every[2].toLowerCase()}`;
    }
    return undefined;
}

export function onRequestIn(text: string): boolean {
    return /đột xuất/iu.test(text);
}
