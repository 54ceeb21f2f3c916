/**
 * How names and phrases in Vietnamese prose are compared: in NFC, in lower case, with the tone mark
 * of an open syllable "oa", "oe", "uy" read the same wherever it is placed ("Uỷ ban" and "Ủy ban",
 * "hoà" and "hòa": both placements are in use), and word by word, so that punctuation and blanks
 * between words do not count. Diacritics are otherwise significant: "dan" is not "dân".
 */
import type { LangiumDocument } from 'langium';
import { DocumentState } from 'langium';
import type { Agency, Document, Group } from '../language/generated/ast.js';
import { isAgency, isDocument, isGroup, isModel } from '../language/generated/ast.js';
import { characterClass, widthAt } from '../language/characters.js';
import { grown } from '../language/typed-arrays.js';
import { documentKind, documentKindLabel } from '../language/keywords.js';
import type { SemanticServices } from './services.js';
import { rememberedByText } from './text-memo.js';
import { mergedPerWorkspace } from './services.js';

/** Tone marks (combining, as in NFD) that Vietnamese places on a vowel. */
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/u;

/**
 * "o" or "u" and a toned a, e or y ending a word: the only pairs whose tone can move. Only these
 * are matched (not every "o" or "u" before a last letter, as "con", "sau"), so most texts are left
 * as they are without calling the replacer.
 */
const TONED_OPEN_PAIR = /([oOuU])([àáảãạèéẻẽẹỳýỷỹỵÀÁẢÃẠÈÉẺẼẸỲÝỶỸỴ])(?![\p{L}\p{M}])/gu;

/**
 * The text with the tone of an open "oa", "oe", "uy" on its first vowel ("uỷ" → "ủy", "hoà" →
 * "hòa"), in NFC. Each such pair keeps its length, so offsets into the result are offsets into the
 * NFC text.
 */
export function canonicalTone(text: string): string {
    return canonicalToneOfNfc(text.normalize('NFC'));
}

/** `canonicalTone` of a text already in NFC. */
function canonicalToneOfNfc(nfc: string): string {
    return nfc.replace(TONED_OPEN_PAIR, (whole, first: string, second: string) => {
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

/** A letter or digit (a word is a run of them), read from a table. */
const wordCharacterAt = characterClass(/^[\p{L}\p{N}]$/u);

/**
 * The words of an NFC text, in order (shared: never modify the result), remembered by text
 * (`rememberedByText`): on every edit the editor re-checks the whole file.
 */
export const wordsOf: (text: string) => readonly Word[] = rememberedByText(text => readWords(text));

function readWords(text: string): readonly Word[] {
    const canonical = scanWords(text.normalize('NFC'));
    const words: Word[] = [];
    for (let k = 0; k < wordCount; k++) {
        const start = wordBounds[2 * k];
        const end = wordBounds[2 * k + 1];
        words.push({ key: canonical.slice(start, end), start, end });
    }
    return words;
}

/**
 * Where the words of the text last read by `scanWords` stand (word k from `wordBounds[2k]` to
 * `wordBounds[2k + 1]`), a hash of each word's key, and how many words it has: kept from text to
 * text, grown as needed, so that reading a text makes no list and no string per word. Valid until the
 * next `scanWords`.
 */
let wordBounds: Int32Array = new Int32Array(2048);
let wordHashes: Int32Array = new Int32Array(1024);
let wordCount = 0;

/**
 * Reads where the words of an NFC text stand into `wordBounds`, `wordHashes` and `wordCount`; gives
 * the text in lower case with tone placement canonical (word k's key is its slice).
 */
function scanWords(nfc: string): string {
    const canonical = canonicalToneOfNfc(nfc).toLowerCase();
    wordCount = 0;
    // Lower case keeps the length of Vietnamese text; should it not, offsets would drift: read none.
    if (canonical.length !== nfc.length) {
        return canonical;
    }
    let count = 0;
    let bounds = wordBounds;
    let hashes = wordHashes;
    for (let i = 0; i < canonical.length;) {
        let width = wordCharacterAt(canonical, i);
        if (width === 0) {
            i += widthAt(canonical, i);
            continue;
        }
        const start = i;
        // The word's `hashOf`, read with its characters rather than in a pass of its own.
        let hash = 0;
        while (width > 0) {
            hash = (Math.imul(hash, 31) + canonical.charCodeAt(i)) | 0;
            if (width === 2) {
                hash = (Math.imul(hash, 31) + canonical.charCodeAt(i + 1)) | 0;
            }
            i += width;
            width = i < canonical.length ? wordCharacterAt(canonical, i) : 0;
        }
        if (count === hashes.length) {
            wordHashes = hashes = grown(hashes);
            wordBounds = bounds = grown(bounds);
        }
        bounds[2 * count] = start;
        bounds[2 * count + 1] = i;
        hashes[count] = hash;
        count++;
    }
    wordCount = count;
    return canonical;
}

/** A hash of a text's UTF-16 units from start to end: words whose hashes differ have different keys. */
function hashOf(text: string, start: number, end: number): number {
    let hash = 0;
    for (let j = start; j < end; j++) {
        hash = (Math.imul(hash, 31) + text.charCodeAt(j)) | 0;
    }
    return hash;
}

/**
 * The first `count` words of an NFC text from offset `from` on, as `wordsOf` finds them, reading only
 * as far as they go: a rule that looks at the start of a text does not pay for a long one.
 */
export function leadingWordsOf(text: string, from: number, count: number): Word[] {
    // Word boundaries do not move with tone placement or case, so the raw text says where to cut;
    // one word more is read and dropped, so that the last one kept is read as in the whole text.
    let end = text.length;
    let i = from;
    for (let k = 0; k <= count + 1; k++) {
        i = wordStart(text, i);
        if (i >= text.length) {
            break;
        }
        i = wordEnd(text, i);
        end = i;
    }
    const read = text.slice(0, end);
    // Lower case that changes a length would move the offsets (`wordsOf` reads none then); only the part read matters.
    if (read.toLowerCase().length !== read.length) {
        return [];
    }
    // Read, not remembered: a few words of a slice made for this call would only crowd out whole texts.
    return readWords(read).filter(w => w.start >= from).slice(0, count);
}

/** The first word of a text from `from` on, as written, as `leadingWordsOf` reads words (empty when there is none). */
export function firstWord(text: string, from: number): string {
    const start = wordStart(text, from);
    return text.slice(start, wordEnd(text, start));
}

/** Where the next word starts, at or after i (the text's length when none does). */
function wordStart(text: string, i: number): number {
    while (i < text.length && wordCharacterAt(text, i) === 0) {
        i += widthAt(text, i);
    }
    return i;
}

/** Where the word at i ends. */
function wordEnd(text: string, i: number): number {
    for (let width = i < text.length ? wordCharacterAt(text, i) : 0; width > 0; width = i < text.length ? wordCharacterAt(text, i) : 0) {
        i += width;
    }
    return i;
}

/** A name as compared: its words' keys joined by one blank ("Uỷ ban nhân dân tỉnh," → "ủy ban nhân dân tỉnh"). */
export function phraseKey(text: string): string {
    return wordsOf(text).map(w => w.key).join(' ');
}

// ---------------------------------------------------------------------------------------------
// Declared names and their near misses in prose

/** A name a body or a document is known by: an official name, an alias, or a law's title. */
export interface KnownName {
    /** As declared (NFC). */
    text: string;
    words: readonly Word[];
    /** The words' keys. */
    keys: string[];
    /** After word k, whether the name puts a list separator (",", ";") before word k + 1. */
    listBreak: boolean[];
    node: Agency | Group | Document;
    namespace: string | undefined;
}

/** The names of a workspace, by their first word, and the keys of all of them (any namespace). */
export interface NameIndex {
    byFirst: Map<string, KnownName[]>;
    /**
     * Names of two words or more by their first two words ("ủy ban"), and names of MIN_NAME_WORDS or
     * more also by their first and third ("ủy", "nhân"): the words that start many names ("Ủy ban
     * nhân dân xã …" of a hundred communes) then cost a lookup, not a pass over every such name.
     */
    byStart: Map<string, Map<string, KnownName[]>>;
    nearStart: Map<string, Map<string, KnownName[]>>;
    /** Each name's place in `all` (so also in its `byFirst` list, which keeps that order). */
    rank: Map<KnownName, number>;
    keys: Set<string>;
    /** Two words that follow each other in a name ("thông tin", "ủy ban"), joined by a blank. */
    pairs: Set<string>;
    /** Every name, in workspace order, and what they say: two indexes of one signature give the same near misses. */
    all?: KnownName[];
    signature?: string;
}


/** The names declared in the workspace of `document`: each file's names read once, merged per build. */
const namesOf = mergedPerWorkspace<KnownName[], NameIndex>({
    state: DocumentState.IndexedContent,
    // Names are read from the file's own text.
    partState: DocumentState.IndexedContent,
    part: document => {
        const model = document.parseResult?.value;
        const names: KnownName[] = [];
        if (!isModel(model)) {
            return names;
        }
        const namespace = model.namespace?.name;
        for (const element of model.elements) {
            const texts = isAgency(element) || isGroup(element) ? [element.officialName, ...element.aliases]
                : isDocument(element) ? [titleOf(element)] : [];
            for (const text of texts) {
                if (typeof text !== 'string' || text.trim() === '') {
                    continue;
                }
                const nfc = text.normalize('NFC');
                const words = wordsOf(nfc);
                if (words.length === 0) {
                    continue;
                }
                const listBreak = words.map((w, k) => k + 1 < words.length && /[,;]/u.test(nfc.slice(w.end, words[k + 1].start)));
                names.push({ text: nfc, words, keys: words.map(w => w.key), listBreak, node: element as Agency | Group | Document, namespace });
            }
        }
        return names;
    },
    merge: parts => {
        const all = parts.flatMap(p => p.part);
        const signature = all.map(n => `${n.namespace ?? ''}\u0001${n.text}`).join('\u0000');
        const index: NameIndex = { byFirst: new Map(), byStart: new Map(), nearStart: new Map(), rank: new Map(), keys: new Set(), pairs: new Set(), all, signature };
        for (const { part } of parts) {
            for (const name of part) {
                const words = name.words;
                index.keys.add(words.map(w => w.key).join(' '));
                words.slice(1).forEach((w, k) => index.pairs.add(`${words[k].key} ${w.key}`));
                index.rank.set(name, index.rank.size);
                const list = index.byFirst.get(words[0].key);
                if (list) {
                    list.push(name);
                } else {
                    index.byFirst.set(words[0].key, [name]);
                }
                const keys = name.keys;
                if (keys.length > 1) {
                    push(index.byStart, keys[0], keys[1], name);
                }
                if (keys.length >= MIN_NAME_WORDS) {
                    push(index.nearStart, keys[0], keys[1], name);
                    if (keys[2] !== keys[1]) {
                        push(index.nearStart, keys[0], keys[2], name);
                    }
                }
            }
        }
        return index;
    },
});

function push<V>(map: Map<string, Map<string, V[]>>, first: string, second: string, value: V): void {
    let inner = map.get(first);
    if (!inner) {
        inner = new Map();
        map.set(first, inner);
    }
    const list = inner.get(second);
    if (list) {
        list.push(value);
    } else {
        inner.set(second, [value]);
    }
}

export function knownNames(services: SemanticServices, document: LangiumDocument): NameIndex {
    return namesOf(services, document.uri);
}

/** A document's summary when it is the document's name ("Luật Phòng, chống ma túy"), not a description ("về …"). */
function titleOf(document: Document): string | undefined {
    const kind = documentKind(document.kind ?? '');
    const summary = document.summary;
    if (!kind || typeof summary !== 'string') {
        return undefined;
    }
    const label = phraseKey(documentKindLabel[kind]);
    const key = phraseKey(summary);
    return key.startsWith(`${label} `) && key.split(' ').length <= 16 ? summary : undefined;
}

/** Where prose writes a declared name not quite right: one word left out, or one word misspelt. */
export interface NearMiss {
    start: number;
    end: number;
    name: KnownName;
    /** The word of the name left out, or written wrongly, as the name spells it. */
    right: string;
    /** The word as the text writes it, when misspelt. */
    wrong?: string;
    /** The run as the name would have it: the text's own words and case, the one word put right. */
    corrected: string;
}

/** Names shorter than this many words are not looked for: a near miss of a short name is too often another word. */
export const MIN_NAME_WORDS = 4;

/**
 * The near misses, in an NFC text, of the names visible from a namespace (its own and the national
 * ones): a run of words that is a name of at least four words with one interior word left out ("Ủy
 * ban nhân tỉnh", "Sở Kế hoạch Đầu tư"), or with one word after the first misspelt by one letter
 * ("Ủy ban nhân dan tỉnh"). Not a near miss: words compared in any case and tone placement ("Uỷ" =
 * "Ủy"); a number left out or changed ("Ban Chỉ đạo 139"); a list element left out ("các sở, ngành"
 * for "các sở, ban, ngành"); a run that is itself a declared name, or lies inside one written right;
 * a run across a sentence break.
 */
export function nearMissNames(text: string, index: NameIndex, namespace: string | undefined): NearMiss[] {
    const all = index.all;
    if (!all || index.signature === undefined) {
        return findNearMisses(text, index, namespace);
    }
    // Remembered across builds while the workspace's names say the same: an edit re-checks every
    // paragraph of the file, and all but one are unchanged.
    if (remembered?.index !== index) {
        remembered = remembered?.signature === index.signature
            ? { ...remembered, index }
            : { index, signature: index.signature, byNamespace: new Map(), size: 0 };
    }
    const memo = remembered;
    // By namespace, then by the text itself (not a key joining both: that would copy every text).
    let byText = memo.byNamespace.get(namespace);
    if (!byText) {
        byText = new Map();
        memo.byNamespace.set(namespace, byText);
    }
    let found = byText.get(text);
    if (!found) {
        found = findNearMisses(text, index, namespace).map(({ name, ...miss }) => ({ ...miss, at: index.rank.get(name)! }));
        if (memo.size >= REMEMBERED_NEAR_MISSES) {
            memo.byNamespace.clear();
            memo.size = 0;
            byText = new Map();
            memo.byNamespace.set(namespace, byText);
        }
        byText.set(text, found);
        memo.size++;
    }
    return found.length === 0 ? [] : found.map(({ at, ...miss }) => ({ ...miss, name: all[at] }));
}

/** Asked at every word of every text: one empty list, not one made each time. */
const NO_NAMES: readonly KnownName[] = [];

/** The hashes (`hashOf`) of the first words of the names looked for near misses, by index. */
const firstHashes = new WeakMap<NameIndex, Set<number>>();

function firstWordHashes(index: NameIndex): Set<number> {
    let hashes = firstHashes.get(index);
    if (!hashes) {
        hashes = new Set([...index.nearStart.keys()].map(first => hashOf(first, 0, first.length)));
        firstHashes.set(index, hashes);
    }
    return hashes;
}

/** A list of `nearStart`: the names of a first word and a second (or third) one. */
interface NearPair {
    first: string;
    other: string;
    names: KnownName[];
}

/**
 * The lists of `nearStart` by a hash of their two words' hashes (`pairHash`), by index: a text's words
 * are looked up by the hashes `scanWords` read, and compared in place, with no key made for them.
 */
const pairsByHash = new WeakMap<NameIndex, Map<number, NearPair[]>>();

function nearPairs(index: NameIndex): Map<number, NearPair[]> {
    let pairs = pairsByHash.get(index);
    if (!pairs) {
        pairs = new Map();
        for (const [first, byOther] of index.nearStart) {
            for (const [other, names] of byOther) {
                const hash = pairHash(hashOf(first, 0, first.length), hashOf(other, 0, other.length));
                const list = pairs.get(hash);
                if (list) {
                    list.push({ first, other, names });
                } else {
                    pairs.set(hash, [{ first, other, names }]);
                }
            }
        }
        pairsByHash.set(index, pairs);
    }
    return pairs;
}

/** Two words' hashes in one, within the small integers (a map boxes a key beyond them). */
function pairHash(first: number, other: number): number {
    return (Math.imul(first, 0x9e3779b1) ^ other) & 0x3fffffff;
}

/** Candidate lists merged, by the two lists (which live as long as their index). */
const mergedLists = new WeakMap<readonly KnownName[], WeakMap<readonly KnownName[], readonly KnownName[]>>();

/** Texts whose near misses are remembered (mostly none: an empty list each). */
const REMEMBERED_NEAR_MISSES = 20_000;

/** Near misses by namespace and text, for the index of one signature; names by their place in `all` (`rank`). */
let remembered: {
    index: NameIndex;
    signature: string;
    byNamespace: Map<string | undefined, Map<string, Array<Omit<NearMiss, 'name'> & { at: number }>>>;
    /** Texts remembered, over all namespaces. */
    size: number;
} | undefined;

function findNearMisses(text: string, index: NameIndex, namespace: string | undefined): NearMiss[] {
    const nfc = text.normalize('NFC');
    // Read here, not through `wordsOf`: each text is looked at once (the result is remembered). Words
    // are looked up by their hashes and compared in place, a key made only for a run that nearly is a
    // name: a string per word was most of what reading made.
    // Nothing below reads another text, so `wordBounds` stays this text's.
    const canonical = scanWords(nfc);
    const count = wordCount;
    const bounds = wordBounds;
    const hashes = wordHashes;
    const firsts = firstWordHashes(index);
    const pairs = nearPairs(index);
    const startOf = (k: number) => bounds[2 * k];
    const endOf = (k: number) => bounds[2 * k + 1];
    /** The key of word k. */
    const key = (k: number) => canonical.slice(bounds[2 * k], bounds[2 * k + 1]);
    /** Whether there is a word k and its key is `wanted`. */
    const wordIs = (k: number, wanted: string) => k < count && bounds[2 * k + 1] - bounds[2 * k] === wanted.length && canonical.startsWith(wanted, bounds[2 * k]);
    const visible = (name: KnownName) => name.namespace === undefined || name.namespace === namespace;
    // Names written right: a near miss inside one of them is that name, not a misspelling. Found
    // when a text first has a near miss to rule out (most texts have none).
    let exact: Array<[number, number]> | undefined;
    const misses: NearMiss[] = [];
    for (let i = 0; i < count; i++) {
        let best: (NearMiss & { last: number }) | undefined;
        const candidates = nearCandidates(i);
        for (let n = 0; n < candidates.length; n++) {
            const name = candidates[n];
            if (!visible(name) || name.words.length < MIN_NAME_WORDS) {
                continue;
            }
            // With one word left out or misspelt (never the first), word 1 or 2 of the name is next or
            // one further: most runs that merely start like a name end here.
            const second = name.keys[1];
            const third = name.keys[2];
            if (!wordIs(i + 1, second) && !wordIs(i + 1, third) && !wordIs(i + 2, third)) {
                continue;
            }
            const found = missing(i, name) ?? misspelt(i, name);
            if (!found || (best && found.last <= best.last)) {
                continue;
            }
            const spanKeys: string[] = [];
            for (let k = i; k <= found.last; k++) {
                spanKeys.push(key(k));
            }
            const span = spanKeys.join(' ');
            exact ??= exactNames();
            if (index.keys.has(span) || inside(exact, i, found.last) || /[.;:!?]/u.test(nfc.slice(endOf(i), startOf(found.last)))) {
                continue;
            }
            best = found;
        }
        if (best) {
            const { last, ...miss } = best;
            misses.push(miss);
            i = last;
        }
    }
    return misses;

    /** Where the text writes a declared name right: its first and last word. */
    function exactNames(): Array<[number, number]> {
        const found: Array<[number, number]> = [];
        for (let i = 0; i + 1 < count; i++) {
            const starting = index.byStart.get(key(i))?.get(key(i + 1)) ?? NO_NAMES;
            for (let n = 0; n < starting.length; n++) {
                const keys = starting[n].keys;
                let k = 2;
                while (k < keys.length && wordIs(i + k, keys[k])) {
                    k++;
                }
                if (k === keys.length) {
                    found.push([i, i + keys.length - 1]);
                }
            }
        }
        return found;
    }

    /**
     * The names that may start at word i with one word left out or misspelt: those whose second or
     * third word is word i + 1, or whose third is word i + 2; in their `byFirst` order.
     */
    function nearCandidates(i: number): readonly KnownName[] {
        if (i + 1 >= count || !firsts.has(hashes[i])) {
            return NO_NAMES;
        }
        const next = namesStarting(i, i + 1);
        const further = i + 2 < count ? namesStarting(i, i + 2) : undefined;
        if (!further || further === next) {
            return next ?? NO_NAMES;
        }
        if (!next) {
            return further;
        }
        // Two lists that overlap ("ủy ban …" and "ủy … nhân"): merged once per pair, not per occurrence.
        let merged = mergedLists.get(next)?.get(further);
        if (!merged) {
            merged = [...new Set([...next, ...further])].sort((a, b) => index.rank.get(a)! - index.rank.get(b)!);
            let byFurther = mergedLists.get(next);
            if (!byFurther) {
                byFurther = new WeakMap();
                mergedLists.set(next, byFurther);
            }
            byFurther.set(further, merged);
        }
        return merged;
    }

    /** The list of `nearStart` for words i and j. */
    function namesStarting(i: number, j: number): KnownName[] | undefined {
        const found = pairs.get(pairHash(hashes[i], hashes[j]));
        if (found) {
            for (let n = 0; n < found.length; n++) {
                if (wordIs(i, found[n].first) && wordIs(j, found[n].other)) {
                    return found[n].names;
                }
            }
        }
        return undefined;
    }

    function missing(i: number, name: KnownName): (NearMiss & { last: number }) | undefined {
        const keys = name.keys;
        let p = 0;
        while (p < keys.length - 1 && wordIs(i + p, keys[p])) {
            p++;
        }
        // The word left out is an interior one: not the first or last, not a number, not a list element,
        // not the level word before a place name ("Công an Cà Mau", "tỉnh Cà Mau" are the place, not a miss
        // of "Công an tỉnh Cà Mau", "Tỉnh ủy Cà Mau").
        if (p < 1 || p > keys.length - 2 || /\d/u.test(keys[p]) || name.listBreak[p - 1] || name.listBreak[p]
            || beforePlaceName(name, p)) {
            return undefined;
        }
        for (let k = p + 1; k < keys.length; k++) {
            if (!wordIs(i + k - 1, keys[k])) {
                return undefined;
            }
        }
        const last = i + keys.length - 2;
        // A list separator where the word is left out: a list ("cơ sở giáo dục, đào tạo"), not the name.
        if (/[,;]/u.test(nfc.slice(endOf(i + p - 1), startOf(i + p)))) {
            return undefined;
        }
        // The last word alone after the gap may start a phrase with the next word rather than end the
        // name: "các cơ quan thông tin" is not "các cơ quan truyền thông" missing a word. Read so when
        // the two words follow each other in some declared name.
        const next = last + 1;
        if (p === keys.length - 2 && next < count && /^[\s]*$/u.test(nfc.slice(endOf(last), startOf(next))) && index.pairs.has(`${key(last)} ${key(next)}`)) {
            return undefined;
        }
        const right = spelled(name, p);
        const corrected = `${nfc.slice(startOf(i), endOf(i + p - 1))} ${right}${nfc.slice(endOf(i + p - 1), endOf(last))}`;
        return { start: startOf(i), end: endOf(last), name, right, corrected, last };
    }

    function misspelt(i: number, name: KnownName): (NearMiss & { last: number }) | undefined {
        const keys = name.keys;
        let wrong = -1;
        for (let k = 0; k < keys.length; k++) {
            if (i + k >= count) {
                return undefined;
            }
            if (!wordIs(i + k, keys[k])) {
                if (wrong >= 0 || k === 0) {
                    return undefined;
                }
                wrong = k;
            }
        }
        if (wrong < 0 || /\d/u.test(keys[wrong]) || /\d/u.test(key(i + wrong)) || keys[wrong].length < 2 || !oneEditApart(key(i + wrong), keys[wrong])) {
            return undefined;
        }
        const last = i + keys.length - 1;
        const right = spelled(name, wrong);
        const corrected = nfc.slice(startOf(i), startOf(i + wrong)) + right + nfc.slice(endOf(i + wrong), endOf(last));
        return { start: startOf(i), end: endOf(last), name, right, wrong: nfc.slice(startOf(i + wrong), endOf(i + wrong)), corrected, last };
    }
}

/**
 * Whether words first to last lie inside one of the runs. Not a closure in `findNearMisses`' loop:
 * one there made its loop's `i` a binding allocated at every word.
 */
function inside(runs: Array<[number, number]>, first: number, last: number): boolean {
    return runs.some(([a, b]) => a <= first && last <= b);
}

/** Whether word k of a name is a lower-case word followed, to the end of the name, by capitalised ones (a place name). */
function beforePlaceName(name: KnownName, k: number): boolean {
    const word = (j: number) => name.text.slice(name.words[j].start, name.words[j].end);
    const capital = (w: string) => /^\p{Lu}/u.test(w);
    return !capital(word(k)) && name.words.slice(k + 1).every((_, j) => capital(word(k + 1 + j)));
}

function spelled(name: KnownName, k: number): string {
    return name.text.slice(name.words[k].start, name.words[k].end);
}

/** Whether two words differ by exactly one letter inserted, left out or replaced ("dan"/"dân", "tỉnh"/"tinh"). */
function oneEditApart(a: string, b: string): boolean {
    if (a === b || Math.abs(a.length - b.length) > 1) {
        return false;
    }
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) {
        i++;
    }
    if (a.length === b.length) {
        return a.slice(i + 1) === b.slice(i + 1);
    }
    return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}
