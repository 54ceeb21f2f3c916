import type { AstNode, LangiumCoreServices, LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { DocumentState, MultiMap, WorkspaceCache } from 'langium';
import { isAgency, isGroup, isModel } from '../language/generated/ast.js';
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

/** How a workspace index is made of per-document parts; see `mergedPerWorkspace`. */
export interface MergedIndex<P, T> {
    /** The merged index is dropped when the workspace reaches this state (as for `perWorkspace`). */
    state?: DocumentState;
    /**
     * A document's part is dropped when that document reaches this state again: `IndexedContent`
     * for a part read from the document's own text (it is reached only when the text changed),
     * `Linked` for a part that also reads the document's references (reached on relinking too).
     */
    partState: DocumentState;
    /**
     * The part also reads the registry beyond the document's own references (the parents of a
     * parent, the members of a member group): every part is dropped when a file that declares or
     * declared bodies changes.
     */
    readsRegistry?: boolean;
    part: (document: LangiumDocument, root: string) => P;
    /** Combines the parts of one root's documents (in the order of the workspace's documents). */
    merge: (parts: ReadonlyArray<{ document: LangiumDocument; part: P }>, root: string) => T;
}

interface Stored<P> {
    /** The AST the part was read from: a part of a document reparsed since is never used. */
    model: AstNode | undefined;
    part: P;
}

/**
 * A workspace-wide index updated, not rebuilt, on an edit: each document's part is kept, by URI,
 * until that document is reparsed (or relinked, or deleted), so an edit recomputes only the parts
 * of the edited files and the merge, which only combines kept parts. The merged value is cached per
 * workspace root until the next build, as `perWorkspace`. Answers equal a fresh build's: a part
 * depends only on its document (and what `partState` says it reads), and the merge sees the parts
 * in document order.
 */
export function mergedPerWorkspace<P, T>(spec: MergedIndex<P, T>): (services: SemanticServices, uri: URI) => T {
    const merged = perWorkspace<T>(spec.state);
    const stores = new WeakMap<LangiumSharedCoreServices, Map<string, Stored<P>>>();
    const storeOf = (shared: LangiumSharedCoreServices): Map<string, Stored<P>> => {
        let store = stores.get(shared);
        if (store) {
            return store;
        }
        const parts = new Map<string, Stored<P>>();
        store = parts;
        stores.set(shared, parts);
        const builder = shared.workspace.DocumentBuilder;
        builder.onDocumentPhase(spec.partState, document => {
            parts.delete(document.uri.toString());
        });
        builder.onUpdate((changed, deleted) => {
            // Called before the changed files are reparsed: their old text is still at hand.
            const documents = shared.workspace.LangiumDocuments;
            for (const uri of [...changed, ...deleted]) {
                if (spec.readsRegistry && declaresBodies(documents.getDocument(uri))) {
                    parts.clear();
                }
                parts.delete(uri.toString());
            }
        });
        if (spec.readsRegistry) {
            // A file that declares bodies after its change (a registry created or rewritten).
            builder.onDocumentPhase(DocumentState.IndexedContent, document => {
                if (declaresBodies(document)) {
                    parts.clear();
                }
            });
        }
        return store;
    };
    return (services, uri) => merged(services, uri, root => {
        const store = storeOf(services.shared);
        const parts: Array<{ document: LangiumDocument; part: P }> = [];
        for (const document of documentsOf(services, root)) {
            const model = document.parseResult?.value;
            const key = document.uri.toString();
            let stored = store.get(key);
            if (!stored || stored.model !== model) {
                stored = { model, part: spec.part(document, root) };
                store.set(key, stored);
            }
            parts.push({ document, part: stored.part });
        }
        return spec.merge(parts, root);
    });
}

/**
 * The documents of a workspace root, in the workspace's document order: listed once per change of
 * the workspace for every merged index (each walked all documents, asking each its root, on every
 * edit).
 */
function documentsOf(services: SemanticServices, root: string): readonly LangiumDocument[] {
    let cache = documentLists.get(services.shared);
    if (!cache) {
        cache = new WorkspaceCache<string, MultiMap<string, LangiumDocument>>(services.shared);
        documentLists.set(services.shared, cache);
    }
    const byRoot = cache.get('', () => {
        const roots = services.workspace.Roots;
        return new MultiMap(services.shared.workspace.LangiumDocuments.all.map(document => [roots.rootOf(document.uri), document] as [string, LangiumDocument]));
    });
    return byRoot.get(root);
}

const documentLists = new WeakMap<LangiumSharedCoreServices, WorkspaceCache<string, MultiMap<string, LangiumDocument>>>();

function declaresBodies(document: LangiumDocument | undefined): boolean {
    const model = document?.parseResult?.value;
    return isModel(model) && model.elements.some(e => isAgency(e) || isGroup(e));
}
