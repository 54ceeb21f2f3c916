import { AstUtils, GrammarUtils } from 'langium';
import type { Document, Funding, Objective, Paragraph, Plan, Task } from '../language/generated/ast.js';
import { isFunding, isObjective, isParagraph, isTask } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { StringMap } from '../language/string-map.js';
import { comparableText, lineOf, normalizeText, wordCharacterAt } from '../linter/support/drafting.js';
import { effectiveLeads } from '../semantics/responsibility.js';

interface Options {
    minLength: number;
    similarity: number;
}

type TextNode = Task | Paragraph | Objective | Funding;

interface Entry {
    node: TextNode;
    /** Source order within the plan. */
    order: number;
    text: string;
    /** For a task, its lead units: the same duty given to different bodies is not a repetition. */
    leads?: string;
}

/** A repeated phrase must have at least this many words (and MIN_PHRASE_CHARS letters)… */
const MIN_PHRASE_WORDS = 4;
const MIN_PHRASE_CHARS = 15;
const MAX_PHRASE_WORDS = 60;
/** …and its copies may be joined by one of these words ("X hoặc X"); "X và chưa X" is a contrast. */
const JOIN_WORDS = new Set(['hoặc', 'và', 'hay', 'or', 'and']);

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
            const entries: Entry[] = [];
            for (const node of AstUtils.streamAllContents(owner)) {
                if ((isTask(node) || isParagraph(node) || isObjective(node) || isFunding(node)) && typeof node.text === 'string') {
                    checkWithin(node);
                    const text = comparableText(node.text);
                    if (text.length >= minLength) {
                        const leads = isTask(node) ? effectiveLeads(node).map(r => r.$refText).sort().join(',') : undefined;
                        entries.push({ node, order: entries.length, text, leads });
                    }
                }
            }
            // Exact duplicates: one map lookup each.
            const byText = new Map<string, Entry[]>();
            const reported = new Set<Entry>();
            for (const entry of entries) {
                const earlier = byText.get(entry.text);
                const first = earlier?.find(e => comparable(e, entry));
                if (first) {
                    reported.add(entry);
                    const line = lineOf(first.node);
                    const [vi, en] = KIND[first.node.$type];
                    report(entry.node, `Nội dung trùng nguyên văn với ${vi} ở dòng ${line} / Same text as the ${en} at line ${line}`,
                        first.node, `${capitalize(vi)} có cùng nội dung / The ${en} with the same text`);
                }
                if (earlier) {
                    earlier.push(entry);
                } else {
                    byText.set(entry.text, [entry]);
                }
            }
            if (similarity >= 1) {
                return;
            }
            // Near duplicates among the distinct texts (copies are reported above); the later text
            // names the earliest one it resembles.
            const partners = new Map<Entry, { entry: Entry; score: number }>();
            for (const [later, earlier, score] of earliestSimilar([...byText.values()].map(copies => copies[0]), similarity, comparable)) {
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
            return GrammarUtils.findNodeForProperty(node.$cstNode, 'text')?.range;
        }

        /** A sentence given twice in one text, or a phrase written several times in a row. */
        function checkWithin(node: TextNode): void {
            const text = node.text;
            if (text.length < MIN_PHRASE_CHARS * 2) {
                return;
            }
            let map: StringMap | undefined | null = null;
            const rangeOf = (start: number, end: number) => {
                if (map === null) {
                    map = StringMap.of(context.document, node, 'text');
                }
                return map?.range(start, end) ?? GrammarUtils.findNodeForProperty(node.$cstNode, 'text')?.range;
            };
            const reported: Array<[number, number]> = [];
            for (const found of repeatedSentences(text)) {
                reported.push([found.start, found.end]);
                const first = found.first ? rangeOf(found.first.start, found.first.end) : undefined;
                context.report({
                    node,
                    range: rangeOf(found.start, found.end),
                    message: `Câu "${snippet(found.text)}" lặp lại trong cùng ${KIND[node.$type][0]} / The sentence "${snippet(found.text)}" is repeated within this ${KIND[node.$type][1]}`,
                    related: first ? [{ node, range: first, message: 'Câu này ở lần viết đầu / The sentence where it is first written' }] : undefined,
                });
            }
            for (const found of repeatedPhrases(text)) {
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
 * Whether two texts may count as repetitions: not two tasks led by different bodies. Plans give each
 * body its own copy of a shared duty (seed 002 gives the provincial military command and the border
 * guard the same sentence on Nghị định 03/2019/NĐ-CP, each cooperating with the other).
 */
function comparable(a: Entry, b: Entry): boolean {
    return a.leads === undefined || b.leads === undefined || a.leads === b.leads;
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
 * The distinct word bigrams of each text (a text of one word: that word), as numbers: words are
 * numbered first, then a bigram is the pair of numbers, so no string is built per bigram.
 */
function bigramSets(texts: string[]): number[][] {
    const wordIds = new Map<string, number>();
    const numbered = texts.map(text => {
        const words = text.split(' ').filter(w => w !== '');
        return Int32Array.from(words, word => {
            let value = wordIds.get(word);
            if (value === undefined) {
                value = wordIds.size;
                wordIds.set(word, value);
            }
            return value;
        });
    });
    const w = wordIds.size;
    return numbered.map(words => {
        if (words.length < 2) {
            // Unigrams above every bigram number.
            return Array.from(words, word => w * w + word);
        }
        const result = new Set<number>();
        for (let i = 0; i + 1 < words.length; i++) {
            result.add(words[i] * w + words[i + 1]);
        }
        return [...result];
    });
}

/**
 * For each text (in source order), the earliest text before it that it resembles, among those
 * `comparable` allows: Dice ≥ `similarity` on word bigrams.
 *
 * Texts are read in source order; each is looked up in the index of the texts before it through its
 * prefix tokens, whose posting lists are in source order too, merged lazily by a heap: the first
 * candidate that passes is the earliest, and the search stops there. Near-identical texts (a plan of
 * thousands of variants of one paragraph) then cost one comparison each instead of one per pair, which
 * made a 5 MB plan take minutes.
 */
function* earliestSimilar<E extends { text: string }>(entries: E[], similarity: number, comparable: (a: E, b: E) => boolean): Generator<[E, E, number]> {
    const t = similarity / (2 - similarity);
    const eps = 1e-9;
    // Tokens as numbers, ranked rarest first.
    const ids = new Map<number, number>();
    const frequency: number[] = [];
    const raw = bigramSets(entries.map(entry => entry.text)).map(tokens => tokens.map(token => {
        let id = ids.get(token);
        if (id === undefined) {
            id = frequency.length;
            ids.set(token, id);
            frequency.push(0);
        }
        frequency[id]++;
        return id;
    }));
    const byRarity = frequency.map((_, id) => id).sort((a, b) => frequency[a] - frequency[b] || a - b);
    const rank = new Int32Array(frequency.length);
    byRarity.forEach((id, r) => { rank[id] = r; });
    const sets = raw.map(tokens => Int32Array.from(tokens, id => rank[id]).sort());
    // The texts whose prefix holds a token, in source order.
    const postings: number[][] = Array.from({ length: frequency.length }, () => []);
    const heap = new CandidateHeap();
    for (let x = 0; x < entries.length; x++) {
        const tx = sets[x];
        const n = tx.length;
        if (n === 0) {
            continue;
        }
        const prefix = n - Math.max(1, Math.ceil(t * n - eps)) + 1;
        const minSize = t * n - eps;
        const maxSize = n / t + eps;
        heap.clear();
        for (let p = 0; p < prefix; p++) {
            if (postings[tx[p]].length > 0) {
                heap.push(postings[tx[p]], 0);
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
                yield [entries[x], entries[y], dice];
                break;
            }
        }
        for (let p = 0; p < prefix; p++) {
            postings[tx[p]].push(x);
        }
    }
}

/** Posting lists merged in ascending order: a binary heap of (list, position) by the entry there. */
class CandidateHeap {
    private lists: number[][] = [];
    private positions: number[] = [];

    get size(): number {
        return this.lists.length;
    }

    clear(): void {
        this.lists.length = 0;
        this.positions.length = 0;
    }

    push(list: number[], position: number): void {
        this.lists.push(list);
        this.positions.push(position);
        let i = this.lists.length - 1;
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
        const list = this.lists[0];
        const next = this.positions[0] + 1;
        if (next < list.length) {
            this.positions[0] = next;
        } else {
            const lastList = this.lists.pop()!;
            const lastPosition = this.positions.pop()!;
            if (this.lists.length === 0) {
                return value;
            }
            this.lists[0] = lastList;
            this.positions[0] = lastPosition;
        }
        // Sift down.
        let i = 0;
        for (;;) {
            const left = 2 * i + 1;
            const right = left + 1;
            let least = i;
            if (left < this.lists.length && this.head(left) < this.head(least)) {
                least = left;
            }
            if (right < this.lists.length && this.head(right) < this.head(least)) {
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
        return this.lists[i][this.positions[i]];
    }

    private swap(a: number, b: number): void {
        [this.lists[a], this.lists[b]] = [this.lists[b], this.lists[a]];
        [this.positions[a], this.positions[b]] = [this.positions[b], this.positions[a]];
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

/** Sentences (ending in ".", "!", "?" or ";") that occur a second time in the text, at the later one. */
function repeatedSentences(text: string): Found[] {
    const result: Found[] = [];
    const seen = new Map<string, { start: number; end: number }>();
    const pieces: Array<{ start: number; end: number }> = [];
    // Split at sentence punctuation followed by a blank (so "1.1" and "v.v." stay whole).
    let start = 0;
    const boundary = /[.!?;]+(?=\s|$)/gu;
    for (let m = boundary.exec(text); m; m = boundary.exec(text)) {
        pieces.push({ start, end: m.index + m[0].length });
        start = m.index + m[0].length;
    }
    if (start < text.length) {
        pieces.push({ start, end: text.length });
    }
    if (pieces.length < 2) {
        return result;
    }
    for (const piece of pieces) {
        // Trim the blanks around the sentence.
        let s = piece.start;
        let e = piece.end;
        while (s < e && /\s/.test(text[s])) s++;
        while (e > s && /\s/.test(text[e - 1])) e--;
        const raw = text.slice(s, e);
        const key = normalizeText(raw);
        if (key.split(' ').length < MIN_PHRASE_WORDS || key.length < MIN_PHRASE_CHARS) {
            continue;
        }
        const first = seen.get(key);
        if (first) {
            result.push({ start: s, end: e, text: raw, first });
        } else {
            seen.set(key, { start: s, end: e });
        }
    }
    return result;
}

interface FoundPhrase {
    /** From the start of the second copy to the end of the last. */
    start: number;
    end: number;
    phrase: string;
    times: number;
}

/**
 * A run of at least MIN_PHRASE_WORDS words written again right after itself, possibly joined by one
 * of JOIN_WORDS ("… thành ủy cụ thể hoặc Nghị quyết này thành ủy cụ thể hoặc …").
 */
function repeatedPhrases(text: string): FoundPhrase[] {
    // Words (runs of letters, marks and digits) as numbers, with where they stand: parallel arrays,
    // not an object per word.
    const starts: number[] = [];
    const ends: number[] = [];
    const idList: number[] = [];
    const ids = new Map<string, number>();
    // The AST holds NFC text; lower case keeps the offsets unless a letter changes length (rare).
    const lower = text.toLowerCase();
    const scanned = lower.length === text.length ? lower : text;
    for (let i = 0; i < scanned.length;) {
        let width = wordCharacterAt(scanned, i);
        if (width === 0) {
            i += scanned.charCodeAt(i) >= 0xd800 && scanned.charCodeAt(i) <= 0xdbff && (scanned.codePointAt(i) ?? 0) > 0xffff ? 2 : 1;
            continue;
        }
        const start = i;
        while (width > 0) {
            i += width;
            width = i < scanned.length ? wordCharacterAt(scanned, i) : 0;
        }
        const word = scanned === lower ? scanned.slice(start, i) : scanned.slice(start, i).toLowerCase();
        let value = ids.get(word);
        if (value === undefined) {
            value = ids.size;
            ids.set(word, value);
        }
        starts.push(start);
        ends.push(i);
        idList.push(value);
    }
    const n = idList.length;
    const id = Int32Array.from(idList);
    const words = { start: starts, end: ends };
    const nextSame = new Int32Array(n).fill(-1);
    const lastSeen = new Map<number, number>();
    for (let k = n - 1; k >= 0; k--) {
        nextSame[k] = lastSeen.get(id[k]) ?? -1;
        lastSeen.set(id[k], k);
    }
    const joins = new Set([...JOIN_WORDS].map(w => ids.get(w)).filter((v): v is number => v !== undefined));
    const same = (a: number, b: number, length: number) => {
        for (let k = 0; k < length; k++) {
            if (id[a + k] !== id[b + k]) {
                return false;
            }
        }
        return true;
    };
    const result: FoundPhrase[] = [];
    let i = 0;
    while (i < n) {
        let match: { length: number; gap: number } | undefined;
        // The shortest phrase first: "X hoặc X" is X joined by "hoặc", not "X hoặc" twice.
        for (let j = nextSame[i]; !match && j !== -1 && j - i <= MAX_PHRASE_WORDS + 1; j = nextSame[j]) {
            const length = j - i - 1;
            if (length >= MIN_PHRASE_WORDS && length <= MAX_PHRASE_WORDS && j + length <= n && joins.has(id[i + length]) && same(i, j, length)) {
                match = { length, gap: 1 };
            } else if (j - i >= MIN_PHRASE_WORDS && j - i <= MAX_PHRASE_WORDS && j + (j - i) <= n && same(i, j, j - i)) {
                match = { length: j - i, gap: 0 };
            }
        }
        if (!match) {
            i++;
            continue;
        }
        const { length, gap } = match;
        const phrase = text.slice(words.start[i], words.end[i + length - 1]);
        if (normalizeText(phrase).replace(/ /g, '').length < MIN_PHRASE_CHARS) {
            i++;
            continue;
        }
        let times = 2;
        let last = i + length + gap;
        while (last + length + gap + length <= n && same(i, last + length + gap, length)
            && sameWords(id, last + length, i + length, gap)) {
            last += length + gap;
            times++;
        }
        result.push({ start: words.start[i + length + gap], end: words.end[last + length - 1], phrase, times });
        i = last + length;
    }
    return result;
}

/** Whether the joining words after two copies are the same ("hoặc" both times). */
function sameWords(id: Int32Array, a: number, b: number, count: number): boolean {
    for (let k = 0; k < count; k++) {
        if (id[a + k] !== id[b + k]) {
            return false;
        }
    }
    return true;
}
