import type { LangiumDocument, URI } from 'langium';
import { Cancellation, DefaultDocumentBuilder, DocumentState, OperationCancelled, UriUtils } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { builtText } from './planspec-documents.js';

/** What the builder needs of the update handler (PlanspecDocumentUpdateHandler). */
interface PendingUpdates {
    isPending(uri: URI): boolean;
    flush(): void;
}

/**
 * Knows which text each document's AST was built from. Edits are built after a pause in typing
 * (PlanspecDocumentUpdateHandler), so until then a document's AST is of an older text than the
 * editor's: a request that waits for a document state waits for the AST of the current text, and
 * starts its build at once. Hover answers from the older AST meanwhile (src/ide/stale-reads.ts).
 */
export class PlanspecDocumentBuilder extends DefaultDocumentBuilder {
    protected readonly updates: () => PendingUpdates | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.updates = () => {
            const handler = services.lsp?.DocumentUpdateHandler as Partial<PendingUpdates> | undefined;
            return handler?.isPending && handler.flush ? handler as PendingUpdates : undefined;
        };
    }

    /**
     * Whether the document's AST is of another text than the editor holds (an edit not yet parsed).
     * Compared by text, not version: Langium skips the phase listeners of a cancelled build, so a
     * version recorded there can be missed. A closed document is never stale in this sense.
     */
    isStale(uri: URI): boolean {
        const open = this.textDocuments?.get(uri.toString());
        if (!open) {
            return false;
        }
        return builtText(this.langiumDocuments.getDocument(uri)) !== open.getText();
    }

    /** Waits until the document is parsed from the editor's current text, then for `state`. */
    protected override async awaitDocumentState(state: DocumentState, uri: URI, cancelToken: Cancellation.CancellationToken): Promise<URI> {
        while (this.isStale(uri)) {
            if (cancelToken.isCancellationRequested) {
                throw OperationCancelled;
            }
            const updates = this.updates();
            if (!updates) {
                // No editor debounces the builds: the build of this text is already on its way.
                break;
            }
            const changed = this.nextChange(uri, cancelToken);
            if (updates.isPending(uri)) {
                updates.flush();
            }
            await changed;
        }
        return super.awaitDocumentState(state, uri, cancelToken);
    }

    /**
     * The next parse of the document, or the next update (a build cancelled by a newer edit skips
     * its phase listeners: the update of that edit is what comes next).
     */
    protected nextChange(uri: URI, cancelToken: Cancellation.CancellationToken): Promise<void> {
        return new Promise((resolve, reject) => {
            const done = () => {
                parsed.dispose();
                updated.dispose();
                cancelled.dispose();
            };
            const parsed = this.onDocumentPhase(DocumentState.Parsed, document => {
                if (UriUtils.equals(document.uri, uri)) {
                    done();
                    resolve();
                }
            });
            const updated = this.onUpdate(() => {
                done();
                resolve();
            });
            const cancelled = cancelToken.onCancellationRequested(() => {
                done();
                reject(OperationCancelled);
            });
        });
    }

    /**
     * Langium's, but whether a document has unresolved references is remembered (by its list of
     * references and that list's length: linking makes a new list and only adds to it): each edit
     * asked it of every document, scanning every reference of the workspace (300,000 in a thousand
     * plans) to relink none.
     */
    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        const references = document.references;
        let known = unresolved.get(references);
        if (!known || known.length !== references.length) {
            known = { length: references.length, any: references.some(ref => ref.error !== undefined) };
            unresolved.set(references, known);
        }
        return known.any || this.indexManager.isAffected(document, changedUris);
    }
}

/** Whether a document's references (by the list) include an unresolved one, and how many the list held then. */
const unresolved = new WeakMap<LangiumDocument['references'], { length: number; any: boolean }>();
