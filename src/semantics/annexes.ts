/**
 * Annexes (phụ lục): those a plan contains, and those its text announces ("tại Phụ lục kèm theo",
 * "theo Phụ lục I", "(có phụ lục kèm theo)", "các Phụ lục I, II"). An annex of another document
 * ("Phụ lục III Nghị định 30/2020/NĐ-CP", "Phụ lục ban hành kèm theo Thông tư số …") is not the plan's.
 */
import type { Annex, Plan } from '../language/generated/ast.js';
import { isAnnex } from '../language/generated/ast.js';
import { documentKindLabel } from '../language/keywords.js';
import { romanValue } from './numbering.js';
import { allContents } from './contents.js';

/** An annex a text announces. Offsets are into the text's value. */
export interface AnnexMention {
    /** The numbers it names, as printed ("I", "01"); empty when it names none ("Phụ lục kèm theo"). */
    numbers: string[];
    start: number;
    end: number;
}

const LETTER = '[\\p{L}\\p{M}]';
// Roman numbers in capitals only: "phụ lục cho …" names no annex "c".
const NUMBER = '(?:[IVXLC]+|\\d{1,3})';
const MENTION = new RegExp(
    `(?<!${LETTER})(?:[Pp]hụ|PHỤ)\\s+(?:[Ll]ục|LỤC)(?!${LETTER})(?:\\s+(?:[Ss]ố\\s+)?(${NUMBER}(?:\\s*(?:,|và|;)\\s*${NUMBER})*)(?![\\p{L}\\p{M}\\p{N}]))?`,
    'gu');

/** Kinds of document, longest first, as a text names them ("Nghị định", "Thông tư liên tịch"). */
const KINDS = [...new Set(Object.values(documentKindLabel).map(k => k.toLowerCase()))].sort((a, b) => b.length - a.length);
/**
 * What follows the annex of another document: a kind of document that is not "… này" (this one),
 * or a number-symbol, possibly after "của", "kèm theo", "ban hành kèm theo", "thuộc", "tại".
 */
const OTHER_DOCUMENT = new RegExp(
    `^\\s*[,(]?\\s*(?:được\\s+)?(?:ban\\s+hành\\s+)?(?:kèm\\s+theo|của|thuộc|tại)?\\s*(?:(?:${KINDS.join('|')})(?!${LETTER})(?!\\s+này(?!${LETTER}))|(?:số\\s+)?\\d+\\s*[/-])`,
    'iu');

/** The annexes a text announces, in order; a number in Roman or Arabic, or none. */
export function findAnnexMentions(text: string): AnnexMention[] {
    const result: AnnexMention[] = [];
    if (!text || !mayMentionAnnex(text)) {
        return result;
    }
    const value = text.normalize('NFC');
    MENTION.lastIndex = 0;
    for (let m = MENTION.exec(value); m; m = MENTION.exec(value)) {
        const end = m.index + m[0].length;
        if (OTHER_DOCUMENT.test(value.slice(end, end + 80))) {
            continue;
        }
        const numbers = m[1] ? m[1].split(/\s*(?:,|và|;)\s*/u).filter(n => n !== '') : [];
        result.push({ numbers, start: m.index, end });
    }
    return result;
}

/**
 * Whether a text, in any normalization, may hold "phụ lục": in NFC every mention holds "hụ" or "HỤ",
 * which come from those very characters unless the dot below is written apart (U+0323). Most texts
 * mention no annex: searched for a character, they are answered without a normalized copy.
 */
function mayMentionAnnex(text: string): boolean {
    return text.includes('\u0323') || follows(text, 'ụ', 'h') || follows(text, 'Ụ', 'H');
}

/** Whether `character` stands somewhere in `text` just after `before`. */
function follows(text: string, character: string, before: string): boolean {
    for (let at = text.indexOf(character, 1); at >= 0; at = text.indexOf(character, at + 1)) {
        if (text[at - 1] === before) {
            return true;
        }
    }
    return false;
}

/** How annex numbers are compared: "I" = "1" = "01". */
export function annexNumberKey(number: string): string {
    const bare = number.normalize('NFC').trim().replace(/^số\s+/iu, '').replace(/[\s.)\-–:]+$/u, '');
    if (/^\d+$/.test(bare)) {
        return String(Number(bare));
    }
    const roman = romanValue(bare);
    return roman !== undefined ? String(roman) : bare.toUpperCase();
}

/** The annexes a plan contains. */
export function annexesOf(plan: Plan): Annex[] {
    return allContents(plan).filter(isAnnex);
}

/**
 * Whether the plan contains the annex a number names (or, for no number, any annex). Unnumbered
 * annexes cannot be told apart: a plan whose annexes carry no number has the one a text names.
 */
export function containsAnnex(plan: Plan, number: string | undefined): boolean {
    const annexes = annexesOf(plan);
    if (annexes.length === 0) {
        return false;
    }
    if (number === undefined || annexes.every(a => a.number === undefined)) {
        return true;
    }
    const key = annexNumberKey(number);
    return annexes.some(a => a.number !== undefined && annexNumberKey(a.number) === key);
}
