import type { AstNode } from 'langium';
import { AstUtils } from 'langium';

/**
 * Every node below `owner`, in the order of `AstUtils.streamAllContents` (the owner itself not
 * included), walked once and shared: a dozen rules and semantic functions each read all of a plan's
 * nodes, and each walk cost as much as the rule's own work. An AST is never changed once built (an
 * edit builds a new one), so the list stays right for its owner, and lives as long as the owner does
 * (a pointer per node; an old AST is not kept alive by it).
 */
export function allContents(owner: AstNode): readonly AstNode[] {
    let nodes = lists.get(owner);
    if (!nodes) {
        nodes = AstUtils.streamAllContents(owner).toArray();
        lists.set(owner, nodes);
    }
    return nodes;
}

const lists = new WeakMap<AstNode, readonly AstNode[]>();
