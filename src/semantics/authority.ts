/**
 * Where the registry leaves authority unknown: the groups that declare neither a parent (`thuộc`)
 * nor members (`gồm`) nor `độc lập`, with the places in the workspace's plans that direct them
 * (directly, or through a group whose members include them). Whether an issuer may direct such a
 * group cannot be decided from the registry, so it is said once, at the group, not at every task.
 */
import type { LangiumDocument, Reference } from 'langium';
import { DocumentState } from 'langium';
import type { Group, Party, Section, Task } from '../language/generated/ast.js';
import { isModel, isSection, isTask } from '../language/generated/ast.js';
import { taskMode } from '../language/keywords.js';
import { addresseeSource, authorityOver, issuerOf, modeOf } from './responsibility.js';
import type { SemanticServices } from './services.js';
import { mergedPerWorkspace } from './services.js';
import { allContents } from './contents.js';

/** A task or heading that directs a body whose authority is unknown, and the reference that names it. */
export interface DirectedUse {
    node: Task | Section;
    reference: Reference<Party>;
}


/**
 * For each group of unknown authority, where the plans of the workspace of `document` direct it.
 * Each file's uses are found once and kept until the file is relinked, or until a file declaring
 * bodies changes (authority follows parents and members from one registry to another); the uses of
 * every file are merged once per build.
 */
const usesOf = mergedPerWorkspace<Array<[Group, DirectedUse]>, Map<Group, DirectedUse[]>>({
    state: DocumentState.Linked,
    partState: DocumentState.Linked,
    readsRegistry: true,
    part: document => {
        const part: Array<[Group, DirectedUse]> = [];
        const model = document.parseResult?.value;
        if (!isModel(model)) {
            return part;
        }
        for (const node of allContents(model)) {
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
                    part.push([group, { node: directed.node, reference }]);
                }
            }
        }
        return part;
    },
    merge: parts => {
        const result = new Map<Group, DirectedUse[]>();
        for (const { part } of parts) {
            for (const [group, use] of part) {
                const uses = result.get(group);
                if (uses) {
                    uses.push(use);
                } else {
                    result.set(group, [use]);
                }
            }
        }
        return result;
    },
});

export function undeclaredGroupUses(services: SemanticServices, document: LangiumDocument): Map<Group, DirectedUse[]> {
    return usesOf(services, document.uri);
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
