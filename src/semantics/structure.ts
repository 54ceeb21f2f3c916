/**
 * The structure of a plan as printed: item labels ("[1.]", "[a)]"), section numbers, and the path of
 * numbers that addresses an item ("điểm b khoản 2 mục V" is ["V", "2", "b"]).
 */
import type { AstNode, CstNode } from 'langium';
import { AstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Document, Plan } from '../language/generated/ast.js';
import { isAnnex, isDocument, isPlan, isSection } from '../language/generated/ast.js';
import { propertyNode } from '../language/cst-property.js';

/** The label of an item as printed, without its brackets ("1.", "a)", "-"); undefined when it has none. */
export function labelOf(node: AstNode): string | undefined {
    const label = (node as { label?: unknown }).label;
    return typeof label === 'string' ? label.replace(/^\[|\]$/g, '').trim() : undefined;
}

/** A number or label without its punctuation ("1." → "1", "a)" → "a", "IV." → "IV"); undefined for a bullet. */
export function bareNumber(text: string | undefined): string | undefined {
    if (text === undefined) {
        return undefined;
    }
    const bare = text.normalize('NFC').trim().replace(/^\(/, '').replace(/[\s.)\-–:]+$/u, '');
    return bare === '' || /^[-–—•+*]+$/u.test(bare) ? undefined : bare;
}

/** The number of a section or item: its `phần "III"` number, else its label. */
export function numberOf(node: AstNode): string | undefined {
    if (isSection(node) || isAnnex(node)) {
        return node.number ?? bareNumber(labelOf(node));
    }
    return bareNumber(labelOf(node));
}

/**
 * The numbers that address a node: those of the enclosing sections and items, outermost first,
 * then its own ("điểm b khoản 2 mục V" → ["V", "2", "b"]). Unnumbered levels are skipped.
 */
export function itemPath(node: AstNode): string[] {
    const path: string[] = [];
    for (let current: AstNode | undefined = node; current; current = current.$container) {
        const n = numberOf(current);
        if (n !== undefined) {
            path.unshift(n);
        }
    }
    return path;
}

/** 1-based line of a node, for messages. */
export function lineOf(node: AstNode): number {
    return (node.$cstNode?.range.start.line ?? 0) + 1;
}

/** Range from the start of a node to the end of one of its properties (a task's keyword to its text). */
export function headerRange(node: AstNode, lastProperty: string): Range | undefined {
    const start = node.$cstNode?.range.start;
    const end = findProperty(node, lastProperty)?.range.end;
    return start && end ? { start, end } : node.$cstNode?.range;
}

function findProperty(node: AstNode, property: string): CstNode | undefined {
    return propertyNode(node.$cstNode, property);
}

/** The plan or document that holds a node (the node itself when it is one). */
export function ownerOf(node: AstNode): Plan | Document | undefined {
    return AstUtils.getContainerOfType(node, isOwner);
}

/** Made once, not at each call: rules ask `ownerOf` of most nodes. */
const isOwner = (node: AstNode): node is Plan | Document => isPlan(node) || isDocument(node);
