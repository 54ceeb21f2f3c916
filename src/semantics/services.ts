import type { DocumentState, LangiumCoreServices, LangiumSharedCoreServices, URI } from 'langium';
import { WorkspaceCache } from 'langium';
import type { WorkspaceRoots } from '../workspace/roots.js';

/**
 * What the semantic layer needs from the language services: the shared workspace (documents,
 * index, caches) and the workspace roots. Rules, the compiler and the editor features pass their
 * services; nothing here depends on the rule engine or the configuration.
 */
export type SemanticServices = LangiumCoreServices & {
    workspace: LangiumCoreServices['workspace'] & { Roots: WorkspaceRoots };
};

/**
 * A value computed once per workspace root and kept until the workspace changes (cleared when a
 * document reaches `state`, or on any change without one); one cache per set of shared services.
 */
export function perWorkspace<T>(state?: DocumentState): (services: SemanticServices, uri: URI, compute: (root: string) => T) => T {
    const caches = new WeakMap<LangiumSharedCoreServices, WorkspaceCache<string, T>>();
    return (services, uri, compute) => {
        let cache = caches.get(services.shared);
        if (!cache) {
            cache = new WorkspaceCache<string, T>(services.shared, state);
            caches.set(services.shared, cache);
        }
        const root = services.workspace.Roots.rootOf(uri);
        return cache.get(root, () => compute(root));
    };
}
