import type { LangiumCoreServices } from 'langium';
import type { WorkspaceRoots } from '../workspace/roots.js';

/**
 * What the semantic layer needs from the language services: the shared workspace (documents,
 * index, caches) and the workspace roots. Rules, the compiler and the editor features pass their
 * services; nothing here depends on the rule engine or the configuration.
 */
export type SemanticServices = LangiumCoreServices & {
    workspace: LangiumCoreServices['workspace'] & { Roots: WorkspaceRoots };
};
