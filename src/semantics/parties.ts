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
import { mergedPerWorkspace } from './services.js';

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


/** What one file declares: its bodies by name key, the parents its agencies name, the members of its groups. */
interface PartiesPart {
    byName: Array<[string, DeclaredParty]>;
    parents: Party[];
    members: Array<[Party, Group]>;
}

/**
 * The declared bodies of the workspace that holds `document`: each file's part read once (again
 * when the file is reparsed or relinked, for parents and members are references), merged per build.
 */
const partiesOf = mergedPerWorkspace<PartiesPart, WorkspaceParties>({
    state: DocumentState.Linked,
    partState: DocumentState.Linked,
    part: document => {
        const part: PartiesPart = { byName: [], parents: [], members: [] };
        const model = document.parseResult?.value;
        if (!isModel(model)) {
            return part;
        }
        const namespace = model.namespace?.name;
        for (const element of model.elements) {
            if (!isAgency(element) && !isGroup(element)) {
                continue;
            }
            if (isAgency(element) && element.parent?.ref) {
                part.parents.push(element.parent.ref);
            }
            if (isGroup(element)) {
                for (const member of resolvedParties(element.members)) {
                    part.members.push([member, element]);
                }
            }
            if (!element.name) {
                continue;
            }
            const declared: DeclaredParty = { party: element, namespace, qualifiedName: qualify(namespace, element.name) };
            const keys = new Set([element.officialName, ...element.aliases].filter(n => typeof n === 'string').map(nameKey));
            for (const key of keys) {
                if (key) {
                    part.byName.push([key, declared]);
                }
            }
        }
        return part;
    },
    merge: parts => {
        const byName = new Map<string, DeclaredParty[]>();
        const parentsOfAgencies = new Set<Party>();
        const groupsContaining = new Map<Party, Group[]>();
        for (const { part } of parts) {
            part.parents.forEach(p => parentsOfAgencies.add(p));
            for (const [member, group] of part.members) {
                const groups = groupsContaining.get(member);
                if (groups) {
                    groups.push(group);
                } else {
                    groupsContaining.set(member, [group]);
                }
            }
            for (const [key, declared] of part.byName) {
                const list = byName.get(key);
                if (list) {
                    list.push(declared);
                } else {
                    byName.set(key, [declared]);
                }
            }
        }
        return { byName, parentsOfAgencies, groupsContaining };
    },
});

/** The declared bodies of the workspace that holds `document`. */
export function workspaceParties(services: SemanticServices, document: LangiumDocument): WorkspaceParties {
    return partiesOf(services, document.uri);
}

/** The id by which a file in `namespace` names a declared party: the short id in its own namespace or for a national body. */
export function idAsSeenFrom(declared: DeclaredParty, namespace: string | undefined): string {
    return declared.namespace === undefined || declared.namespace === namespace ? declared.party.name : declared.qualifiedName;
}
