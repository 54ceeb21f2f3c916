/**
 * Shared helpers for the rules of category 'drafting' (duplicate-text, section-numbering): text
 * normalized for comparison. Ranges inside string literals: ../../language/string-map.ts; numbering
 * schemes: ../../semantics/numbering.ts.
 */
import type { AstNode } from 'langium';
import { characterClass, widthAt } from '../../language/characters.js';

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
 * The words of a text as `normalizeText` reads them (runs of anything but punctuation, symbols and
 * blanks, in lower case), numbered so that equal words have one number, with where they stand.
 */
export interface TextWords {
    count: number;
    starts: number[];
    ends: number[];
    /** The words, in lower case. */
    texts: string[];
    id: Int32Array;
    ids: Map<string, number>;
    /** Whether the words were read in lower case (unless a letter's lower case has another length). */
    caseless: boolean;
}

export function wordsOf(text: string, ids: Map<string, number> = new Map()): TextWords {
    // Parallel arrays, not an object per word.
    const starts: number[] = [];
    const ends: number[] = [];
    const texts: string[] = [];
    const idList: number[] = [];
    // The AST holds NFC text; lower case keeps the offsets unless a letter changes length (rare).
    const lower = text.toLowerCase();
    const caseless = lower.length === text.length;
    const scanned = caseless ? lower : text;
    for (let i = 0; i < scanned.length;) {
        const width = separatorAt(scanned, i);
        if (width > 0) {
            i += width;
            continue;
        }
        const start = i;
        while (i < scanned.length && separatorAt(scanned, i) === 0) {
            const code = scanned.charCodeAt(i);
            i += code >= 0xd800 && code <= 0xdbff && (scanned.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
        }
        const word = caseless ? scanned.slice(start, i) : scanned.slice(start, i).toLowerCase();
        let value = ids.get(word);
        if (value === undefined) {
            value = ids.size;
            ids.set(word, value);
        }
        starts.push(start);
        ends.push(i);
        texts.push(word);
        idList.push(value);
    }
    return { count: idList.length, starts, ends, texts, id: Int32Array.from(idList), ids, caseless };
}

/** 1-based line of a node, for messages. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}
