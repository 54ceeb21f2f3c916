/**
 * How names and phrases in Vietnamese prose are compared: in NFC, in lower case, with the tone mark
 * of an open syllable "oa", "oe", "uy" read the same wherever it is placed ("Uỷ ban" and "Ủy ban",
 * "hoà" and "hòa": both placements are in use), and word by word, so that punctuation and blanks
 * between words do not count. Diacritics are otherwise significant: "dan" is not "dân".
 */

/** Tone marks (combining, as in NFD) that Vietnamese places on a vowel. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * The text with the tone of an open "oa", "oe", "uy" on its first vowel ("uỷ" → "ủy", "hoà" →
 * "hòa"), in NFC. Each such pair keeps its length, so offsets into the result are offsets into the
 * NFC text.
 */
export function canonicalTone(text: string): string {
    return text.normalize('NFC').replace(/([oOuU])([\p{L}])(?![\p{L}\p{M}])/gu, (whole, first: string, second: string) => {
        const base = second.normalize('NFD');
        const tone = TONES.exec(base)?.[0];
        const pair = `${first.toLowerCase()}${base.replace(TONES, '').toLowerCase()}`;
        if (!tone || !['oa', 'oe', 'uy'].includes(pair.normalize('NFC'))) {
            return whole;
        }
        const moved = `${first}${tone}`.normalize('NFC') + base.replace(TONES, '').normalize('NFC');
        return moved.length === whole.length ? moved : whole;
    });
}

/** A word of a text: letters and digits, with where it stands in the (NFC) text. */
export interface Word {
    /** Lower case, tone placement canonical: what words are compared by. */
    key: string;
    start: number;
    end: number;
}

const WORD = /[\p{L}\p{N}]+/gu;

/** The words of an NFC text, in order. */
export function wordsOf(text: string): Word[] {
    const canonical = canonicalTone(text).toLowerCase();
    // Lower case keeps the length of Vietnamese text; should it not, offsets would drift: read none.
    if (canonical.length !== text.normalize('NFC').length) {
        return [];
    }
    const words: Word[] = [];
    WORD.lastIndex = 0;
    for (let m = WORD.exec(canonical); m; m = WORD.exec(canonical)) {
        words.push({ key: m[0], start: m.index, end: m.index + m[0].length });
    }
    return words;
}

/** A name as compared: its words' keys joined by one blank ("Uỷ ban nhân dân tỉnh," → "ủy ban nhân dân tỉnh"). */
export function phraseKey(text: string): string {
    return wordsOf(text).map(w => w.key).join(' ');
}
