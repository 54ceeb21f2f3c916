/**
 * Shared helpers for the rules of category 'drafting' (duplicate-text, section-numbering): text
 * normalized for comparison. Ranges inside string literals: ../../language/string-map.ts; numbering
 * schemes: ../../semantics/numbering.ts.
 */
import type { AstNode } from 'langium';

/** Text for comparison: NFC, lower case, punctuation, symbols and blanks collapsed to one space. */
export function normalizeText(text: string): string {
    return text.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();
}

/** An enumeration marker at the start of a text ("1. ", "2- ", "a) ", "IV. ", "- "), which is not content. */
const LEADING_MARKER = /^\s*(?:(?:\d{1,3}(?:\.\d{1,3})*|[IVXLC]{1,6}|[a-zđ])\s*[.)\-–:]|[-–•+*])\s+/u;

/** Text for comparison, without its leading item number or bullet. */
export function comparableText(text: string): string {
    return normalizeText(text.replace(LEADING_MARKER, ''));
}

/** 1-based line of a node, for messages. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}
