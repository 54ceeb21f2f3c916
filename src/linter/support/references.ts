/**
 * The cross-references a node holds, as the shared walk of its AST found them (`referencesOf`). Two
 * rules look at every reference of every node; `AstUtils.streamReferences` made a list of the node's
 * keys, a stream, its iterator and an entry for each reference, for every node of every plan, and
 * most nodes hold none.
 */
import type { AstNode, Reference } from 'langium';
import { isReference } from 'langium';
import { referencesOf } from '../../language/ast-walk.js';

/**
 * Calls `visit` with each (single) reference of a node's own properties, in the order of
 * `AstUtils.streamReferences` (a property's list in its order); `index` is the place in the list of a
 * reference held in a list.
 */
export function forEachReference(node: AstNode, visit: (node: AstNode, reference: Reference, property: string, index: number | undefined) => void): void {
    for (const { reference, property, index } of referencesOf(node)) {
        if (isReference(reference)) {
            visit(node, reference, property, index);
        }
    }
}
