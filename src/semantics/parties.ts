/**
 * The declared bodies of a workspace: by official name and alias (for matching recipient lines and,
 * later, completion and import), which bodies are parents, and which groups list each body.
 */
import type { LangiumDocument } from 'langium';
import { DocumentState } from 'langium';
import type { Group, Party } from '../language/generated/ast.js';
import { isAgency, isGroup, isModel } from '../language/generated/ast.js';
import { qualify } from '../language/planspec-scope.js';
import { nameKey, resolvedParties } from './responsibility.js';
import type { SemanticServices } from './services.js';
import { perWorkspace } from './services.js';

/** A declared agency or group of the workspace, with its qualified id. */
export interface DeclaredParty {
    party: Party;
    namespace: string | undefined;
    qualifiedName: string;
}

/** Workspace-wide facts about the declared bodies of one workspace root. */
export interface WorkspaceParties {
    /** Every agency and group by the key (`nameKey`) of its official name and of each alias. */
    byName: Map<string, DeclaredParty[]>;
    /** Parties that some agency names as its parent (`thuộc`). */
    parentsOfAgencies: Set<Party>;
    /** For each party, the groups that list it in their `gồm`. */
    groupsContaining: Map<Party, Group[]>;
}


/** The declared bodies of the workspace that holds `document`, computed once per build. */
const partiesOf = perWorkspace<WorkspaceParties>(DocumentState.IndexedContent);

export function workspaceParties(services: SemanticServices, document: LangiumDocument): WorkspaceParties {
    const shared = services.shared;
    const roots = services.workspace.Roots;
    return partiesOf(services, document.uri, root => {
        const byName = new Map<string, DeclaredParty[]>();
        const parentsOfAgencies = new Set<Party>();
        const groupsContaining = new Map<Party, Group[]>();
        for (const doc of shared.workspace.LangiumDocuments.all) {
            const model = doc.parseResult?.value;
            if (!isModel(model) || roots.rootOf(doc.uri) !== root) {
                continue;
            }
            const namespace = model.namespace?.name;
            for (const element of model.elements) {
                if (!isAgency(element) && !isGroup(element)) {
                    continue;
                }
                if (isAgency(element) && element.parent?.ref) {
                    parentsOfAgencies.add(element.parent.ref);
                }
                if (isGroup(element)) {
                    for (const member of resolvedParties(element.members)) {
                        const groups = groupsContaining.get(member);
                        if (groups) {
                            groups.push(element);
                        } else {
                            groupsContaining.set(member, [element]);
                        }
                    }
                }
                if (!element.name) {
                    continue;
                }
                const declared: DeclaredParty = { party: element, namespace, qualifiedName: qualify(namespace, element.name) };
                const keys = new Set([element.officialName, ...element.aliases].filter(n => typeof n === 'string').map(nameKey));
                for (const key of keys) {
                    if (!key) {
                        continue;
                    }
                    const list = byName.get(key);
                    if (list) {
                        list.push(declared);
                    } else {
                        byName.set(key, [declared]);
                    }
                }
            }
        }
        return { byName, parentsOfAgencies, groupsContaining };
    });
}

/** The id by which a file in `namespace` names a declared party: the short id in its own namespace or for a national body. */
export function idAsSeenFrom(declared: DeclaredParty, namespace: string | undefined): string {
    return declared.namespace === undefined || declared.namespace === namespace ? declared.party.name : declared.qualifiedName;
}
