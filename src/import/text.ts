/**
 * Text as extracted from Word, PDF or the web, made into paragraphs: NFC, one paragraph per entry,
 * lines broken mid-sentence (or mid-word, mid-number, as PDF extraction does) rejoined, page noise
 * dropped (and listed, so the draft can say what was dropped).
 */

import { looksLikeBody } from './agencies.js';

export interface NormalisedText {
    paragraphs: string[];
    /** Lines dropped as page noise (page numbers, download links, repeated running headers). */
    dropped: string[];
}

/** A line that opens a paragraph of its own: a number or bullet, or a clause a plan begins with. */
const START = /^(?:[IVXLC]+\s*[.\-–]\s|[IVXLC]+\s*[.\-–]?$|\d+(?:[.\-]\d+)*\s*[.\-)–](?:\s|$)|[a-zđ]\)|[-+•–*]\s+(?=[\p{Lu}"“(\d])|Điều\s+\d+|Căn cứ|Thực hiện|Theo đề nghị|Nơi nhận|Kính gửi|Số\s*:|QUYẾT ĐỊNH|KẾ HOẠCH|NGHỊ QUYẾT|Phụ lục|PHỤ LỤC|(?:\p{Lu}\p{Ll}+\s?){1,4},\s*ngày\s+\d)/u;
/** A label alone on its line ("2.", "Điều 1.", "a)"): the text that follows belongs to it. */
const LABEL_ONLY = /^(?:[IVXLC]+\.|\d+(?:\.\d+)*\.|[a-zđ]\)|Điều\s+\d+\.?|[-+•–])$/u;
/** A line that ends a sentence (or a clause, a heading's colon). */
const ENDED = /[.;:!?…]["”)]?$|\.\/\.$/u;
const NOISE = [
    /^(?:Trang|Page)\s*\d+(?:\s*(?:\/|of|trên)\s*\d+)?$/iu,
    /^[-–]\s*\d{1,3}\s*[-–]$/u,
    /^Tải (?:Văn bản|văn bản|về)(?![\p{L}\p{M}\p{N}]).*$/u,
];

export function normaliseText(input: string): NormalisedText {
    const lines = input.replace(/^\uFEFF/, '').normalize('NFC').replace(/\r\n?/g, '\n').replace(/\u00A0/g, ' ').split('\n');
    const dropped: string[] = [];
    const kept: Array<{ text: string; indented: boolean; blankBefore: boolean }> = [];
    let blank = true;
    for (const raw of lines) {
        const text = raw.replace(/[\t ]+/g, ' ').trim();
        if (text === '') {
            blank = true;
            continue;
        }
        if (NOISE.some(re => re.test(text))) {
            dropped.push(text);
            continue;
        }
        kept.push({ text, indented: /^[\t ]{2,}/.test(raw), blankBefore: blank });
        blank = false;
    }
    const nonEmpty = kept.length || 1;
    const short = kept.filter(l => l.text.length < 40).length;
    // Text extracted from PDF breaks lines every few words (or letters), most of them mid-sentence:
    // the next line goes on in lower case. Text from Word or the web has one paragraph per line, and
    // may have as many short lines (headings, a letterhead, recipients), each ending its paragraph.
    const midSentence = kept.filter((l, i) => i > 0 && /^\p{Ll}/u.test(l.text) && !ENDED.test(kept[i - 1].text)).length;
    const broken = short / nonEmpty > 0.35 && kept.filter(l => l.blankBefore).length / nonEmpty < 0.2 && midSentence / nonEmpty > 0.1;
    const words = dictionary(kept.map(l => l.text));
    const paragraphs: string[] = [];
    for (const [i, line] of kept.entries()) {
        const last = paragraphs.length - 1;
        const previous = last >= 0 ? paragraphs[last] : undefined;
        if (previous !== undefined && continues(previous, line, broken, kept[i + 1]?.text)) {
            paragraphs[last] = glue(previous, line.text, words);
        } else {
            paragraphs.push(line.text);
        }
    }
    return { paragraphs: paragraphs.map(p => p.replace(/\s+/g, ' ').trim()), dropped };
}

function continues(previous: string, line: { text: string; indented: boolean; blankBefore: boolean }, broken: boolean, next?: string): boolean {
    // Table rows are one line each.
    if (line.text.includes(' | ') || previous.includes(' | ')) {
        return false;
    }
    if (LABEL_ONLY.test(previous.trim())) {
        return true;
    }
    const ended = ENDED.test(previous);
    // A paragraph cut by a page break goes on in lower case.
    if (!ended && (/^\p{Ll}/u.test(line.text) && !/^[a-zđ]\)/u.test(line.text) || /^[\d/]/u.test(line.text) && !START.test(line.text))) {
        return broken || !/^\p{Lu}[\p{Lu}\s,.\-–]+$/u.test(previous);
    }
    if (!broken) {
        return false;
    }
    if (line.indented) {
        return true;
    }
    // "18. Sở Lao động" then "- Thương binh và Xã hội": a dash inside a name, not a bullet (a heading
    // with bullets ends with ":").
    const heading = /^(?:\d+(?:\.\d+)*\.|[IVX]+\.)\s+(.*)$/u.exec(previous);
    if (heading && looksLikeBody(heading[1]) && heading[1].split(' ').length <= 6 && /^[-–]\s+\p{Lu}/u.test(line.text)
        && line.text.split(' ').length <= 6 && !/[.;:,]$/u.test(line.text) && next !== undefined && /^\p{Lu}/u.test(next)) {
        return true;
    }
    if (START.test(line.text)) {
        return false;
    }
    // The national motto, or a body's name in capitals, after a line in ordinary letters ("Số: 172/KH-UBND",
    // then "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" when the header's two columns are read one after the other).
    if (isCapitals(line.text) && line.text.split(' ').length >= 3 && !isCapitals(previous)) {
        return false;
    }
    // A heading in capitals ("III. TỔ CHỨC THỰC HIỆN", "KẾ HOẠCH"), then text in ordinary letters.
    if (isCapitals(previous) && !isCapitals(line.text)) {
        return false;
    }
    if (ended && /^[\p{Lu}"“]/u.test(line.text)) {
        return false;
    }
    return true;
}

/** Syllables every administrative text uses, for texts too short to show them whole. */
const COMMON = (
    'số ngày tháng năm của và các được trong tỉnh huyện xã thành phố quyết định nghị quyết kế hoạch chỉ thị thông tư luật '
    + 'công an sở ban ngành ủy nhân dân hội đồng chủ tịch phó giám đốc thực hiện triển khai tổ chức phối hợp chủ trì báo cáo '
    + 'nhiệm vụ chương trình đề án chính phủ thủ tướng quốc trung ương đảng việc về với theo tại cho những này đã sẽ phải '
    + 'phòng chống tội phạm pháp vi an ninh trật tự xã hội kinh tế tế văn bản giao đề nghị căn cứ điều quy chế hành chính'
).split(' ');

/** Words of the text as printed on lines long enough to hold whole words (not the cut pieces). */
function dictionary(lines: string[]): Set<string> {
    const words = new Set<string>(COMMON);
    for (const line of lines) {
        const tokens = line.toLowerCase().split(/[^\p{L}\p{M}]+/u).filter(t => t !== '');
        // The first and last word of a line may be cut pieces.
        for (const token of tokens.slice(1, -1)) {
            words.add(token);
        }
    }
    return words;
}

const prefixCache = new WeakMap<Set<string>, Set<string>>();
function prefixes(words: Set<string>): Set<string> {
    let set = prefixCache.get(words);
    if (!set) {
        set = new Set<string>();
        for (const w of words) {
            for (let i = 1; i <= w.length; i++) {
                set.add(w.slice(0, i));
            }
        }
        prefixCache.set(words, set);
    }
    return set;
}

/**
 * Joins a line to the text before it: with no blank inside a number cut in two ("10" "73"
 * "/QĐ-UBND") or a word cut in pieces ("s" "ố": a piece that is no word of the text and, joined,
 * begins one), with a blank otherwise.
 */
export function glue(before: string, after: string, words: Set<string>): string {
    const a = before.replace(/\s+$/, '');
    const b = after.replace(/^\s+/, '');
    if (/\d$/.test(a) && /^\d/.test(b) || /\/$/.test(a) || /^\/[\p{L}\d]/u.test(b)
        // A number-symbol cut before its last digits ("96/2019/QH" "14").
        || /\d\/[\p{L}\p{N}\/\-]*\p{L}$/u.test(a) && /^\d/.test(b)) {
        return a + b;
    }
    const w1 = /[\p{L}\p{M}]+$/u.exec(a)?.[0].toLowerCase();
    const w2 = /^[\p{L}\p{M}]+/u.exec(b)?.[0].toLowerCase();
    if (w1 && w2 && (!words.has(w1) || !words.has(w2))) {
        const joined = w1 + w2;
        const rest = b.slice(w2.length);
        // Joined, the piece must make a word of the text (or its beginning, when more pieces follow).
        if (words.has(joined) || (/^[\p{L}\p{M}]*$/u.test(rest) && prefixes(words).has(joined))) {
            return a + b;
        }
    }
    return `${a} ${b}`;
}

/** Whether a paragraph is (mostly) in capitals, as titles and headings are printed. */
export function isCapitals(text: string): boolean {
    const letters = [...text].filter(c => /\p{L}/u.test(c));
    return letters.length >= 2 && letters.filter(c => c === c.toUpperCase()).length / letters.length > 0.8;
}
