import type { AstNode, AstNodeDescription, LangiumCoreServices, LangiumDocument, LocalSymbols, ReferenceInfo, Scope, Stream } from 'langium';
import { AstUtils, Cancellation, DefaultScopeComputation, DefaultScopeProvider, MultiMap, MultiMapScope, stream, WorkspaceCache } from 'langium';
import type { Model } from './generated/ast.js';
import { isDocument, isElement, isPlan } from './generated/ast.js';
import type { WorkspaceRoots } from '../workspace/roots.js';
import { forEachInterruptible, walkOf } from './ast-walk.js';

/**
 * Scoping (see README, "Workspace and namespaces"):
 * - a file may start with `phạm vi X` (namespace); its top-level declarations are exported as `X.NAME`;
 *   files without one export plain `NAME` (national bodies and documents).
 * - a reference resolves, in order: declarations of the same file; declarations of the same
 *   namespace by their short name; national declarations; any declaration by its qualified name.
 * - targets, tasks, phases and reports are visible throughout the plan or document that holds them.
 */
export class PlanspecScopeComputation extends DefaultScopeComputation {

    /** Langium's, over the walk the linker shares (`walkOf`), checking for a newer edit every few hundred nodes, not at each. */
    override async collectLocalSymbols(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<LocalSymbols> {
        const symbols = new MultiMap<AstNode, AstNodeDescription>();
        await forEachInterruptible(walkOf(document.parseResult.value).nodes, cancelToken, node => this.addLocalSymbol(node, document, symbols));
        return symbols;
    }

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

    /** Per local-symbol table, per container and reference type: the symbols by name. */
    protected readonly localIndexes = new WeakMap<LocalSymbols, Map<AstNode, Map<string, MultiMap<string, AstNodeDescription>>>>();

    /**
     * Like Langium's, but each container's local symbols are looked up by name instead of scanned:
     * a plan holds thousands of tasks and targets, and every reference in it would scan them all.
     */
    override getScope(context: ReferenceInfo): Scope {
        const referenceType = this.reflection.getReferenceType(context);
        const localSymbols = AstUtils.getDocument(context.container).localSymbols;
        let result = this.getGlobalScope(referenceType, context);
        if (!localSymbols) {
            return result;
        }
        const containers: AstNode[] = [];
        for (let node: AstNode | undefined = context.container; node; node = node.$container) {
            if (localSymbols.has(node)) {
                containers.push(node);
            }
        }
        for (let i = containers.length - 1; i >= 0; i--) {
            result = new IndexedScope(this.localIndex(localSymbols, containers[i], referenceType), result);
        }
        return result;
    }

    protected localIndex(localSymbols: LocalSymbols, container: AstNode, referenceType: string): MultiMap<string, AstNodeDescription> {
        let byContainer = this.localIndexes.get(localSymbols);
        if (!byContainer) {
            byContainer = new Map();
            this.localIndexes.set(localSymbols, byContainer);
        }
        let byType = byContainer.get(container);
        if (!byType) {
            byType = new Map();
            byContainer.set(container, byType);
        }
        let index = byType.get(referenceType);
        if (!index) {
            index = new MultiMap();
            for (const description of localSymbols.getStream(container)) {
                if (this.reflection.isSubtype(description.type, referenceType)) {
                    index.add(description.name, description);
                }
            }
            byType.set(referenceType, index);
        }
        return index;
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

/** A scope over symbols already indexed by name, in front of an outer scope. */
class IndexedScope implements Scope {
    constructor(protected readonly elements: MultiMap<string, AstNodeDescription>, protected readonly outer: Scope) { }

    getElement(name: string): AstNodeDescription | undefined {
        return this.elements.get(name)[0] ?? this.outer.getElement(name);
    }

    getElements(name: string): Stream<AstNodeDescription> {
        return stream(this.elements.get(name)).concat(this.outer.getElements(name));
    }

    getAllElements(): Stream<AstNodeDescription> {
        return this.elements.values().concat(this.outer.getAllElements());
    }
}

export function namespaceOf(node: AstNode): string | undefined {
    const model = AstUtils.getDocument(node).parseResult.value as Model;
    return model.namespace?.name;
}

export function qualify(namespace: string | undefined, name: string): string {
    return namespace ? `${namespace}.${name}` : name;
}
