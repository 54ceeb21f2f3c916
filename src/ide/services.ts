import type { LangiumServices } from 'langium/lsp';
import type { PlanspecConfigProvider } from '../config/config.js';
import type { PlanspecWorkspaceIndex } from '../language/planspec-index.js';
import type { WorkspaceRoots } from '../workspace/roots.js';

/**
 * What the editor features (src/ide/) use of the language services: Langium's LSP services, the
 * workspace index, the roots and the configuration. A narrow type, so that src/ide depends on the
 * layers below it and not on how src/language/planspec-module.ts wires them (which imports src/ide).
 */
export type IdeServices = LangiumServices & {
    references: LangiumServices['references'] & { WorkspaceIndex: PlanspecWorkspaceIndex };
    workspace: LangiumServices['workspace'] & { Roots: WorkspaceRoots };
    config: { ConfigProvider: PlanspecConfigProvider };
};
