import type { AstNode } from 'langium';
import { AstUtils } from 'langium';

/**
 * Every node below `owner`, in the order of `AstUtils.streamAllContents` (the owner itself not
 * included), walked once and shared: the rule runner and a dozen rules and semantic functions each
 * read all of a plan's nodes, and each walk cost as much as the rule's own work. The root is walked
 * once; an owner below it takes its run of the root's list (a subtree is a run in pre-order), found
 * by the nodes' depths. An AST is never changed once built (an edit builds a new one), so the lists
 * stay right, and live as long as their AST does.
 */
export function allContents(owner: AstNode): readonly AstNode[] {
    let nodes = lists.get(owner);
    if (nodes) {
        return nodes;
    }
    const root = AstUtils.findRootNode(owner);
    const walked = walk(root);
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
const walks = new WeakMap<AstNode, { nodes: AstNode[]; depths: Int32Array }>();

function walk(root: AstNode): { nodes: AstNode[]; depths: Int32Array } {
    let walked = walks.get(root);
    if (!walked) {
        const nodes = AstUtils.streamAllContents(root).toArray();
        const depths = new Int32Array(nodes.length);
        nodes.forEach((node, i) => {
            let depth = 0;
            for (let n = node.$container; n && n !== root; n = n.$container) {
                depth++;
            }
            depths[i] = depth;
        });
        walked = { nodes, depths };
        walks.set(root, walked);
    }
    return walked;
}
