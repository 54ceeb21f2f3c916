/**
 * Placeholders: what a quick fix writes where the plan needs a value that only a person can supply
 * (the official name of a body it declares, a lead unit, a due date). A fix never guesses such a
 * value; it writes one of these forms instead, which the `unfilled-placeholder` rule reports as an
 * error until someone replaces it, so a placeholder can never pass a check silently. Other rules
 * leave placeholders to that rule (an unresolved `CẦN_ĐIỀN`, a date 00/00/0000).
 *
 * - a body: the id `CẦN_ĐIỀN` ("chủ trì CẦN_ĐIỀN", "thuộc CẦN_ĐIỀN");
 * - a text: a string holding `[CẦN ĐIỀN: … / TO FILL IN: …]`;
 * - a date: `00/00/0000` (or `00/00`, day and month).
 */
import type { Party } from '../language/generated/ast.js';
import { rememberedByText } from './text-memo.js';

/** The id written where a body must be named. */
export const PLACEHOLDER_ID = 'CẦN_ĐIỀN';

/** The date written where a due date must be given. */
export const PLACEHOLDER_DATE = '00/00/0000';

const TEXT_MARKER = '[cần điền';

/** A placeholder text: what is to be filled in, in Vietnamese and English. */
export function placeholderText(vi: string, en: string): string {
    return `[CẦN ĐIỀN: ${vi} / TO FILL IN: ${en}]`;
}

/** Whether a string value holds a placeholder (any case, NFC or NFD). */
export function isPlaceholderText(text: unknown): boolean {
    // Most strings hold no "[": they are answered without a normalized copy (the rule asks of every string).
    return typeof text === 'string' && text.includes('[') && text.normalize('NFC').toLowerCase().includes(TEXT_MARKER);
}

/** Whether a reference, as written (possibly qualified), is the placeholder id. */
export function isPlaceholderReference(refText: string | undefined): boolean {
    if (!refText) {
        return false;
    }
    return isPlaceholderId(refText);
}

/**
 * Asked of every reference by several rules, and a plan writes the same few ids again and again:
 * answered once per id (`rememberedByText`), not with a normalized, split and upper-cased copy each time.
 */
const isPlaceholderId = rememberedByText(refText => (refText.normalize('NFC').split('.').pop() ?? '').toUpperCase() === PLACEHOLDER_ID);

/** Whether a written date or day ("00/00/0000", "00/00", "0-0-0000") is the placeholder date. */
export function isPlaceholderDate(text: unknown): boolean {
    return typeof text === 'string' && /^0{1,2}[/\-.]0{1,2}(?:[/\-.]0{1,4})?$/u.test(text.trim());
}

/**
 * Whether the place of a body in the hierarchy is still to be filled in (`thuộc CẦN_ĐIỀN`, itself
 * or an ancestor): whose authority it is under is not known yet, so no rule can judge it.
 */
export function placeUnknown(party: Party): boolean {
    const seen = new Set<Party>();
    for (let current: Party | undefined = party; current && !seen.has(current); current = current.parent?.ref) {
        seen.add(current);
        if (isPlaceholderReference(current.parent?.$refText)) {
            return true;
        }
    }
    return false;
}
