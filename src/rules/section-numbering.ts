import type { AstNode } from 'langium';
import { GrammarUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import { isSection } from '../language/generated/ast.js';
import type { RelatedPlace } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import { StringMap } from '../language/string-map.js';
import { lineOf } from '../linter/support/drafting.js';
import type { ItemNumber } from '../semantics/numbering.js';
import { leadingItemNumber, nextLabel, parseItemNumber } from '../semantics/numbering.js';
import { labelOf } from '../semantics/structure.js';

interface Options {
    numberedText: boolean;
}

interface Item {
    node: AstNode;
    number: ItemNumber;
    range: Range | undefined;
}

interface Sequence {
    prev: ItemNumber;
    /** Places the next number may take: after the previous one, or, after a wrong number, after the one it should have been. */
    expected: Set<number>;
    seen: Map<string, Item>;
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
            for (const item of items) {
                let n = item.number;
                if (n.alt) {
                    const altSequence = sequences.get(schemeKey(n.alt, parentPath));
                    const ownSequence = sequences.get(schemeKey(n, parentPath));
                    if (altSequence && (!ownSequence || follows(altSequence.prev, n.alt))) {
                        n = n.alt;
                    }
                }
                const key = schemeKey(n, parentPath);
                if (!order.includes(key)) {
                    order.push(key);
                }
                for (const deeper of order.slice(order.indexOf(key) + 1)) {
                    sequences.delete(deeper);
                }
                if (n.kind === 'dotted' && parentPath !== undefined && n.prefix !== parentPath) {
                    const expected = `${parentPath}.${n.positions[0]}`;
                    report(item, `Số "${n.label}" không khớp với số của phần chứa nó "${parentLabel(container)}": cần "${expected}" / Number "${n.label}" does not match its enclosing section "${parentLabel(container)}": expected "${expected}"`);
                }
                const canonical = canonicalOf(n);
                const sequence = sequences.get(key);
                if (!sequence) {
                    sequences.set(key, { prev: n, expected: successors(n.positions), seen: new Map([[canonical, { ...item, number: n }]]) });
                    continue;
                }
                const earlier = sequence.seen.get(canonical);
                const inPlace = !earlier && n.kind === sequence.prev.kind && n.positions.some(p => sequence.expected.has(p));
                if (earlier) {
                    const line = lineOf(earlier.node);
                    report(item, `Số thứ tự "${n.label}" bị lặp: đã dùng ở dòng ${line} / Number "${n.label}" is used twice: already at line ${line}`,
                        { node: earlier.node, range: earlier.range, message: `Số "${earlier.number.label}" dùng lần đầu / Number "${earlier.number.label}" first used` });
                } else if (!inPlace) {
                    const expected = nextLabel(sequence.prev);
                    report(item, `Số thứ tự nhảy từ "${sequence.prev.label}" sang "${n.label}": cần "${expected}" / Numbering goes from "${sequence.prev.label}" to "${n.label}": expected "${expected}"`);
                }
                if (!earlier) {
                    sequence.seen.set(canonical, { ...item, number: n });
                }
                // After a wrong number (I, I, III), the next may follow it or the number it stood for.
                sequence.expected = inPlace ? successors(n.positions) : new Set([...successors(n.positions), ...successors(sequence.expected)]);
                sequence.prev = n;
            }
        }

        function report(item: Item, message: string, related?: RelatedPlace): void {
            context.report({ node: item.node, range: item.range, message, related: related ? [related] : undefined });
        }

        function itemOf(node: AstNode): Item | undefined {
            if (isSection(node) && node.number) {
                const number = parseItemNumber(node.number);
                return number ? { node, number, range: GrammarUtils.findNodeForProperty(node.$cstNode, 'number')?.range } : undefined;
            }
            // The printed label of an item ("[6.]", "[đ)]"); a bullet ("[-]") has no number.
            const label = labelOf(node);
            if (label !== undefined) {
                const number = parseItemNumber(label);
                return number ? { node, number, range: GrammarUtils.findNodeForProperty(node.$cstNode, 'label')?.range } : undefined;
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
            const range = StringMap.of(context.document, node, property)?.range(leading.start, leading.end)
                ?? GrammarUtils.findNodeForProperty(node.$cstNode, property)?.range;
            return { node, number: leading.number, range };
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
