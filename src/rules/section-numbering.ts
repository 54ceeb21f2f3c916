import type { AstNode } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isSection } from '../language/generated/ast.js';
import type { Fix, FixEdit, RelatedPlace } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import { StringMap } from '../language/string-map.js';
import { lineOf } from '../linter/support/drafting.js';
import type { ItemNumber } from '../semantics/numbering.js';
import { VIETNAMESE_LETTERS, leadingItemNumber, nextLabel, parseItemNumber, toRoman } from '../semantics/numbering.js';
import { labelOf } from '../semantics/structure.js';
import { propertyNode } from '../language/cst-property.js';

interface Options {
    numberedText: boolean;
}

interface Item {
    node: AstNode;
    number: ItemNumber;
    readonly range: Range | undefined;
}

/** An item whose range is found in the CST only when a finding needs it (most items are in order). */
function item(node: AstNode, number: ItemNumber, findRange: () => Range | undefined): Item {
    let range: Range | undefined | null = null;
    return {
        node, number,
        get range() {
            if (range === null) {
                range = findRange();
            }
            return range;
        },
    };
}

/**
 * The item as read with `number` (its own, or the alternative reading it takes in a sequence), its
 * range still found only when a finding needs it: a copy by spreading would call the getter, and
 * find the range of every item.
 */
function readAs(from: Item, number: ItemNumber): Item {
    return number === from.number ? from : { node: from.node, number, get range() { return from.range; } };
}

interface Sequence {
    prev: ItemNumber;
    /** Places the next number may take: after the previous one, or, after a wrong number, after the one it should have been. */
    expected: Set<number>;
    seen: Map<string, Item>;
    /** The items of this run of the sequence, in order, with the number each was read as. */
    items: Item[];
}

/** A finding waiting for its run to be complete, so that its fix can renumber the rest of the run. */
interface Pending {
    item: Item;
    message: string;
    sequence?: Sequence;
    /** For a dotted number under the wrong section: the number it should have. */
    expected?: string;
    /** Where a repeated number was first used. */
    related?: RelatedPlace;
}

/** The text of a member that may begin with an item number ("6. Nâng cao …"), by type. */
const TEXT_PROPERTY: Record<string, string> = {
    Task: 'text', Paragraph: 'text', Objective: 'text', Funding: 'text', Target: 'text', Report: 'title', Phase: 'title',
};

export default defineRule<Options>({
    meta: {
        id: 'section-numbering',
        category: 'drafting',
        defaultSeverity: 'warning',
        description: 'Số thứ tự các phần, mục không liên tục hoặc bị lặp / Sections are numbered out of order or twice',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                numberedText: {
                    type: 'boolean',
                    default: true,
                    description: 'Tính cả nhiệm vụ, đoạn văn, báo cáo có văn bản bắt đầu bằng số thứ tự ("6. Nâng cao …", "a) …") vào dãy số của các phần cùng cấp / Also count tasks, paragraphs and reports whose text starts with an item number ("6. …", "a) …") in the sequence of their sibling sections',
                },
            },
        },
        defaultOptions: { numberedText: true },
        recommended: true,
    },
    create(context) {
        const numberedText = context.options.numberedText !== false;
        const checkMembers = (container: AstNode & { members: AstNode[] }) => check(container, container.members);
        return {
            Plan: checkMembers,
            Document: checkMembers,
            Section: checkMembers,
            Task: checkMembers,
            Phase: checkMembers,
            Report: checkMembers,
            Annex: checkMembers,
            Article: checkMembers,
        };

        function check(container: AstNode, members: AstNode[] | undefined): void {
            if (!Array.isArray(members) || members.length < 2) {
                return;
            }
            const items = members.map(itemOf).filter((i): i is Item => i !== undefined);
            if (items.length === 0) {
                return;
            }
            const parentNumber = isSection(container) ? container.number ?? labelOf(container) : undefined;
            const parentPath = parentNumber ? numericPath(parseItemNumber(parentNumber)) : undefined;
            // One sequence per scheme; a scheme first seen later is nested in the earlier ones, so an
            // item of an earlier scheme restarts it ("1", "a", "b", "2", "a", …).
            const order: string[] = [];
            const sequences = new Map<string, Sequence>();
            const runs: Sequence[] = [];
            const pending: Pending[] = [];
            for (const item of items) {
                let n = item.number;
                if (n.alt) {
                    const altSequence = sequences.get(schemeKey(n.alt, parentPath));
                    const ownSequence = sequences.get(schemeKey(n, parentPath));
                    if (altSequence && (!ownSequence || follows(altSequence.prev, n.alt))) {
                        n = n.alt;
                    }
                }
                const read = readAs(item, n);
                const key = schemeKey(n, parentPath);
                if (!order.includes(key)) {
                    order.push(key);
                }
                for (const deeper of order.slice(order.indexOf(key) + 1)) {
                    sequences.delete(deeper);
                }
                if (n.kind === 'dotted' && parentPath !== undefined && n.prefix !== parentPath) {
                    const expected = `${parentPath}.${n.positions[0]}`;
                    pending.push({ item: read, expected, message: `Số "${n.label}" không khớp với số của phần chứa nó "${parentLabel(container)}": cần "${expected}" / Number "${n.label}" does not match its enclosing section "${parentLabel(container)}": expected "${expected}"` });
                }
                const canonical = canonicalOf(n);
                const sequence = sequences.get(key);
                if (!sequence) {
                    const run: Sequence = { prev: n, expected: successors(n.positions), seen: new Map([[canonical, read]]), items: [read] };
                    sequences.set(key, run);
                    runs.push(run);
                    continue;
                }
                const earlier = sequence.seen.get(canonical);
                const inPlace = !earlier && n.kind === sequence.prev.kind && n.positions.some(p => sequence.expected.has(p));
                sequence.items.push(read);
                if (earlier) {
                    const line = lineOf(earlier.node);
                    pending.push({
                        item: read, sequence,
                        message: `Số thứ tự "${n.label}" bị lặp: đã dùng ở dòng ${line} / Number "${n.label}" is used twice: already at line ${line}`,
                        related: { node: earlier.node, range: earlier.range, message: `Số "${earlier.number.label}" dùng lần đầu / Number "${earlier.number.label}" first used` },
                    });
                } else if (!inPlace) {
                    const expected = nextLabel(sequence.prev);
                    pending.push({ item: read, sequence, message: `Số thứ tự nhảy từ "${sequence.prev.label}" sang "${n.label}": cần "${expected}" / Numbering goes from "${sequence.prev.label}" to "${n.label}": expected "${expected}"` });
                }
                if (!earlier) {
                    sequence.seen.set(canonical, read);
                }
                // After a wrong number (I, I, III), the next may follow it or the number it stood for.
                sequence.expected = inPlace ? successors(n.positions) : new Set([...successors(n.positions), ...successors(sequence.expected)]);
                sequence.prev = n;
            }
            for (const run of runs) {
                const finding = alphabetFinding(run, pending);
                if (finding) {
                    pending.push(finding);
                }
            }
            for (const p of pending) {
                context.report({
                    node: p.item.node, range: p.item.range, message: p.message,
                    related: p.related ? [p.related] : undefined,
                    fixes: () => {
                        const fix = p.expected !== undefined ? renumber([{ item: p.item, label: p.expected }]) : p.sequence ? renumberRun(p.sequence, p.item) : undefined;
                        return fix ? [fix] : undefined;
                    },
                });
            }
        }

        /**
         * A run of letters numbered in Latin order: "đ" skipped (a, b, c, d, e) or a letter Vietnamese
         * numbering does not use (f, j, w, z). One finding per run, at its first such letter, unless
         * that item already has a finding (a jump or a repeat says enough).
         */
        function alphabetFinding(run: Sequence, pending: Pending[]): Pending | undefined {
            const letters = run.items.filter(i => i.number.kind === 'letter' || i.number.kind === 'letter-upper');
            if (letters.length < 2) {
                return undefined;
            }
            const latin = letters.filter(i => LATIN_ONLY.test(i.number.label));
            const first = letters.findIndex((item, k) => LATIN_ONLY.test(item.number.label)
                || (k > 0 && letters[k - 1].number.label.toLowerCase() === 'd' && item.number.label.toLowerCase() === 'e'));
            if (first < 1 || pending.some(p => p.item.node === letters[first].node)) {
                return undefined;
            }
            const item = letters[first];
            const prev = letters[first - 1].number.label;
            const label = item.number.label;
            const upper = item.number.kind === 'letter-upper';
            const expected = nextLabel(letters[first - 1].number);
            const order = (upper ? VIETNAMESE_LETTERS.map(l => l.toUpperCase()) : VIETNAMESE_LETTERS).slice(0, 10).join(', ');
            let message: string;
            if (latin.length > 0) {
                const written = letters.map(i => i.number.label).join(', ');
                message = latin[0] === item
                    ? `Chữ "${label}" không dùng để đánh số trong văn bản tiếng Việt (${order}, …): sau "${prev}" là "${expected}" / "${label}" is not a Vietnamese numbering letter (${order}, …): "${expected}" follows "${prev}"`
                    : `Các điểm được đánh số theo thứ tự chữ cái Latin (${written}): văn bản tiếng Việt đánh ${order}, … nên sau "${prev}" là "${expected}", không phải "${label}", và không dùng "${latin[0].number.label}" / The items follow the Latin alphabet (${written}): Vietnamese numbering is ${order}, …, so "${expected}" follows "${prev}", not "${label}", and "${latin[0].number.label}" is not used`;
            } else {
                message = `Thiếu "${expected}": theo thứ tự chữ cái tiếng Việt (${order}, …), sau "${prev}" là "${expected}", không phải "${label}" / "${expected}" is missing: in Vietnamese order (${order}, …) "${expected}" follows "${prev}", not "${label}"`;
            }
            const sequence: Sequence = { ...run, items: letters };
            return { item, message, sequence };
        }

        /**
         * Renumbers the run from the item reported to its end, each item following the one before:
         * I, II, II, IV → I, II, III, IV; 1, 2, 3, 5, 6 → …, 4, 5. Not preferred: the original may
         * really lack a part, or print one twice (a seed defect is kept, see README).
         */
        function renumberRun(sequence: Sequence, from: Item): Fix | undefined {
            const at = sequence.items.findIndex(i => i.node === from.node);
            if (at < 1) {
                return undefined;
            }
            const changes: Array<{ item: Item; label: string }> = [];
            const before = sequence.items[at - 1].number;
            let place: Place = { position: before.positions[0], letter: before.label.toLowerCase() };
            for (const item of sequence.items.slice(at)) {
                const next = following(item.number, place);
                if (!next) {
                    return undefined;
                }
                if (next.label !== item.number.label) {
                    changes.push({ item, label: next.label });
                }
                place = next.place;
            }
            return renumber(changes);
        }

        /** The edits that write each item's new number in place of the old one, where it stands. */
        function renumber(changes: Array<{ item: Item; label: string }>): Fix | undefined {
            const text = context.document.textDocument;
            const edits: FixEdit[] = [];
            for (const { item, label } of changes) {
                if (!item.range) {
                    return undefined;
                }
                const written = text.getText(item.range);
                const escaped = item.number.label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
                // Numbers and letters read the same in NFC and NFD; a letter followed by a combining mark is another letter.
                const found = new RegExp(`(?<![\\p{L}\\p{N}])${escaped}(?![\\p{L}\\p{M}\\p{N}])`, 'u').exec(written);
                if (!found) {
                    return undefined;
                }
                const start = text.offsetAt(item.range.start) + found.index;
                edits.push({ range: { start: text.positionAt(start), end: text.positionAt(start + found[0].length) }, newText: label });
            }
            if (edits.length === 0) {
                return undefined;
            }
            const shown = changes.slice(0, 3).map(c => `${c.item.number.label} → ${c.label}`).join(', ') + (changes.length > 3 ? ', …' : '');
            return { title: `Đánh số lại: ${shown} / Renumber: ${shown}`, edits };
        }

        function itemOf(node: AstNode): Item | undefined {
            if (isSection(node) && node.number) {
                const number = parseItemNumber(node.number);
                return number ? item(node, number, () => propertyNode(node.$cstNode, 'number')?.range) : undefined;
            }
            // The printed label of an item ("[6.]", "[đ)]"); a bullet ("[-]") has no number.
            const label = labelOf(node);
            if (label !== undefined) {
                const number = parseItemNumber(label);
                return number ? item(node, number, () => propertyNode(node.$cstNode, 'label')?.range) : undefined;
            }
            const property = TEXT_PROPERTY[node.$type];
            if (!numberedText || !property) {
                return undefined;
            }
            const text = (node as unknown as Record<string, unknown>)[property];
            const leading = typeof text === 'string' ? leadingItemNumber(text) : undefined;
            if (!leading) {
                return undefined;
            }
            return item(node, leading.number, () => StringMap.of(context.document, node, property)?.range(leading.start, leading.end)
                ?? propertyNode(node.$cstNode, property)?.range);
        }
    },
});

/**
 * The sequence a number belongs to: its word ("Điều"), its kind and, for dotted numbers, its depth;
 * a dotted number under an unnumbered parent also by its prefix (1.1, 1.2, 2.1, 2.2 side by side).
 */
function schemeKey(n: ItemNumber, parentPath: string | undefined): string {
    const base = `${n.word}|${n.kind}`;
    if (n.kind !== 'dotted') {
        return base;
    }
    return parentPath === undefined ? `${base}|${n.depth}|${n.prefix}` : `${base}|${n.depth}`;
}

/** Where a renumbering has got to: the last position written, and for letters the last letter. */
interface Place {
    position: number;
    letter: string;
}

/** Letters of the Latin alphabet that Vietnamese numbering does not use. */
const LATIN_ONLY = /^[fjwz]$/iu;

/**
 * The number after `place` in the scheme of `n`, written the way `n` is (Roman in its case, leading
 * zeros kept, letters in Vietnamese order: a, b, c, d, đ, e, g, …).
 */
function following(n: ItemNumber, place: Place): { label: string; place: Place } | undefined {
    const position = place.position + 1;
    switch (n.kind) {
        case 'roman':
            return { label: toRoman(position), place: { position, letter: '' } };
        case 'roman-lower':
            return { label: toRoman(position).toLowerCase(), place: { position, letter: '' } };
        case 'arabic': {
            const label = String(position);
            return { label: n.label.startsWith('0') ? label.padStart(n.label.length, '0') : label, place: { position, letter: '' } };
        }
        case 'dotted':
            return { label: `${n.prefix}.${position}`, place: { position, letter: '' } };
        case 'letter':
        case 'letter-upper': {
            const at = VIETNAMESE_LETTERS.indexOf(place.letter);
            const next = at < 0 ? undefined : VIETNAMESE_LETTERS[at + 1];
            return next === undefined ? undefined : { label: n.kind === 'letter-upper' ? next.toUpperCase() : next, place: { position, letter: next } };
        }
    }
}

function canonicalOf(n: ItemNumber): string {
    if (n.kind === 'letter' || n.kind === 'letter-upper') {
        return n.label.toLowerCase();
    }
    return n.kind === 'dotted' ? `${n.prefix}.${n.positions[0]}` : String(n.positions[0]);
}

function successors(positions: Iterable<number>): Set<number> {
    return new Set([...positions].map(p => p + 1));
}

/** Whether `n` comes right after `prev` (in either letter order: d → đ and d → e are both fine). */
function follows(prev: ItemNumber, n: ItemNumber): boolean {
    return prev.kind === n.kind && n.positions.some(j => prev.positions.some(p => j === p + 1));
}

/** "2" for a section numbered "2", "II" or "2." and "2.1" for "2.1": what its dotted children start with. */
function numericPath(n: ItemNumber | undefined): string | undefined {
    if (!n) {
        return undefined;
    }
    switch (n.kind) {
        case 'arabic':
        case 'roman':
            return String(n.positions[0]);
        case 'dotted':
            return `${n.prefix}.${n.positions[0]}`;
        default:
            return undefined;
    }
}

function parentLabel(container: AstNode): string {
    return isSection(container) ? container.number ?? labelOf(container) ?? '' : '';
}
