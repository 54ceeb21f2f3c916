/**
 * The cross-references a node holds, read in place. Two rules look at every reference of every node;
 * `AstUtils.streamReferences` made a list of the node's keys, a stream, its iterator and an entry for
 * each reference, for every node of every plan, and most nodes hold none.
 */
import type { AstNode, Reference } from 'langium';
import { isReference } from 'langium';

/**
 * Calls `visit` with each (single) reference of a node's own properties, in the order of
 * `AstUtils.streamReferences` (a property's list in its order); `index` is the place in the list of a
 * reference held in a list.
 */
export function forEachReference(node: AstNode, visit: (node: AstNode, reference: Reference, property: string, index: number | undefined) => void): void {
    // An AST node is a plain object: `for … in` reads its own keys, in `Object.keys` order, without a list.
    for (const property in node) {
        if (property.startsWith('$')) {
            continue;
        }
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value)) {
            visit(node, value, property, undefined);
        } else if (Array.isArray(value)) {
            for (let index = 0; index < value.length; index++) {
                const item: unknown = value[index];
                if (isReference(item)) {
                    visit(node, item, property, index);
                }
            }
        }
    }
}
