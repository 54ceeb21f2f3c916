import type { AstNode, Mutable, ReferenceInfo } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck, isAstNode, isMultiReference, isReference } from 'langium';

/**
 * One walk of a parsed AST, shared by everything that reads all of it: its nodes in the order of
 * `AstUtils.streamAllContents` (the root not included), each node's depth below the root, and its
 * cross-references in the order Langium's linker meets them (`streamAst`, then `streamReferences` of
 * each node). Langium's linker, its reference indexing and its local-symbol scan each walked the AST
 * with an iterator and an `Object.keys` array per node, and the rules walked it once more: four walks
 * of every plan on every build. An AST is never changed once parsed (an edit parses a new one), so the
 * walk lives as long as its AST does.
 */
export interface AstWalk {
    nodes: AstNode[];
    depths: Int32Array;
    references: ReferenceInfo[];
    /** The references by the node that holds them (only nodes holding some). */
    referencesBy: Map<AstNode, ReferenceInfo[]>;
}

const NO_REFERENCES: readonly ReferenceInfo[] = [];

/** The cross-references a node holds in its own properties, in `AstUtils.streamReferences` order. */
export function referencesOf(node: AstNode): readonly ReferenceInfo[] {
    return walkOf(AstUtils.findRootNode(node)).referencesBy.get(node) ?? NO_REFERENCES;
}

const walks = new WeakMap<AstNode, AstWalk>();

export function walkOf(root: AstNode): AstWalk {
    let walked = walks.get(root);
    if (!walked) {
        walked = walk(root, false);
        walks.set(root, walked);
    }
    return walked;
}

/**
 * Sets every node's `$container`, `$containerProperty` and `$containerIndex` as Langium's
 * `linkContentToContainer` does after a parse, in the same walk that `walkOf` then answers with:
 * the parser's own linking (an `Object.entries` array per node) was a tenth of each parse.
 */
export function linkContainersAndWalk(root: AstNode): void {
    walks.set(root, walk(root, true));
}

function walk(root: AstNode, link: boolean): AstWalk {
    const nodes: AstNode[] = [];
    const depthList: number[] = [];
    const references: ReferenceInfo[] = [];
    const referencesBy = new Map<AstNode, ReferenceInfo[]>();
    // Pre-order with an explicit stack (no recursion limit on deep input): a node's references are
    // listed when it is visited, before those of its children, as the linker met them.
    const stack: AstNode[] = [root];
    const stackDepths: number[] = [-1];
    const children: AstNode[] = [];
    while (stack.length > 0) {
        const node = stack.pop()!;
        const depth = stackDepths.pop()!;
        if (node !== root) {
            nodes.push(node);
            depthList.push(depth);
        }
        children.length = 0;
        const held = references.length;
        const record = node as unknown as Record<string, unknown>;
        // for…in, not Object.keys: no array per node. An AST node is a plain object: its own keys only.
        for (const property in record) {
            if (property.charCodeAt(0) === 36 /* $ */) {
                continue;
            }
            const value = record[property];
            if (typeof value !== 'object' || value === null) {
                continue;
            }
            if (Array.isArray(value)) {
                for (let index = 0; index < value.length; index++) {
                    const item: unknown = value[index];
                    if (isAstNode(item)) {
                        if (link) {
                            const child = item as Mutable<AstNode>;
                            child.$container = node;
                            child.$containerProperty = property;
                            child.$containerIndex = index;
                        }
                        children.push(item);
                    } else if (isReference(item) || isMultiReference(item)) {
                        references.push({ reference: item, container: node, property, index });
                    }
                }
            } else if (isAstNode(value)) {
                if (link) {
                    const child = value as Mutable<AstNode>;
                    child.$container = node;
                    child.$containerProperty = property;
                }
                children.push(value);
            } else if (isReference(value) || isMultiReference(value)) {
                references.push({ reference: value, container: node, property });
            }
        }
        if (references.length > held) {
            referencesBy.set(node, references.slice(held));
        }
        for (let k = children.length - 1; k >= 0; k--) {
            stack.push(children[k]);
            stackDepths.push(depth + 1);
        }
    }
    return { nodes, depths: Int32Array.from(depthList), references, referencesBy };
}

/** Steps between two checks for a newer edit: often enough to stop a stale build within milliseconds. */
const STEPS_BETWEEN_CHECKS = 256;

/** Calls `each` on every item, checking `cancelToken` every few hundred (never, when it cannot be cancelled). */
export async function forEachInterruptible<T>(items: readonly T[], cancelToken: Cancellation.CancellationToken, each: (item: T) => void): Promise<void> {
    const interruptible = cancelToken !== Cancellation.CancellationToken.None;
    for (let k = 0; k < items.length; k++) {
        if (interruptible && k % STEPS_BETWEEN_CHECKS === 0) {
            await interruptAndCheck(cancelToken);
        }
        each(items[k]);
    }
}
