/**
 * Shared helpers for the rules of category 'drafting' (duplicate-text, section-numbering): text
 * normalized for comparison. Ranges inside string literals: ../../language/string-map.ts; numbering
 * schemes: ../../semantics/numbering.ts.
 */
import type { AstNode } from 'langium';
import { characterClass, widthAt } from '../../language/characters.js';
import { grown } from '../../language/typed-arrays.js';

const SEPARATOR = /^[\p{P}\p{S}\s]$/u;

/** The width of a punctuation mark, symbol or blank at i, else 0. */
export const separatorAt = characterClass(SEPARATOR);

/** Text for comparison: NFC, lower case, punctuation, symbols and blanks collapsed to one space. */
export function normalizeText(text: string): string {
    const lower = text.normalize('NFC').toLowerCase();
    const runs: string[] = [];
    let start = -1;
    for (let i = 0; i < lower.length;) {
        const separator = separatorAt(lower, i);
        if (separator > 0) {
            if (start >= 0) {
                runs.push(lower.slice(start, i));
                start = -1;
            }
            i += separator;
        } else {
            if (start < 0) {
                start = i;
            }
            i += widthAt(lower, i);
        }
    }
    if (start === 0) {
        return lower;
    }
    if (start > 0) {
        runs.push(lower.slice(start));
    }
    return runs.join(' ');
}

/** An enumeration marker at the start of a text ("1. ", "2- ", "a) ", "IV. ", "- "), which is not content. */
const LEADING_MARKER = /^\s*(?:(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])\s*[.)\-–:]|[-–•+*])\s+/u;

/** The length of the enumeration marker (and the blanks after it) that a text starts with, 0 when none. */
export function leadingMarkerLength(text: string): number {
    return LEADING_MARKER.exec(text)?.[0].length ?? 0;
}

/**
 * Text for comparison, without its leading item number or bullet. duplicate-text reads the same
 * from `wordsOf` (the words after `leadingMarkerLength`, joined by a blank) without making it.
 */
export function comparableText(text: string): string {
    return normalizeText(text.replace(LEADING_MARKER, ''));
}

/**
 * What `wordsOf` reads of a text: where each word stands, its length and its number. The arrays are
 * overwritten by the next `wordsOf`: a caller that keeps the numbers copies them.
 */
export interface TextWords {
    count: number;
    starts: Int32Array;
    ends: Int32Array;
    /** The length of each word in lower case. */
    lengths: Int32Array;
    id: Int32Array;
    ids: WordNumbers;
    /** Whether the words were read in lower case (unless a letter's lower case has another length). */
    caseless: boolean;
}

/**
 * Numbers for words, the same number for the same word (in lower case). A word is looked up by
 * where it stands in a text, through a hash of its characters, so no string is made for a word
 * already numbered: a check of a thousand plans made one for each of their millions of words. The
 * words' characters are kept end to end in one array, compared there unit by unit (faster than
 * reading a string of either representation, one-byte or two-byte).
 */
export class WordNumbers {
    private count = 0;
    private characters = new Uint16Array(4096);
    /** Word n is characters[starts[n], starts[n + 1]). */
    private starts = new Int32Array(1025);
    private hashes = new Int32Array(1024);
    private slots = new Int32Array(1024).fill(-1);

    get size(): number {
        return this.count;
    }

    /** The number of a word, or undefined when it has none yet. */
    get(word: string): number | undefined {
        const found = this.find(word, 0, word.length, hashOf(word, 0, word.length));
        return found >= 0 ? found : undefined;
    }

    /** The number of the word text[start, end), which is in lower case; numbered now if new. */
    numberOf(text: string, start: number, end: number): number {
        return this.numberOfHashed(text, start, end, hashOf(text, start, end));
    }

    /** `numberOf`, given the word's `hashOf` (which `wordsOf` reads with the word's characters). */
    numberOfHashed(text: string, start: number, end: number, hash: number): number {
        const found = this.find(text, start, end, hash);
        if (found >= 0) {
            return found;
        }
        if (2 * (this.count + 1) > this.slots.length) {
            this.grow();
        }
        const number = this.count++;
        this.keep(number, text, start, end);
        this.place(number, hash);
        return number;
    }

    private find(text: string, start: number, end: number, hash: number): number {
        const mask = this.slots.length - 1;
        for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
            const number = this.slots[slot];
            if (number < 0) {
                return -1;
            }
            if (this.hashes[number] === hash && this.sameCharacters(number, text, start, end)) {
                return number;
            }
        }
    }

    private sameCharacters(number: number, text: string, start: number, end: number): boolean {
        const from = this.starts[number];
        if (this.starts[number + 1] - from !== end - start) {
            return false;
        }
        const characters = this.characters;
        for (let k = 0; k < end - start; k++) {
            if (characters[from + k] !== text.charCodeAt(start + k)) {
                return false;
            }
        }
        return true;
    }

    /** Word `number`'s characters after the last word's. */
    private keep(number: number, text: string, start: number, end: number): void {
        if (number + 1 >= this.starts.length) {
            this.starts = grown(this.starts);
        }
        const from = this.starts[number];
        const to = from + end - start;
        if (to > this.characters.length) {
            const characters = new Uint16Array(Math.max(to, 2 * this.characters.length));
            characters.set(this.characters);
            this.characters = characters;
        }
        for (let k = start; k < end; k++) {
            this.characters[from + k - start] = text.charCodeAt(k);
        }
        this.starts[number + 1] = to;
    }

    private place(number: number, hash: number): void {
        if (number >= this.hashes.length) {
            this.hashes = grown(this.hashes);
        }
        this.hashes[number] = hash;
        const mask = this.slots.length - 1;
        let slot = hash & mask;
        while (this.slots[slot] >= 0) {
            slot = (slot + 1) & mask;
        }
        this.slots[slot] = number;
    }

    private grow(): void {
        this.slots = new Int32Array(2 * this.slots.length).fill(-1);
        for (let number = 0; number < this.count; number++) {
            this.place(number, this.hashes[number]);
        }
    }
}

/** FNV-1a over UTF-16 units. */
const HASH_START = 0x811c9dc5 | 0;
const HASH_FACTOR = 0x01000193;

function hashOf(text: string, start: number, end: number): number {
    let hash = HASH_START;
    for (let i = start; i < end; i++) {
        hash = Math.imul(hash ^ text.charCodeAt(i), HASH_FACTOR);
    }
    return hash;
}

/**
 * The words of a text as `normalizeText` reads them (runs of anything but punctuation, symbols and
 * blanks, in lower case), numbered so that equal words have one number, with where they stand.
 * The arrays are views of scratch arrays shared by every call, valid until the next one.
 */
export function wordsOf(text: string, ids: WordNumbers = new WordNumbers()): TextWords {
    // Read into scratch arrays shared by every call: growing four lists a word at a time allocated
    // more than anything else in the rule, and copying them at their size (most are read only before
    // the next call), most of what was left.
    let count = 0;
    // The AST holds NFC text; lower case keeps the offsets unless a letter changes length (rare).
    const lower = text.toLowerCase();
    const caseless = lower.length === text.length;
    const scanned = caseless ? lower : text;
    const length = scanned.length;
    let { starts, ends, lengths, id } = scratch;
    for (let i = 0; i < length;) {
        const width = separatorAt(scanned, i);
        if (width > 0) {
            i += width;
            continue;
        }
        const start = i;
        // The word's `hashOf`, read with its characters rather than in a pass of its own.
        let hash = HASH_START;
        do {
            const code = scanned.charCodeAt(i);
            hash = Math.imul(hash ^ code, HASH_FACTOR);
            if (code >= 0xd800 && code <= 0xdbff && widthAt(scanned, i) === 2) {
                hash = Math.imul(hash ^ scanned.charCodeAt(i + 1), HASH_FACTOR);
                i += 2;
            } else {
                i++;
            }
        } while (i < length && separatorAt(scanned, i) === 0);
        if (count === id.length) {
            scratch = { starts: grown(starts), ends: grown(ends), lengths: grown(lengths), id: grown(id) };
            ({ starts, ends, lengths, id } = scratch);
            views.length = 0;
        }
        if (caseless) {
            id[count] = ids.numberOfHashed(scanned, start, i, hash);
            lengths[count] = i - start;
        } else {
            const word = scanned.slice(start, i).toLowerCase();
            id[count] = ids.numberOf(word, 0, word.length);
            lengths[count] = word.length;
        }
        starts[count] = start;
        ends[count] = i;
        count++;
    }
    // The views of the scratch arrays at this count, made once: texts have few different counts.
    const view = views[count] ??= {
        starts: starts.subarray(0, count), ends: ends.subarray(0, count), lengths: lengths.subarray(0, count), id: id.subarray(0, count),
    };
    return { count, caseless, ids, starts: view.starts, ends: view.ends, lengths: view.lengths, id: view.id };
}

/** Views of the scratch arrays (`scratch`) by their length, made when first wanted; dropped when the arrays grow. */
const views: Array<{ starts: Int32Array; ends: Int32Array; lengths: Int32Array; id: Int32Array } | undefined> = [];

let scratch: Record<'starts' | 'ends' | 'lengths' | 'id', Int32Array> = { starts: new Int32Array(256), ends: new Int32Array(256), lengths: new Int32Array(256), id: new Int32Array(256) };


/** 1-based line of a node, for messages. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}
