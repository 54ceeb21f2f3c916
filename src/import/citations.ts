/**
 * Cited documents: "Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ về …",
 * "Luật Tổ chức chính quyền địa phương ngày 19/6/2015", number-symbols in prose. Kinds are the
 * language's (src/language/keywords.ts); a number is resolved by number-symbol against the registry.
 */
import { documentKind, DOCUMENT_KINDS, documentKindLabel } from '../language/keywords.js';
import { parseNumberSymbol } from '../semantics/documents.js';
import { bodyAt } from './agencies.js';
import type { KnownDocument, Registry } from './registry.js';

export interface CitedDocument {
    kind: string;
    number?: string;
    /** d/m/yyyy. */
    date?: string;
    year?: string;
    summary?: string;
    issuerRef?: string;
    /** Where in the text it starts and ends. */
    start: number;
    end: number;
}

// Longest labels first, so "Nghị quyết liên tịch" is not read as "Nghị quyết".
const KIND_LABELS = DOCUMENT_KINDS.map(k => documentKindLabel[k]).sort((a, b) => b.length - a.length);
const KIND_RE = KIND_LABELS.map(l => l.replace(/ /g, '\\s+')).join('|');
const NUMBER_RE = '\\d+\\s*[/\\-]\\s*[\\p{L}\\p{N}]+(?:\\s*[/\\-]\\s*[\\p{L}\\p{N}]+)*';
const DATE_RE = '(\\d{1,2})\\s*[/\\-.]\\s*(\\d{1,2})\\s*[/\\-.]\\s*(\\d{4})|(\\d{1,2})\\s+tháng\\s+(\\d{1,2})\\s+năm\\s+(\\d{4})';
const CITE = new RegExp(`(?<kind>${KIND_RE})(?:\\s+số\\s*:?|\\s+số)?\\s*(?<number>${NUMBER_RE})?(?:\\s*,?\\s*ngày\\s+(?:${DATE_RE}))?`, 'giu');

function dateOf(m: RegExpExecArray, offset: number): string | undefined {
    const [d, mo, y] = m[offset] ? [m[offset], m[offset + 1], m[offset + 2]] : m[offset + 3] ? [m[offset + 3], m[offset + 4], m[offset + 5]] : [];
    return d ? `${Number(d)}/${Number(mo)}/${y}` : undefined;
}

/** A law known by its name and date or year: "Luật Tổ chức chính quyền địa phương ngày 19/6/2015", "Luật Thi hành án hình sự năm 2019". */
const NAMED = new RegExp(`(?<name>(?:Bộ luật|Luật|Pháp lệnh|Hiến pháp)\\s+\\p{Lu}[^;:()“”"]{2,120}?)\\s*,?\\s+(?:ngày\\s+(?:${DATE_RE})|năm\\s+(?<year>\\d{4}))`, 'gu');

/** Every document named with a number-symbol or a date in `text`. */
export function citationsIn(text: string, registry: Registry): CitedDocument[] {
    const found: CitedDocument[] = [];
    CITE.lastIndex = 0;
    for (let m = CITE.exec(text); m; m = CITE.exec(text)) {
        const kindText = m.groups?.kind ?? '';
        // Only a kind printed with a capital (a title) or after "số" names a document.
        if (!/^\p{Lu}/u.test(kindText)) {
            continue;
        }
        const kind = documentKind(kindText.replace(/\s+/g, ' '));
        const number = m.groups?.number?.replace(/\s+/g, '');
        const date = dateOf(m, 3);
        if (!kind || (!number && !date)) {
            continue;
        }
        if (number && parseNumberSymbol(number).form === 'unreadable') {
            continue;
        }
        const cited: CitedDocument = { kind: kindText.toLowerCase().replace(/\s+/g, ' '), number, date, start: m.index, end: m.index + m[0].length };
        const after = text.slice(cited.end);
        const issuer = /^\s*của\s+/u.exec(after);
        if (issuer) {
            const body = bodyAt(after.slice(issuer[0].length), registry);
            if (body) {
                cited.issuerRef = registry.ref(body.body);
            }
        }
        if (!number) {
            // Known by its name and date ("Luật Tổ chức chính quyền địa phương ngày 19/6/2015").
            cited.summary = text.slice(m.index, m.index + kindText.length) + (/^[^,;.]*?(?=\s*,?\s*ngày)/u.exec(text.slice(m.index + kindText.length))?.[0] ?? '');
        }
        found.push(cited);
    }
    NAMED.lastIndex = 0;
    for (let m = NAMED.exec(text); m; m = NAMED.exec(text)) {
        const start = m.index;
        if (found.some(c => c.start <= start && start < c.end)) {
            continue;
        }
        const name = m.groups!.name.trim();
        const kind = documentKind(/^(Bộ luật|Luật|Pháp lệnh|Hiến pháp)/u.exec(name)![1].toLowerCase()) ? /^(Bộ luật|Luật|Pháp lệnh|Hiến pháp)/u.exec(name)![1].toLowerCase() : 'luật';
        found.push({ kind, date: dateOf(m, 2), year: m.groups?.year, summary: name, start, end: start + m[0].length });
    }
    return found.sort((a, b) => a.start - b.start);
}

/** The clause a "Căn cứ"/"Thực hiện" paragraph gives as the document's summary ("về …"). */
export function summaryAfter(text: string, cited: CitedDocument): string | undefined {
    const rest = text.slice(cited.end);
    const m = /^[^;]*?\s(về|phê duyệt|quy định|ban hành|hướng dẫn)\s+([^;]+?)\s*[;.]?$/u.exec(rest.split(/;\s*(?=Căn cứ|Thực hiện|Nghị|Quyết|Chỉ|Kế|Luật)/u)[0]);
    // The summary ends where the sentence goes on with its own subject (", Ủy ban nhân dân tỉnh ban hành …").
    return m ? `${m[1]} ${m[2]}`.split(/,\s+(?=\p{Lu})/u)[0].replace(/[,;.:]+$/u, '').trim() : undefined;
}

/** The registry's declaration of `cited`, or a new one in the additions. */
export function documentFor(cited: CitedDocument, registry: Registry, summary?: string): KnownDocument {
    const known = cited.number ? registry.documentByNumber(cited.number)
        : cited.summary ? registry.documentByName(cited.summary, cited.date ?? cited.year) : undefined;
    if (known) {
        return known;
    }
    return registry.addDocument({
        kind: cited.kind, number: cited.number, date: cited.date, year: cited.year,
        issuer: cited.issuerRef, summary: summary ?? cited.summary,
    });
}
