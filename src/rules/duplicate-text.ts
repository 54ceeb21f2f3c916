import type { AstNode, LangiumDocument } from 'langium';
import type { Document, Funding, Objective, Paragraph, Plan, Task } from '../language/generated/ast.js';
import { isFunding, isObjective, isParagraph, isTask } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { isBlank } from '../language/characters.js';
import { StringMap } from '../language/string-map.js';
import type { TextWords } from '../linter/support/drafting.js';
import { leadingMarkerLength, lineOf, normalizeText, WordNumbers, wordsOf } from '../linter/support/drafting.js';
import { grown } from '../language/typed-arrays.js';
import { effectiveLeads } from '../semantics/responsibility.js';
import { allContents } from '../semantics/contents.js';
import { propertyNode } from '../language/cst-property.js';

interface Options {
    minLength: number;
    similarity: number;
}

type TextNode = Task | Paragraph | Objective | Funding;

interface Entry {
    node: TextNode;
    /** Source order within the plan. */
    order: number;
    /** The words of its comparable text (`comparableText`), numbered per owner, and a hash of them. */
    words: Int32Array;
    hash: number;
    /** For a task, its lead units: the same duty given to different bodies is not a repetition. */
    leads?: string;
}

/** A repeated phrase must have at least this many words (and MIN_PHRASE_CHARS letters)… */
const MIN_PHRASE_WORDS = 4;
const MIN_PHRASE_CHARS = 15;
const MAX_PHRASE_WORDS = 60;
/** …and its copies may be joined by one of these words ("X hoặc X"); "X và chưa X" is a contrast. */
const JOIN_WORDS = ['hoặc', 'và', 'hay', 'or', 'and'];

const KIND: Record<TextNode['$type'], [string, string]> = {
    Task: ['nhiệm vụ', 'task'],
    Paragraph: ['đoạn văn', 'paragraph'],
    Objective: ['mục tiêu', 'objective'],
    Funding: ['nội dung kinh phí', 'funding text'],
};

export default defineRule<Options>({
    meta: {
        id: 'duplicate-text',
        category: 'drafting',
        defaultSeverity: 'warning',
        description: 'Đoạn văn, nhiệm vụ hoặc câu bị lặp lại nguyên văn hoặc gần như nguyên văn / A paragraph, task or sentence is repeated word for word or nearly so',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                minLength: {
                    type: 'integer',
                    minimum: 1,
                    default: 40,
                    description: 'Bỏ qua đoạn ngắn hơn số ký tự này (sau khi chuẩn hóa) / Ignore texts shorter than this many characters (after normalization)',
                },
                similarity: {
                    type: 'number',
                    minimum: 0.5,
                    maximum: 1,
                    default: 0.9,
                    description: 'Độ giống nhau tối thiểu (hệ số Dice trên cặp từ liền nhau) để coi hai đoạn là gần trùng; 1 = chỉ trùng nguyên văn / Least similarity (Dice coefficient on word bigrams) for two texts to count as near duplicates; 1 = exact duplicates only',
                },
            },
        },
        defaultOptions: { minLength: 40, similarity: 0.9 },
        recommended: true,
    },
    create(context) {
        const minLength = typeof context.options.minLength === 'number' ? context.options.minLength : 40;
        const rawSimilarity = typeof context.options.similarity === 'number' ? context.options.similarity : 0.9;
        const similarity = Math.min(1, Math.max(0.5, rawSimilarity));
        return {
            Plan: checkOwner,
            Document: checkOwner,
        };

        function checkOwner(owner: Plan | Document): void {
            startAgainIfFull();
            const readings = readingsOf(context.document);
            const entries: Entry[] = [];
            for (const node of allContents(owner)) {
                if ((isTask(node) || isParagraph(node) || isObjective(node) || isFunding(node)) && typeof node.text === 'string') {
                    const reading = readingOf(readings, node.text);
                    checkWithin(node, reading);
                    if (reading.length >= minLength) {
                        const leads = isTask(node) ? effectiveLeads(node).map(r => r.$refText).sort().join(',') : undefined;
                        entries.push({ node, order: entries.length, hash: reading.hash, words: reading.comparable, leads });
                    }
                }
            }
            // Exact duplicates (the same words): one map lookup each, by a hash of the words.
            const groups = new Map<number, Entry[][]>();
            const distinct: Entry[] = [];
            const reported = new Set<Entry>();
            for (const entry of entries) {
                const bucket = groups.get(entry.hash);
                const copies = bucket?.find(group => sameText(group[0].words, entry.words));
                const first = copies?.find(e => comparable(e, entry));
                if (first) {
                    reported.add(entry);
                    const line = lineOf(first.node);
                    const [vi, en] = KIND[first.node.$type];
                    report(entry.node, `Nội dung trùng nguyên văn với ${vi} ở dòng ${line} / Same text as the ${en} at line ${line}`,
                        first.node, `${capitalize(vi)} có cùng nội dung / The ${en} with the same text`);
                }
                if (copies) {
                    copies.push(entry);
                } else {
                    distinct.push(entry);
                    if (bucket) {
                        bucket.push([entry]);
                    } else {
                        groups.set(entry.hash, [[entry]]);
                    }
                }
            }
            if (similarity >= 1) {
                return;
            }
            // Near duplicates among the distinct texts (copies are reported above); the later text
            // names the earliest one it resembles.
            const partners = new Map<Entry, { entry: Entry; score: number }>();
            for (const [later, earlier, score] of nearDuplicates(readings, distinct, similarity)) {
                if (!reported.has(later)) {
                    partners.set(later, { entry: earlier, score });
                }
            }
            for (const [later, { entry: earlier, score }] of [...partners].sort((x, y) => x[0].order - y[0].order)) {
                const line = lineOf(earlier.node);
                const pct = Math.floor(score * 100);
                const [vi, en] = KIND[earlier.node.$type];
                report(later.node, `Nội dung gần như trùng (giống ${pct}%) với ${vi} ở dòng ${line} / Nearly the same text (${pct}% similar) as the ${en} at line ${line}`,
                    earlier.node, `${capitalize(vi)} có nội dung gần giống / The ${en} with nearly the same text`);
            }
        }

        function report(node: TextNode, message: string, other: TextNode, relatedMessage: string): void {
            context.report({
                node, range: textRange(node), message,
                related: [{ node: other, range: textRange(other), message: relatedMessage }],
            });
        }

        function textRange(node: TextNode) {
            return propertyNode(node.$cstNode, 'text')?.range;
        }

        /** A sentence given twice in one text, or a phrase written several times in a row. */
        function checkWithin(node: TextNode, reading: Reading): void {
            if (reading.sentences.length === 0 && reading.phrases.length === 0) {
                return;
            }
            let map: StringMap | undefined | null = null;
            const rangeOf = (start: number, end: number) => {
                if (map === null) {
                    map = StringMap.of(context.document, node, 'text');
                }
                return map?.range(start, end) ?? propertyNode(node.$cstNode, 'text')?.range;
            };
            const reported: Array<[number, number]> = [];
            for (const found of reading.sentences) {
                reported.push([found.start, found.end]);
                const first = found.first ? rangeOf(found.first.start, found.first.end) : undefined;
                context.report({
                    node,
                    range: rangeOf(found.start, found.end),
                    message: `Câu "${snippet(found.text)}" lặp lại trong cùng ${KIND[node.$type][0]} / The sentence "${snippet(found.text)}" is repeated within this ${KIND[node.$type][1]}`,
                    related: first ? [{ node, range: first, message: 'Câu này ở lần viết đầu / The sentence where it is first written' }] : undefined,
                });
            }
            for (const found of reading.phrases) {
                if (reported.some(([s, e]) => found.start < e && s < found.end)) {
                    continue;
                }
                context.report({
                    node,
                    range: rangeOf(found.start, found.end),
                    message: `Cụm từ "${snippet(found.phrase)}" được viết ${found.times} lần liền nhau / The phrase "${snippet(found.phrase)}" is written ${found.times} times in a row`,
                });
            }
        }
    },
});

/**
 * What the rule reads of one text, whatever plan it is in: its words (numbered for the whole
 * process, so readings of different builds compare), the words of its comparable text with their
 * hash and the comparable text's length, and the repetitions inside it. Remembered by document and
 * text: the editor checks the whole file on every edit, and all its texts but one are unchanged.
 */
interface Reading {
    comparable: Int32Array;
    hash: number;
    length: number;
    sentences: Found[];
    phrases: FoundPhrase[];
}

let numbers = new WordNumbers();

/** Words numbered before the numbering starts again (a long editing session types many partial words). */
const MAX_NUMBERED_WORDS = 1_000_000;

/** Between two plans: a full numbering starts again, and the readings made with it are dropped. */
function startAgainIfFull(): void {
    if (numbers.size >= MAX_NUMBERED_WORDS) {
        numbers = new WordNumbers();
        byDocument.clear();
    }
}

/**
 * The readings of a document's texts at its last check and at this one, for the last few documents
 * checked: an edit re-checks its document, and finds there every text it did not touch. Kept by
 * document, not for every text ever read, so a check of a thousand plans holds only a few plans'.
 */
interface DocumentReadings {
    /** The AST these readings are for: a new one (a new build) starts a new generation. */
    root: WeakRef<AstNode>;
    current: Map<string, Reading>;
    previous: Map<string, Reading>;
    /** The near duplicates last found among the document's texts, most recent last. */
    near: NearDuplicates[];
}

/**
 * The near duplicates found among some texts: an edit that changes none of a plan's texts (a
 * deadline, a lead, a comment) finds the same ones, without comparing the texts again.
 */
interface NearDuplicates {
    /** The texts' words, as their readings hold them: the same array is the same text. */
    words: Int32Array[];
    leads: Array<string | undefined>;
    similarity: number;
    /** Each text that resembles an earlier one, by place: its own, the earlier one's, and the score. */
    found: Array<[number, number, number]>;
}

/** Near-duplicate results kept per document: one per owner (plan or document declaration) it holds, for the few a file has. */
const NEAR_REMEMBERED = 4;

/** `earliestSimilar` of the entries, or its last answer for the same texts and leads. */
function nearDuplicates(readings: DocumentReadings, entries: Entry[], similarity: number): Array<[Entry, Entry, number]> {
    const at = readings.near.findIndex(n => n.similarity === similarity && n.words.length === entries.length
        && entries.every((entry, i) => entry.words === n.words[i] && entry.leads === n.leads[i]));
    let near: NearDuplicates;
    if (at >= 0) {
        near = readings.near.splice(at, 1)[0];
    } else {
        const found: Array<[number, number, number]> = [];
        for (const [later, earlier, score] of earliestSimilar(entries, similarity, comparable)) {
            found.push([later, earlier, score]);
        }
        near = { words: entries.map(e => e.words), leads: entries.map(e => e.leads), similarity, found };
        if (readings.near.length >= NEAR_REMEMBERED) {
            readings.near.shift();
        }
    }
    readings.near.push(near);
    return near.found.map(([later, earlier, score]) => [entries[later], entries[earlier], score]);
}

const byDocument = new Map<string, DocumentReadings>();
const DOCUMENTS_REMEMBERED = 8;

function readingsOf(document: LangiumDocument): DocumentReadings {
    const uri = document.uri.toString();
    const root = document.parseResult.value;
    let entry = byDocument.get(uri);
    if (!entry || entry.root.deref() !== root) {
        entry = { root: new WeakRef(root), current: new Map(), previous: entry ? (entry.current.size > 0 ? entry.current : entry.previous) : new Map(), near: entry?.near ?? [] };
    }
    // Most recently checked last.
    byDocument.delete(uri);
    byDocument.set(uri, entry);
    if (byDocument.size > DOCUMENTS_REMEMBERED) {
        byDocument.delete(byDocument.keys().next().value!);
    }
    return entry;
}

function readingOf(readings: DocumentReadings, text: string): Reading {
    let reading = readings.current.get(text);
    if (!reading) {
        reading = readings.previous.get(text) ?? read(text);
        readings.current.set(text, reading);
    }
    return reading;
}

function read(text: string): Reading {
    const words = wordsOf(text, numbers);
    // The words of the comparable text: those after the item number or bullet.
    const marker = leadingMarkerLength(text);
    let first = 0;
    while (first < words.count && words.starts[first] < marker) {
        first++;
    }
    // The comparable text is these words joined by a blank: its length and its words stand for it,
    // without the string being made.
    let length = Math.max(0, words.count - first - 1);
    let hash = 0;
    for (let k = first; k < words.count; k++) {
        length += words.lengths[k];
        hash = (Math.imul(hash, 0x01000193) ^ words.id[k]) | 0;
    }
    const within = text.length >= MIN_PHRASE_CHARS * 2;
    return {
        // Kept: a copy of the words' numbers, which the next `wordsOf` overwrites.
        comparable: words.id.slice(first), hash, length,
        sentences: within ? repeatedSentences(text, words) : [],
        phrases: within ? repeatedPhrases(text, words) : [],
    };
}

/**
 * Whether two texts may count as repetitions: not two tasks led by different bodies. Plans give each
 * body its own copy of a shared duty (seed 002 gives the provincial military command and the border
 * guard the same sentence on Nghị định 03/2019/NĐ-CP, each cooperating with the other).
 */
function comparable(a: Entry, b: Entry): boolean {
    return a.leads === undefined || b.leads === undefined || a.leads === b.leads;
}

/** Whether two texts have the same words (so the same comparable text). */
function sameText(a: Int32Array, b: Int32Array): boolean {
    if (a.length !== b.length) {
        return false;
    }
    for (let k = 0; k < a.length; k++) {
        if (a[k] !== b[k]) {
            return false;
        }
    }
    return true;
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

function snippet(text: string): string {
    const t = text.trim();
    return t.length > 60 ? `${t.slice(0, 59)}…` : t;
}

// ---------------------------------------------------------------------------------------------------
// Near duplicates: Dice coefficient on sets of word bigrams, found with prefix filtering (the AllPairs
// similarity join). Dice ≥ s is Jaccard ≥ t = s / (2 − s). With the tokens of
// every set ordered rarest first, two sets with Jaccard ≥ t share a token among the first
// |x| − ⌈t·|x|⌉ + 1 of each, and their sizes differ by at most a factor t. Only pairs that pass these
// bounds are compared.

/**
 * The distinct word bigrams of each text (a text of one word: that word), numbered densely in order of
 * first appearance (texts in order, each text's bigrams from its start), with how many texts hold
 * each. Words are numbered first and a bigram is the pair of numbers, looked up in a table of typed
 * arrays: no string is built and no number boxed per bigram (on a thousand plans both showed as
 * garbage collection). The table and the counts are kept from call to call (a plan each), and
 * `frequency` is valid until the next call.
 */
function bigramSets(texts: Int32Array[]): { sets: Int32Array[]; frequency: Int32Array } {
    const pairs = bigrams.pairs;
    // Left by the last call: its counts, and the last text that counted each bigram (also when it
    // stopped on an exception before it set `counted`: then its table says how many it numbered).
    const left = Math.max(bigrams.counted, pairs.size);
    bigrams.frequency.fill(0, 0, left);
    bigrams.countedBy.fill(-1, 0, left);
    pairs.clear();
    let { frequency, countedBy, tokens } = bigrams;
    const sets: Int32Array[] = new Array(texts.length);
    for (let x = 0; x < texts.length; x++) {
        const words = texts[x];
        const n = words.length;
        if (tokens.length < n) {
            bigrams.tokens = tokens = new Int32Array(Math.max(n, 2 * tokens.length));
        }
        let count = 0;
        // A one-word text's token: the word paired with no word (-1), apart from every bigram.
        const last = n < 2 ? n : n - 1;
        for (let i = 0; i < last; i++) {
            const id = pairs.numberOf(words[i], n < 2 ? -1 : words[i + 1]);
            if (id >= frequency.length) {
                bigrams.frequency = frequency = grown(frequency, 0);
                bigrams.countedBy = countedBy = grown(countedBy, -1);
            }
            // A text counts each of its bigrams once.
            if (countedBy[id] !== x) {
                countedBy[id] = x;
                frequency[id]++;
                tokens[count++] = id;
            }
        }
        sets[x] = tokens.slice(0, count);
    }
    bigrams.counted = pairs.size;
    if (pairs.capacity > MAX_KEPT_BIGRAMS) {
        // Not kept after a plan of exceptional size.
        bigrams.pairs = new PairNumbers();
    }
    return { sets, frequency: frequency.subarray(0, bigrams.counted) };
}

/** Dense numbers for pairs of non-negative integers (the second may be -1), in order of first appearance: open addressing over typed arrays. */
class PairNumbers {
    private firsts = new Int32Array(1024);
    private seconds = new Int32Array(1024);
    private numbers = new Int32Array(1024).fill(-1);
    size = 0;

    get capacity(): number {
        return this.numbers.length;
    }

    /** No pair numbered, the table kept at its size. */
    clear(): void {
        if (this.size > 0) {
            this.numbers.fill(-1);
            this.size = 0;
        }
    }

    numberOf(a: number, b: number): number {
        let mask = this.numbers.length - 1;
        let slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & mask;
        for (;;) {
            const found = this.numbers[slot];
            if (found === -1) {
                break;
            }
            if (this.firsts[slot] === a && this.seconds[slot] === b) {
                return found;
            }
            slot = (slot + 1) & mask;
        }
        if (2 * (this.size + 1) > this.numbers.length) {
            this.grow();
            mask = this.numbers.length - 1;
            slot = (Math.imul(a, 0x9e3779b1) ^ Math.imul(b + 1, 0x85ebca6b)) & mask;
            while (this.numbers[slot] !== -1) {
                slot = (slot + 1) & mask;
            }
        }
        this.firsts[slot] = a;
        this.seconds[slot] = b;
        this.numbers[slot] = this.size;
        return this.size++;
    }

    private grow(): void {
        const { firsts, seconds, numbers } = this;
        this.firsts = new Int32Array(numbers.length * 2);
        this.seconds = new Int32Array(numbers.length * 2);
        this.numbers = new Int32Array(numbers.length * 2).fill(-1);
        const mask = this.numbers.length - 1;
        for (let old = 0; old < numbers.length; old++) {
            if (numbers[old] === -1) {
                continue;
            }
            let slot = (Math.imul(firsts[old], 0x9e3779b1) ^ Math.imul(seconds[old] + 1, 0x85ebca6b)) & mask;
            while (this.numbers[slot] !== -1) {
                slot = (slot + 1) & mask;
            }
            this.firsts[slot] = firsts[old];
            this.seconds[slot] = seconds[old];
            this.numbers[slot] = numbers[old];
        }
    }
}

/** Scratch for `bigramSets`: every plan's bigrams numbered in one table, cleared in between, rather than one grown per plan. */
const bigrams: { pairs: PairNumbers; frequency: Int32Array; countedBy: Int32Array; counted: number; tokens: Int32Array } = {
    pairs: new PairNumbers(),
    frequency: new Int32Array(1024),
    countedBy: new Int32Array(1024).fill(-1),
    /** The bigrams numbered by the last call, whose counts are to be cleared. */
    counted: 0,
    /** One text's tokens, before they are copied at their count. */
    tokens: new Int32Array(1024),
};

/** Slots of the bigram table kept for the next plan, at most. */
const MAX_KEPT_BIGRAMS = 1 << 20;

/**
 * For each text (in source order), the earliest text before it that it resembles, among those
 * `comparable` allows: Dice ≥ `similarity` on word bigrams.
 *
 * Texts are read in source order; each is looked up in the index of the texts before it through its
 * prefix tokens, whose posting lists are in source order too, merged lazily by a heap: the first
 * candidate that passes is the earliest, and the search stops there. Near-identical texts (a plan of
 * thousands of variants of one paragraph) then cost one comparison each instead of one per pair, which
 * made a 5 MB plan take minutes. Gives the texts by their place in `entries`.
 */
function* earliestSimilar<E extends { words: Int32Array }>(entries: E[], similarity: number, comparable: (a: E, b: E) => boolean): Generator<[number, number, number]> {
    const t = similarity / (2 - similarity);
    const eps = 1e-9;
    // Tokens as numbers, ranked rarest first.
    const { sets: raw, frequency } = bigramSets(entries.map(entry => entry.words));
    const tokenCount = frequency.length;
    const rank = rarityRanks(frequency);
    const sets = raw.map(tokens => {
        for (let k = 0; k < tokens.length; k++) {
            tokens[k] = rank[tokens[k]];
        }
        return tokens.sort();
    });
    // The texts whose prefix holds a token, in source order: those of token r are
    // postings[from[r], to[r]), filled as the texts are read. All lists in one array, placed by a
    // count of each token's texts first: a list per token was most of the rule's garbage.
    const prefixes = new Int32Array(entries.length);
    const from = new Int32Array(tokenCount + 1);
    for (let x = 0; x < entries.length; x++) {
        const n = sets[x].length;
        const prefix = n === 0 ? 0 : n - Math.max(1, Math.ceil(t * n - eps)) + 1;
        prefixes[x] = prefix;
        for (let p = 0; p < prefix; p++) {
            from[sets[x][p] + 1]++;
        }
    }
    for (let r = 0; r < tokenCount; r++) {
        from[r + 1] += from[r];
    }
    const to = from.slice(0, tokenCount);
    const postings = new Int32Array(from[tokenCount]);
    const heap = new CandidateHeap(postings);
    for (let x = 0; x < entries.length; x++) {
        const tx = sets[x];
        const n = tx.length;
        if (n === 0) {
            continue;
        }
        const prefix = prefixes[x];
        const minSize = t * n - eps;
        const maxSize = n / t + eps;
        heap.clear();
        for (let p = 0; p < prefix; p++) {
            const r = tx[p];
            if (to[r] > from[r]) {
                heap.push(from[r], to[r]);
            }
        }
        let last = -1;
        while (heap.size > 0) {
            const y = heap.popMin();
            if (y === last) {
                continue;
            }
            last = y;
            const m = sets[y].length;
            if (m < minSize || m > maxSize || !comparable(entries[y], entries[x])) {
                continue;
            }
            const dice = (2 * intersectionSize(tx, sets[y])) / (n + m);
            if (dice >= similarity - eps) {
                yield [x, y, dice];
                break;
            }
        }
        for (let p = 0; p < prefix; p++) {
            postings[to[tx[p]]++] = x;
        }
    }
}

/**
 * Each token's place in the order rarest first (by frequency, then by number): a counting sort on
 * frequency, which keeps the numbers' order within one frequency. Sorting a list of every token with
 * a comparison made the list, and the sort a copy of it, for every plan.
 */
function rarityRanks(frequency: Int32Array): Int32Array {
    let most = 0;
    for (let id = 0; id < frequency.length; id++) {
        most = Math.max(most, frequency[id]);
    }
    // next[f]: the place of the next token of frequency f (first, how many are rarer).
    const next = new Int32Array(most + 2);
    for (let id = 0; id < frequency.length; id++) {
        next[frequency[id] + 1]++;
    }
    for (let f = 1; f < next.length; f++) {
        next[f] += next[f - 1];
    }
    const rank = new Int32Array(frequency.length);
    for (let id = 0; id < frequency.length; id++) {
        rank[id] = next[frequency[id]]++;
    }
    return rank;
}

/**
 * Posting lists merged in ascending order: a binary heap of ranges [position, end) of one array of
 * lists, by the entry at their position.
 */
class CandidateHeap {
    private positions: Int32Array = new Int32Array(64);
    private ends: Int32Array = new Int32Array(64);
    size = 0;

    constructor(private readonly postings: Int32Array) {}

    clear(): void {
        this.size = 0;
    }

    /** A list, not empty. */
    push(position: number, end: number): void {
        if (this.size === this.positions.length) {
            this.positions = grown(this.positions);
            this.ends = grown(this.ends);
        }
        let i = this.size++;
        this.positions[i] = position;
        this.ends[i] = end;
        while (i > 0) {
            const parent = (i - 1) >> 1;
            if (this.head(parent) <= this.head(i)) {
                break;
            }
            this.swap(i, parent);
            i = parent;
        }
    }

    /** The least entry, and the list it came from moved on to its next one. */
    popMin(): number {
        const value = this.head(0);
        const next = this.positions[0] + 1;
        if (next < this.ends[0]) {
            this.positions[0] = next;
        } else {
            this.size--;
            if (this.size === 0) {
                return value;
            }
            this.positions[0] = this.positions[this.size];
            this.ends[0] = this.ends[this.size];
        }
        // Sift down.
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let least = i;
            if (left < this.size && this.head(left) < this.head(least)) {
                least = left;
            }
            if (right < this.size && this.head(right) < this.head(least)) {
                least = right;
            }
            if (least === i) {
                return value;
            }
            this.swap(i, least);
            i = least;
        }
    }

    private head(i: number): number {
        return this.postings[this.positions[i]];
    }

    private swap(a: number, b: number): void {
        const position = this.positions[a];
        const end = this.ends[a];
        this.positions[a] = this.positions[b];
        this.ends[a] = this.ends[b];
        this.positions[b] = position;
        this.ends[b] = end;
    }
}

/** Size of the intersection of two sorted sets. */
function intersectionSize(a: Int32Array, b: Int32Array): number {
    let i = 0;
    let j = 0;
    let shared = 0;
    while (i < a.length && j < b.length) {
        if (a[i] === b[j]) {
            shared++;
            i++;
            j++;
        } else if (a[i] < b[j]) {
            i++;
        } else {
            j++;
        }
    }
    return shared;
}

// ---------------------------------------------------------------------------------------------------
// Repetition inside one text.

interface Found {
    start: number;
    end: number;
    text: string;
    /** Where the sentence is first written. */
    first?: { start: number; end: number };
}

/**
 * Sentences (ending in ".", "!", "?" or ";") that occur a second time in the text, at the later one:
 * two sentences are the same when their normalized texts are. Only sentences with the same words
 * (numbered as `wordsOf` reads them) can be, so those are grouped by a hash of their words first and
 * normalized only when two meet: most texts repeat no sentence and normalize none.
 */
function repeatedSentences(text: string, words: TextWords): Found[] {
    const result: Found[] = [];
    // Sentences by the hash of their words; each sentence's normalized text made when two meet.
    const seen = new Map<number, Sentence[]>();
    let w = 0;
    for (let start = 0, pieces = 0; start < text.length; pieces++) {
        const end = sentenceEnd(text, start);
        if (pieces === 0 && end === text.length) {
            // One sentence: nothing to repeat.
            return result;
        }
        // Trim the blanks around the sentence.
        let s = start;
        let e = end;
        start = end;
        while (s < e && isBlank(text.charCodeAt(s))) s++;
        while (e > s && isBlank(text.charCodeAt(e - 1))) e--;
        // Words never straddle a piece's bounds (punctuation and blanks are not word characters).
        while (w < words.count && words.starts[w] < s) w++;
        let hash = 0;
        let count = 0;
        for (; w < words.count && words.ends[w] <= e; w++, count++) {
            hash = (Math.imul(hash, 0x01000193) ^ words.id[w]) | 0;
        }
        // Without word ids comparable across case (a letter whose lower case changes length), every sentence meets every other.
        const key = words.caseless ? Math.imul(hash, 31) + count : 0;
        const sentence: Sentence = { start: s, end: e, key: undefined };
        const earlier = seen.get(key);
        let first: Sentence | undefined;
        for (let k = 0; earlier !== undefined && k < earlier.length && !first; k++) {
            if (normalizedSentence(text, earlier[k]) === normalizedSentence(text, sentence)) {
                first = earlier[k];
            }
        }
        if (first) {
            const normal = normalizedSentence(text, sentence);
            if (normal.split(' ').length >= MIN_PHRASE_WORDS && normal.length >= MIN_PHRASE_CHARS) {
                result.push({ start: s, end: e, text: text.slice(s, e), first: { start: first.start, end: first.end } });
            }
        } else if (earlier) {
            earlier.push(sentence);
        } else {
            seen.set(key, [sentence]);
        }
    }
    return result;
}

/** A sentence of a text (blanks around it left out), and its normalized text once made. */
interface Sentence {
    start: number;
    end: number;
    key: string | undefined;
}

function normalizedSentence(text: string, sentence: Sentence): string {
    return sentence.key ??= normalizeText(text.slice(sentence.start, sentence.end));
}

/** Sentence punctuation followed by a blank (so "1.1" and "v.v." stay whole). */
const SENTENCE_END = /[.!?;]+(?=\s|$)/gu;

/** Where the sentence from `start` ends: after its punctuation, else at the text's end. Tested, not matched: no match made per sentence. */
function sentenceEnd(text: string, start: number): number {
    SENTENCE_END.lastIndex = start;
    return SENTENCE_END.test(text) ? SENTENCE_END.lastIndex : text.length;
}

interface FoundPhrase {
    /** From the start of the second copy to the end of the last. */
    start: number;
    end: number;
    phrase: string;
    times: number;
}

/** The last place of each word number met so far, -1 for none (see repeatedPhrases). */
let lastSeen = new Int32Array(1024).fill(-1);
/** The next place of the same word, for each word of the text being read (see repeatedPhrases). */
let nextSame = new Int32Array(1024);

/** The numbers of JOIN_WORDS (-1 for one not yet numbered), for the numbering they were read from and its size then. */
let joinNumbers = { ids: undefined as WordNumbers | undefined, size: -1, numbers: [] as number[] };

function joinWordNumbers(ids: WordNumbers): number[] {
    // Read again only when a word may have been numbered since.
    if (joinNumbers.ids !== ids || (joinNumbers.size !== ids.size && joinNumbers.numbers.includes(-1))) {
        joinNumbers = { ids, size: ids.size, numbers: JOIN_WORDS.map(w => ids.get(w) ?? -1) };
    }
    return joinNumbers.numbers;
}

/**
 * A run of at least MIN_PHRASE_WORDS words written again right after itself, possibly joined by one
 * of JOIN_WORDS ("… thành ủy cụ thể hoặc Nghị quyết này thành ủy cụ thể hoặc …").
 */
function repeatedPhrases(text: string, words: TextWords): FoundPhrase[] {
    const { count: n, id } = words;
    const joins = joinWordNumbers(words.ids);
    // The next place of the same word, read through a table by word number shared by every text
    // (a map per text grew with every word of every paragraph); only this text's entries are reset.
    if (lastSeen.length < words.ids.size) {
        lastSeen = new Int32Array(Math.max(words.ids.size, 2 * lastSeen.length)).fill(-1);
    }
    if (nextSame.length < n) {
        nextSame = new Int32Array(Math.max(n, 2 * nextSame.length));
    }
    for (let k = n - 1; k >= 0; k--) {
        nextSame[k] = lastSeen[id[k]];
        lastSeen[id[k]] = k;
    }
    for (let k = 0; k < n; k++) {
        lastSeen[id[k]] = -1;
    }
    const result: FoundPhrase[] = [];
    let i = 0;
    while (i < n) {
        let match: { length: number; gap: number } | undefined;
        // The shortest phrase first: "X hoặc X" is X joined by "hoặc", not "X hoặc" twice.
        for (let j = nextSame[i]; !match && j !== -1 && j - i <= MAX_PHRASE_WORDS + 1; j = nextSame[j]) {
            const length = j - i - 1;
            if (length >= MIN_PHRASE_WORDS && length <= MAX_PHRASE_WORDS && j + length <= n && joins.includes(id[i + length]) && sameWords(id, i, j, length)) {
                match = { length, gap: 1 };
            } else if (j - i >= MIN_PHRASE_WORDS && j - i <= MAX_PHRASE_WORDS && j + (j - i) <= n && sameWords(id, i, j, j - i)) {
                match = { length: j - i, gap: 0 };
            }
        }
        if (!match) {
            i++;
            continue;
        }
        const { length, gap } = match;
        const phrase = text.slice(words.starts[i], words.ends[i + length - 1]);
        if (normalizeText(phrase).replace(/ /g, '').length < MIN_PHRASE_CHARS) {
            i++;
            continue;
        }
        let times = 2;
        let last = i + length + gap;
        while (last + length + gap + length <= n && sameWords(id, i, last + length + gap, length)
            && sameWords(id, last + length, i + length, gap)) {
            last += length + gap;
            times++;
        }
        result.push({ start: words.starts[i + length + gap], end: words.ends[last + length - 1], phrase, times });
        i = last + length;
    }
    return result;
}

/** Whether the `count` words from a and from b are the same: two copies of a phrase, or the joining words after them ("hoặc" both times). */
function sameWords(id: Int32Array, a: number, b: number, count: number): boolean {
    for (let k = 0; k < count; k++) {
        if (id[a + k] !== id[b + k]) {
            return false;
        }
    }
    return true;
}
