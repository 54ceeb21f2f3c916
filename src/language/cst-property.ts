import type { CstNode, GrammarAST } from 'langium';
import { AstUtils, GrammarAST as Ast, isCompositeCstNode } from 'langium';

/**
 * `GrammarUtils.findNodeForProperty`, found as Langium finds it (the `index`-th CST node written for
 * `property` of the node's AST node, the last one for an index past the end, the first one for
 * none), without a list of every such node made to take one, and stopping at the one wanted: rules
 * ask it for the range of each finding, related place and citation, over nodes with many children.
 */
export function propertyNode(node: CstNode | undefined, property: string | undefined, index?: number): CstNode | undefined {
    if (!node || !property) {
        return undefined;
    }
    const element = node.astNode;
    const wanted = index === undefined ? 0 : Math.max(0, index);
    let count = 0;
    let last: CstNode | undefined;
    // Whether the wanted node is found: the children of a node of the property are not looked into,
    // nor those of another AST node.
    const visit = (cst: CstNode, first: boolean): boolean => {
        if (!first && assignmentOf(cst.grammarSource)?.feature === property) {
            last = cst;
            return count++ === wanted;
        }
        if (isCompositeCstNode(cst) && cst.astNode === element) {
            const content = cst.content;
            for (let i = 0; i < content.length; i++) {
                if (visit(content[i], false)) {
                    return true;
                }
            }
        }
        return false;
    };
    visit(node, true);
    return last;
}

/** The assignment a grammar element belongs to, looked up once per element (rules ask it of every CST node). */
const assignments = new WeakMap<GrammarAST.AbstractElement, GrammarAST.Assignment | null>();

export function assignmentOf(element: GrammarAST.AbstractElement | undefined): GrammarAST.Assignment | undefined {
    if (!element) {
        return undefined;
    }
    let assignment = assignments.get(element);
    if (assignment === undefined) {
        assignment = AstUtils.getContainerOfType(element, Ast.isAssignment) ?? null;
        assignments.set(element, assignment);
    }
    return assignment ?? undefined;
}
