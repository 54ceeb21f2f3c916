/**
 * Shared helpers for the rules of category 'drafting' (duplicate-text, section-numbering): text
 * normalized for comparison. Ranges inside string literals: ../../language/string-map.ts; numbering
 * schemes: ../../semantics/numbering.ts.
 */
import type { AstNode } from 'langium';
import { characterClass, widthAt } from '../../language/characters.js';

const SEPARATOR = /^[\p{P}\p{S}\s]$/u;
const WORD_CHARACTER = /^[\p{L}\p{M}\p{N}]$/u;

/** The width of a punctuation mark, symbol or blank at i, else 0. */
export const separatorAt = characterClass(SEPARATOR);
/** The width of a letter, combining mark or digit at i, else 0. */
export const wordCharacterAt = characterClass(WORD_CHARACTER);

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

/**
 * Comparable texts already computed, by source text: the editor re-checks unchanged texts on every
 * build, and each is normalized once. Bounded: the oldest half goes when it is full.
 */
const comparable = new Map<string, string>();
const COMPARABLE_LIMIT = 20_000;

/** The length of the enumeration marker (and the blanks after it) that a text starts with, 0 when none. */
export function leadingMarkerLength(text: string): number {
    return LEADING_MARKER.exec(text)?.[0].length ?? 0;
}

/** Text for comparison, without its leading item number or bullet. */
export function comparableText(text: string): string {
    let result = comparable.get(text);
    if (result === undefined) {
        result = normalizeText(text.replace(LEADING_MARKER, ''));
        if (comparable.size >= COMPARABLE_LIMIT) {
            let drop = COMPARABLE_LIMIT / 2;
            for (const key of comparable.keys()) {
                comparable.delete(key);
                if (--drop === 0) {
                    break;
                }
            }
        }
        comparable.set(text, result);
    }
    return result;
}

/** 1-based line of a node, for messages. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}
