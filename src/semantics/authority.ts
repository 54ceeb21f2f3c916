/**
 * Where the registry leaves authority unknown: the groups that declare neither a parent (`thuộc`)
 * nor members (`gồm`) nor `độc lập`, with the places in the workspace's plans that direct them
 * (directly, or through a group whose members include them). Whether an issuer may direct such a
 * group cannot be decided from the registry, so it is said once, at the group, not at every task.
 */
import type { LangiumDocument, Reference } from 'langium';
import { AstUtils, DocumentState } from 'langium';
import type { Group, Party, Section, Task } from '../language/generated/ast.js';
import { isModel, isSection, isTask } from '../language/generated/ast.js';
import { taskMode } from '../language/keywords.js';
import { addresseeSource, authorityOver, issuerOf, modeOf } from './responsibility.js';
import type { SemanticServices } from './services.js';
import { perWorkspace } from './services.js';

/** A task or heading that directs a body whose authority is unknown, and the reference that names it. */
export interface DirectedUse {
    node: Task | Section;
    reference: Reference<Party>;
}


/** For each group of unknown authority, where the plans of the workspace of `document` direct it. */
// Cleared on every change, once references are linked: uses come from other files.
const usesOf = perWorkspace<Map<Group, DirectedUse[]>>(DocumentState.Linked);

export function undeclaredGroupUses(services: SemanticServices, document: LangiumDocument): Map<Group, DirectedUse[]> {
    const shared = services.shared;
    const roots = services.workspace.Roots;
    return usesOf(services, document.uri, root => {
        const result = new Map<Group, DirectedUse[]>();
        for (const doc of shared.workspace.LangiumDocuments.all) {
            const model = doc.parseResult?.value;
            if (!isModel(model) || roots.rootOf(doc.uri) !== root) {
                continue;
            }
            for (const node of AstUtils.streamAllContents(model)) {
                const directed = directedReferences(node);
                if (!directed) {
                    continue;
                }
                const issuer = issuerOf(node);
                if (!issuer) {
                    continue;
                }
                for (const reference of directed.refs) {
                    const party = reference.ref;
                    if (!party) {
                        continue;
                    }
                    for (const group of authorityOver(party, issuer).undeclared) {
                        const uses = result.get(group);
                        if (uses) {
                            uses.push({ node: directed.node, reference });
                        } else {
                            result.set(group, [{ node: directed.node, reference }]);
                        }
                    }
                }
            }
        }
        return result;
    });
}

/**
 * The bodies a node directs in its own words: a directed task's own `chủ trì` or `cho`, or the
 * bodies of a heading addressed with `giao`. Bodies a task inherits are directed where they are named.
 */
function directedReferences(node: unknown): { node: Task | Section; refs: ReadonlyArray<Reference<Party>> } | undefined {
    if (isTask(node)) {
        const source = addresseeSource(node);
        return modeOf(node) === 'directed' && source?.node === node ? { node, refs: source.refs } : undefined;
    }
    if (isSection(node) && node.addressees.length > 0 && node.mode !== undefined && taskMode(node.mode) === 'directed') {
        return { node, refs: node.addressees };
    }
    return undefined;
}
