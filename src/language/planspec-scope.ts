import type { AstNode, AstNodeDescription, LangiumCoreServices, LangiumDocument, MultiMap, ReferenceInfo, Scope } from 'langium';
import { AstUtils, DefaultScopeComputation, DefaultScopeProvider, MultiMapScope, WorkspaceCache } from 'langium';
import type { Model } from './generated/ast.js';
import { isDocument, isElement, isPlan } from './generated/ast.js';
import type { WorkspaceRoots } from '../workspace/roots.js';

/**
 * Scoping (see README, "Workspace and namespaces"):
 * - a file may start with `phạm vi X` (namespace); its top-level declarations are exported as `X.NAME`;
 *   files without one export plain `NAME` (national bodies and documents).
 * - a reference resolves, in order: declarations of the same file; declarations of the same
 *   namespace by their short name; national declarations; any declaration by its qualified name.
 * - targets, tasks, phases and reports are visible throughout the plan or document that holds them.
 */
export class PlanspecScopeComputation extends DefaultScopeComputation {

    protected override addExportedSymbol(node: AstNode, exports: AstNodeDescription[], document: LangiumDocument): void {
        const name = this.nameProvider.getName(node);
        if (name && isElement(node)) {
            exports.push(this.descriptions.createDescription(node, qualify(namespaceOf(node), name), document));
        }
    }

    protected override addLocalSymbol(node: AstNode, document: LangiumDocument, symbols: MultiMap<AstNode, AstNodeDescription>): void {
        const name = this.nameProvider.getName(node);
        if (!name || !node.$container) {
            return;
        }
        const owner = AstUtils.getContainerOfType(node.$container, n => isPlan(n) || isDocument(n)) ?? node.$container;
        symbols.add(owner, this.descriptions.createDescription(node, name, document));
    }
}

export class PlanspecScopeProvider extends DefaultScopeProvider {

    protected readonly namespaceScopes: WorkspaceCache<string, Scope>;
    protected readonly roots: WorkspaceRoots;

    constructor(services: LangiumCoreServices & { workspace: { Roots: WorkspaceRoots } }) {
        super(services);
        this.namespaceScopes = new WorkspaceCache(services.shared);
        this.roots = services.workspace.Roots;
    }

    protected override getGlobalScope(referenceType: string, context: ReferenceInfo): Scope {
        const namespace = namespaceOf(context.container);
        const root = this.roots.rootOf(AstUtils.getDocument(context.container).uri);
        return this.namespaceScopes.get(`${referenceType}\u0000${namespace ?? ''}\u0000${root}`, () => {
            const all = this.indexManager.allElements(referenceType)
                .filter(d => this.roots.rootOf(d.documentUri) === root).toArray();
            const qualified = new MultiMapScope(all);
            const national = all.filter(d => !d.name.includes('.'));
            const prefix = namespace ? namespace + '.' : undefined;
            const sameNamespace = prefix
                ? all.filter(d => d.name.startsWith(prefix) && !d.name.includes('.', prefix.length))
                    .map(d => ({ ...d, name: d.name.substring(prefix.length) }))
                : [];
            return new MultiMapScope(sameNamespace, new MultiMapScope(national, qualified));
        });
    }
}

export function namespaceOf(node: AstNode): string | undefined {
    const model = AstUtils.getDocument(node).parseResult.value as Model;
    return model.namespace?.name;
}

export function qualify(namespace: string | undefined, name: string): string {
    return namespace ? `${namespace}.${name}` : name;
}
