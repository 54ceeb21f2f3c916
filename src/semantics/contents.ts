import type { AstNode } from 'langium';
import { AstUtils } from 'langium';
import { walkOf } from '../language/ast-walk.js';

/**
 * Every node below `owner`, in the order of `AstUtils.streamAllContents` (the owner itself not
 * included), walked once and shared: the rule runner and a dozen rules and semantic functions each
 * read all of a plan's nodes, and each walk cost as much as the rule's own work. The root is walked
 * once (`walkOf`, the walk the linker reads too); an owner below it takes its run of the root's list
 * (a subtree is a run in pre-order), found by the nodes' depths. An AST is never changed once built
 * (an edit builds a new one), so the lists stay right, and live as long as their AST does.
 */
export function allContents(owner: AstNode): readonly AstNode[] {
    let nodes = lists.get(owner);
    if (nodes) {
        return nodes;
    }
    const root = AstUtils.findRootNode(owner);
    const walked = walkOf(root);
    if (owner === root) {
        nodes = walked.nodes;
    } else {
        const at = walked.nodes.indexOf(owner);
        if (at < 0) {
            nodes = AstUtils.streamAllContents(owner).toArray();
        } else {
            let end = at + 1;
            while (end < walked.nodes.length && walked.depths[end] > walked.depths[at]) {
                end++;
            }
            nodes = walked.nodes.slice(at + 1, end);
        }
    }
    lists.set(owner, nodes);
    return nodes;
}

const lists = new WeakMap<AstNode, readonly AstNode[]>();
