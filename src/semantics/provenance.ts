/**
 * Provenance: which values of a declaration the original does not state. The writer marks such a
 * value with `suy ra "lý do"` (inferred "reason") right after the clause that gives it; the mark
 * belongs to that clause's property (`thời gian … suy ra "…"` marks `period`).
 */
import type { AstNode, CstNode, GrammarAST } from 'langium';
import { AstUtils, GrammarAST as Ast, isCompositeCstNode } from 'langium';
import type { Inference } from '../language/generated/ast.js';
import { isInference } from '../language/generated/ast.js';

type WithInferences = AstNode & { inferred?: Inference[] };

const cache = new WeakMap<AstNode, Map<string, string>>();

/** The inferred properties of a node and the reason given for each. */
export function inferredProperties(node: AstNode): ReadonlyMap<string, string> {
    let result = cache.get(node);
    if (result) {
        return result;
    }
    result = new Map();
    const inferences = (node as WithInferences).inferred;
    if (Array.isArray(inferences) && inferences.length > 0 && node.$cstNode) {
        let last: string | undefined;
        for (const { child, assignment } of assignedChildren(node, node.$cstNode)) {
            if (isInference(child.astNode) && child.astNode.$container === node) {
                if (last !== undefined && last !== OPEN_BRACE.feature && !result.has(last)) {
                    result.set(last, child.astNode.reason ?? '');
                }
                continue;
            }
            last = assignment.feature;
        }
    }
    cache.set(node, result);
    return result;
}

/** The reason a property of a node is inferred, or undefined when the original states it. */
export function inferredReason(node: AstNode | undefined, property: string): string | undefined {
    return node ? inferredProperties(node).get(property) : undefined;
}

/**
 * The marks that qualify nothing: one written before any clause, or a second one after the same
 * clause. A rule reports them, since the writer meant to mark something.
 */
export function danglingInferences(node: AstNode): Inference[] {
    const inferences = (node as WithInferences).inferred;
    if (!Array.isArray(inferences) || inferences.length === 0 || !node.$cstNode) {
        return [];
    }
    const result: Inference[] = [];
    const marked = new Set<string>();
    let last: string | undefined;
    for (const { child, assignment } of assignedChildren(node, node.$cstNode)) {
        if (isInference(child.astNode) && child.astNode.$container === node) {
            if (last === undefined || last === OPEN_BRACE.feature || marked.has(last)) {
                result.push(child.astNode);
            } else {
                marked.add(last);
            }
            continue;
        }
        last = assignment.feature;
    }
    return result;
}

/**
 * The CST nodes that carry one assignment each, looking through unassigned rule calls of the same
 * node. An opening brace starts a new run of clauses: a mark inside a body never qualifies the
 * name or title written before the brace; it is reported as a clause-less mark (`feature` '{').
 */
export function* assignedChildren(node: AstNode, cst: CstNode): Generator<{ child: CstNode; assignment: GrammarAST.Assignment }> {
    if (!isCompositeCstNode(cst)) {
        return;
    }
    for (const child of cst.content) {
        const assignment = child.grammarSource ? AstUtils.getContainerOfType(child.grammarSource, Ast.isAssignment) : undefined;
        if (assignment) {
            yield { child, assignment };
        } else if (child.astNode === node && isCompositeCstNode(child)) {
            yield* assignedChildren(node, child);
        } else if (Ast.isKeyword(child.grammarSource) && child.grammarSource.value === '{') {
            yield { child, assignment: OPEN_BRACE };
        }
    }
}

/** A pseudo-assignment for an opening brace: nothing before it can be marked from after it. */
const OPEN_BRACE = { feature: '{', operator: '=' } as GrammarAST.Assignment;
