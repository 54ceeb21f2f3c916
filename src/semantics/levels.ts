/**
 * The level of a body relative to the plan that names it: the plan's own province, the national
 * level, or another province. Read from the registry as the README's workspace convention has it:
 * national declarations are written without a namespace, a province's with its `phạm vi`; a plan
 * belongs to the province (namespace) its issuer is declared in. In prose, bodies of another level
 * are recognised by the phrases national plans address them with ("các Bộ, ngành", "UBND các tỉnh,
 * thành phố trực thuộc trung ương").
 */
import type { AstNode } from 'langium';
import type { Party } from '../language/generated/ast.js';
import { isAgency, isGroup } from '../language/generated/ast.js';
import { namespaceOf } from '../language/planspec-scope.js';
import { leadingItemNumber } from './numbering.js';
import { isPlaceholderReference } from './placeholders.js';
import { issuerOf } from './responsibility.js';
import { firstWord, leadingWordsOf, phraseKey } from './names.js';

/** How a body stands to a provincial plan: a national body, or one of another province (its namespace). */
export type ForeignLevel = { level: 'national' } | { level: 'province'; namespace: string };

/**
 * The province of the plan or document holding `node`: the namespace its issuer is declared in.
 * Undefined for a national issuer, or none.
 */
export function provinceOf(node: AstNode): string | undefined {
    const issuer = issuerOf(node);
    return issuer ? namespaceOf(issuer) : undefined;
}

/**
 * Whether the plan holding `node` is local (provincial or below): its issuer is declared in a
 * province's namespace, or its name says so ("Ủy ban nhân dân tỉnh …", "Sở …", "Tỉnh ủy", "huyện").
 */
export function isLocalPlan(node: AstNode): boolean {
    const issuer = issuerOf(node);
    if (!issuer) {
        return false;
    }
    if (namespaceOf(issuer) !== undefined) {
        return true;
    }
    const names = isAgency(issuer) || isGroup(issuer) ? [issuer.officialName, ...issuer.aliases] : [];
    return names.some(n => typeof n === 'string' && LOCAL_NAME.test(n.normalize('NFC')));
}

const LOCAL_NAME = /(?<![\p{L}])(tỉnh|huyện|quận|thị xã|thành phố|xã|phường|thị trấn|sở)(?![\p{L}])/iu;

/**
 * The level of `party` when it is not of the province of the plan holding `node`: a national
 * declaration, or one of another province's namespace. Undefined when it is the plan's own, when the
 * plan is not provincial, and for a body whose place is still a placeholder.
 */
export function foreignLevel(party: Party, node: AstNode): ForeignLevel | undefined {
    const province = provinceOf(node);
    if (province === undefined || isPlaceholderReference(party.name)) {
        return undefined;
    }
    const namespace = namespaceOf(party);
    if (namespace === undefined) {
        return { level: 'national' };
    }
    return namespace === province ? undefined : { level: 'province', namespace };
}

/** Whether a body is a legislature a province does not report to directly (Quốc hội, its Standing Committee). */
export function isNationalLegislature(party: Party): boolean {
    if (namespaceOf(party) !== undefined || !(isAgency(party) || isGroup(party))) {
        return false;
    }
    const key = phraseKey(party.officialName ?? '');
    return key === 'quốc hội' || key.startsWith('quốc hội khóa') || key === 'ủy ban thường vụ quốc hội';
}

/**
 * Phrases by which national plans address bodies that no provincial plan directs or requests: the
 * ministries and the provinces themselves. Compared word by word (case, tone placement and
 * punctuation aside).
 */
export const OTHER_LEVEL_PHRASES: readonly string[] = [
    'các Bộ, ngành', 'Bộ, ngành trung ương', 'Bộ, ngành, địa phương', 'các Bộ, cơ quan ngang Bộ', 'Bộ, cơ quan ngang Bộ',
    'Ủy ban nhân dân các tỉnh', 'UBND các tỉnh', 'Ủy ban nhân dân các tỉnh, thành phố trực thuộc trung ương',
    'UBND các tỉnh, thành phố trực thuộc trung ương', 'Ủy ban nhân dân tỉnh, thành phố trực thuộc trung ương',
    'UBND tỉnh, thành phố trực thuộc trung ương', 'các tỉnh, thành phố trực thuộc trung ương',
    'Hội đồng nhân dân các tỉnh', 'HĐND các tỉnh',
];

/** Words that may stand before the subject of a duty ("Giao …", "Đề nghị …"). */
const LEADING_VERBS = ['giao', 'đề nghị', 'yêu cầu'].map(v => v.split(' '));

/**
 * The phrase naming bodies of another level at the subject of a duty's text ("UBND các tỉnh, thành
 * phố trực thuộc trung ương chỉ đạo …", "2. Các Bộ, ngành:"), after an item number, a bullet and
 * "Giao"/"Đề nghị": where it stands in the (NFC) text and which phrase it is. Elsewhere in a
 * sentence such phrases are ordinary ("đề xuất các bộ, ngành có liên quan hoàn thiện …").
 */
export function otherLevelSubject(text: string, phrases: readonly string[] = OTHER_LEVEL_PHRASES): { start: number; end: number; phrase: string } | undefined {
    const nfc = text.normalize('NFC');
    const leading = leadingItemNumber(nfc);
    const from = leading ? leading.end + 1 : 0;
    const { keyed, wordsRead, firsts, firstLetters } = phraseKeys(phrases);
    // Most duties start with no such phrase nor a verb before one: their first word says so, its
    // letters compared first (a word's key has the word's letters), then read alone before the
    // words of a whole phrase are.
    if (!firstLetters.has(lettersOf(firstWord(nfc, from)))) {
        return undefined;
    }
    const first = leadingWordsOf(nfc, from, 1)[0];
    if (!first || !firsts.has(first.key)) {
        return undefined;
    }
    let words = leadingWordsOf(nfc, from, wordsRead);
    for (const verb of LEADING_VERBS) {
        if (verb.every((v, i) => words[i]?.key === v)) {
            words = words.slice(verb.length);
            break;
        }
    }
    // Words are runs of letters and digits: before the first one there is only a bullet or punctuation.
    if (words.length === 0) {
        return undefined;
    }
    let best: { start: number; end: number; phrase: string } | undefined;
    for (const { phrase, keys } of keyed) {
        if (keys.length === 0 || keys.length > words.length || !keys.every((k, i) => words[i].key === k)) {
            continue;
        }
        const end = words[keys.length - 1].end;
        if (!best || end > best.end) {
            best = { start: words[0].start, end, phrase };
        }
    }
    return best;
}

/**
 * The words of each phrase, how many words of a text to read to match the longest after a verb, and
 * the words a subject may start with (a phrase's first or a verb's): computed once per list of
 * phrases (a rule passes the same list for every text).
 */
interface KeyedPhrases {
    keyed: Array<{ phrase: string; keys: string[] }>;
    wordsRead: number;
    firsts: Set<string>;
    /** The letters of each of `firsts` (`lettersOf`). */
    firstLetters: Set<string>;
}

const keysOfPhrases = new WeakMap<readonly string[], KeyedPhrases>();

function phraseKeys(phrases: readonly string[]): KeyedPhrases {
    let found = keysOfPhrases.get(phrases);
    if (!found) {
        const keyed = phrases.map(phrase => ({ phrase, keys: phraseKey(phrase).split(' ').filter(k => k !== '') }));
        const longest = Math.max(0, ...keyed.map(k => k.keys.length));
        const firsts = new Set([...keyed.filter(k => k.keys.length > 0).map(k => k.keys[0]), ...LEADING_VERBS.map(v => v[0])]);
        found = {
            keyed,
            wordsRead: longest + Math.max(...LEADING_VERBS.map(v => v.length)),
            firsts,
            firstLetters: new Set([...firsts].map(lettersOf)),
        };
        keysOfPhrases.set(phrases, found);
    }
    return found;
}

/**
 * A word's letters without their diacritics, in lower case ("Uỷ" → "uy"): what a word and its key
 * (in lower case, its tone placed canonically) have in common.
 */
function lettersOf(word: string): string {
    // Letter by letter from a table for Latin letters (Vietnamese among them): asked of every duty.
    let letters = '';
    for (let i = 0; i < word.length; i++) {
        const code = word.charCodeAt(i);
        const letter = code < LATIN_LETTERS.length ? LATIN_LETTERS[code] : NOT_LATIN;
        if (letter === NOT_LATIN) {
            return word.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        }
        letters += letter;
    }
    return letters;
}

/**
 * `lettersOf` of each character up to the end of Latin Extended Additional (where Vietnamese letters
 * are), or NOT_LATIN for a character outside the Latin ranges, or with no one letter as its own.
 */
const NOT_LATIN = '\u0000';
const LATIN_LETTERS: readonly string[] = Array.from({ length: 0x1f00 }, (_, code) => {
    if (code >= 0x250 && code < 0x1e00) {
        return NOT_LATIN;
    }
    const letter = String.fromCharCode(code).normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    return letter.length === 1 ? letter : NOT_LATIN;
});
