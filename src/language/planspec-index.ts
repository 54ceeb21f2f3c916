import type { AstNodeDescription, IndexManager, LangiumSharedCoreServices } from 'langium';
import type { URI } from 'langium';
import { MultiMap, WorkspaceCache } from 'langium';
import type { WorkspaceRoots } from '../workspace/roots.js';

/** Workspace-wide lookups over the exported declarations, rebuilt whenever the workspace changes. */
export class PlanspecWorkspaceIndex {

    protected readonly indexManager: IndexManager;
    protected readonly byName: WorkspaceCache<string, MultiMap<string, AstNodeDescription>>;

    constructor(shared: LangiumSharedCoreServices, protected readonly roots: WorkspaceRoots) {
        this.indexManager = shared.workspace.IndexManager;
        this.byName = new WorkspaceCache(shared);
    }

    /** Every exported declaration with this qualified name in the workspace that holds `uri`. */
    declarationsNamed(uri: URI, qualifiedName: string): readonly AstNodeDescription[] {
        const root = this.roots.rootOf(uri);
        return this.byName.get(root, () => {
            const map = new MultiMap<string, AstNodeDescription>();
            for (const description of this.indexManager.allElements()) {
                if (this.roots.rootOf(description.documentUri) === root) {
                    map.add(description.name, description);
                }
            }
            return map;
        }).get(qualifiedName);
    }
}
