/**
 * Numbering schemes of Vietnamese documents: Roman parts (I, II), Arabic items (1, 2), dotted
 * sub-items (2.1), Vietnamese letters (a, b, c, d, đ, e: no f, j, w, z), and the words before them
 * ("Phần", "Mục", "Điều"). Item labels and section numbers are read with these.
 */

/** Vietnamese enumeration letters (điểm a, b, c, d, đ, e, g, h, i, k, …: no f, j, w, z). */
export const VIETNAMESE_LETTERS = ['a', 'b', 'c', 'd', 'đ', 'e', 'g', 'h', 'i', 'k', 'l', 'm', 'n', 'o', 'p', 'q', 'r', 's', 't', 'u', 'v', 'x', 'y'];
const LATIN_LETTERS = 'abcdefghijklmnopqrstuvwxyz'.split('');

export type SchemeKind = 'roman' | 'roman-lower' | 'arabic' | 'dotted' | 'letter' | 'letter-upper';

/** An item number as written ("II", "3", "2.1", "đ"), read in one scheme. */
export interface ItemNumber {
    /** As written, without surrounding punctuation. */
    label: string;
    kind: SchemeKind;
    /** A word before the number ("Phần", "Mục", "Điều"), lower case; part of the scheme. */
    word: string;
    /** The place in the sequence, 1-based; letters have two (Vietnamese and Latin order). */
    positions: number[];
    /** For dotted numbers, all parts but the last ("2.1" in "2.1.3"). */
    prefix?: string;
    /** The number of parts of a dotted number. */
    depth?: number;
    /** Another reading of an ambiguous label ("I" is Roman one or the letter after H; "i" the letter or Roman one). */
    alt?: ItemNumber;
}

const WORDS = /^(phần|mục|chương|điều|khoản|điểm|tiểu mục|part|chapter|article|section|item)\s+/iu;

export function romanValue(text: string): number | undefined {
    const upper = text.toUpperCase();
    if (!/^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/.test(upper) || upper === '') {
        return undefined;
    }
    const values: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
    let total = 0;
    for (let i = 0; i < upper.length; i++) {
        const v = values[upper[i]];
        const next = values[upper[i + 1]] ?? 0;
        total += v < next ? -v : v;
    }
    return total;
}

export function toRoman(n: number): string {
    const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
    let result = '';
    for (const [value, letters] of table) {
        while (n >= value) {
            result += letters;
            n -= value;
        }
    }
    return result;
}

function letterPositions(letter: string): number[] {
    const lower = letter.toLowerCase();
    const vn = VIETNAMESE_LETTERS.indexOf(lower);
    const latin = LATIN_LETTERS.indexOf(lower);
    return [...new Set([vn, latin].filter(i => i >= 0).map(i => i + 1))];
}

/**
 * Reads a section number ("I", "II.", "3", "2.1", "a)", "đ", "Phần 2", "Điều 5"). Undefined when it is
 * not a number of a known scheme ("Phần thứ nhất", "*").
 */
export function parseItemNumber(written: string): ItemNumber | undefined {
    let text = written.normalize('NFC').trim().replace(/[\s.)\-–:]+$/u, '').replace(/^\(/, '');
    let word = '';
    const w = WORDS.exec(text);
    if (w) {
        word = w[1].toLowerCase();
        text = text.slice(w[0].length).trim();
    }
    if (text === '') {
        return undefined;
    }
    if (/^\d{1,4}$/.test(text)) {
        return { label: text, kind: 'arabic', word, positions: [Number(text)] };
    }
    if (/^\d{1,4}(?:\.\d{1,4})+$/.test(text)) {
        const parts = text.split('.');
        return {
            label: text, kind: 'dotted', word, positions: [Number(parts[parts.length - 1])],
            prefix: parts.slice(0, -1).map(p => String(Number(p))).join('.'), depth: parts.length,
        };
    }
    if (/^[a-zđ]$/u.test(text)) {
        const alt = romanValue(text) !== undefined ? { label: text, kind: 'roman-lower' as const, word, positions: [romanValue(text)!] } : undefined;
        return { label: text, kind: 'letter', word, positions: letterPositions(text), alt };
    }
    const roman = romanValue(text);
    if (/^[IVXLCDM]+$/.test(text) && roman !== undefined && roman <= 100) {
        // C, D, L, M alone are letters in practice (a plan has no 100th part).
        if (text.length === 1 && 'CDLM'.includes(text)) {
            return { label: text, kind: 'letter-upper', word, positions: letterPositions(text) };
        }
        const alt = text.length === 1 ? { label: text, kind: 'letter-upper' as const, word, positions: letterPositions(text) } : undefined;
        return { label: text, kind: 'roman', word, positions: [roman], alt };
    }
    if (/^[ivxlc]{2,}$/.test(text) && roman !== undefined) {
        return { label: text, kind: 'roman-lower', word, positions: [roman] };
    }
    if (/^[A-ZĐ]$/u.test(text)) {
        return { label: text, kind: 'letter-upper', word, positions: letterPositions(text) };
    }
    return undefined;
}

/**
 * An item number written at the start of a text ("6. Nâng cao …", "1- Đảng ủy …", "a) Rà soát …"):
 * the number must be followed by ".", ")", "-", "–" or ":" and a blank. Gives the number and where
 * it stands in the text.
 */
export function leadingItemNumber(text: string): { number: ItemNumber; start: number; end: number } | undefined {
    const m = /^(\s*)((?:\d{1,3}(?:\.\d{1,3})*)|[IVXLC]{1,6}|[a-zđA-Z])\s*[.)\-–:](?=\s)/u.exec(text);
    if (!m) {
        return undefined;
    }
    const number = parseItemNumber(m[2]);
    return number ? { number, start: m[1].length, end: m[1].length + m[2].length } : undefined;
}

/** The label that follows `label` in its scheme ("II" → "III", "d" → "đ", "e" → "g", "2.1" → "2.2"). */
export function nextLabel(n: ItemNumber): string {
    const next = n.positions[0] + 1;
    switch (n.kind) {
        case 'roman': return toRoman(next);
        case 'roman-lower': return toRoman(next).toLowerCase();
        case 'arabic': return String(next);
        case 'dotted': return `${n.prefix}.${next}`;
        case 'letter':
        case 'letter-upper': {
            // Vietnamese order (d → đ, e → g); after a letter it does not use (f), the one after its Latin predecessor.
            const lower = n.label.toLowerCase();
            const at = VIETNAMESE_LETTERS.indexOf(lower);
            const next = at >= 0 ? VIETNAMESE_LETTERS[at + 1] : VIETNAMESE_LETTERS[VIETNAMESE_LETTERS.indexOf(LATIN_LETTERS[LATIN_LETTERS.indexOf(lower) - 1]) + 2];
            const label = next ?? '?';
            return n.kind === 'letter-upper' ? label.toUpperCase() : label;
        }
    }
}
