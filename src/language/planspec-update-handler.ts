import type { LangiumDocument, LangiumDocuments, URI } from 'langium';
import { DocumentState, URI as Uris } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { Connection, TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { adoptOpenText, builtText } from './planspec-documents.js';

/**
 * Quiet time after a keystroke that follows a pause before the edited documents are rebuilt: none.
 * A change that comes alone (a typo fixed, a value changed) is built at once; the changes the client
 * has already sent are still read first (`afterQueuedMessages`), and a burst is slowed down by
 * BURST_DEBOUNCE_MS from its second keystroke on. A wait here (it was 30 ms) only delayed every
 * single edit's diagnostics, and saved at most one parse per burst.
 */
export const EDIT_DEBOUNCE_MS = 0;

/**
 * Quiet time within a burst (a change less than BURST_WINDOW_MS after the one before, while the
 * build of the one before is not done): a client busy sending keystrokes may pause for longer than
 * EDIT_DEBOUNCE_MS between two of them, and a build started then is cancelled by the next one having
 * reset the document, leaving nothing built for a hover to answer from. A change that comes after
 * the previous one's diagnostics is no burst however soon it comes: the server is keeping up.
 */
export const BURST_DEBOUNCE_MS = 100;
export const BURST_WINDOW_MS = 60;

/**
 * Langium rebuilds on every `didChange`, and a build parses the whole file without yielding: during
 * a burst of keystrokes each change was parsed in turn before the next message was even read, so a
 * hover after 500 keystrokes waited for 500 parses. Here a change first cancels the running build
 * (it is of a text already stale), and the rebuild waits for a pause in typing. A request that needs
 * the new text does not wait for the pause: it starts the build at once (`flush`, called by
 * PlanspecDocumentBuilder.awaitDocumentState).
 */
export class PlanspecDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    debounceMs = EDIT_DEBOUNCE_MS;
    burstDebounceMs = BURST_DEBOUNCE_MS;
    /** When the latest change arrived (performance.now()). */
    protected lastChange = -Infinity;
    /** Counts the changes, so that a flush planned before a newer change is dropped. */
    protected changes = 0;
    /** The count of changes at the latest flush, and at the latest build that ran to its end. */
    protected flushed = 0;
    protected built = 0;
    /** Documents changed in the editor and not yet handed to the builder. */
    protected readonly pending = new Map<string, URI>();
    protected timer: ReturnType<typeof setTimeout> | undefined;

    protected readonly documents: LangiumDocuments;
    protected readonly connection: Connection | undefined;

    constructor(services: LangiumSharedServices) {
        super(services);
        this.documents = services.workspace.LangiumDocuments;
        this.connection = services.lsp.Connection;
        // A cancelled build never reaches Validated.
        services.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
            this.built = this.flushed;
        });
    }

    override didChangeContent(change: TextDocumentChangeEvent<TextDocument>): void {
        const built = this.pending.has(change.document.uri) ? undefined : this.builtFrom(change.document);
        if (built) {
            // Opening a file whose text is the one already built (read from disk): Langium rebuilt it,
            // and relinked and revalidated every file naming what it declares (opening the registry
            // of a thousand plans kept the server busy for 4.6 s). Its diagnostics are sent again,
            // now for the open text's version.
            adoptOpenText(built, change.document);
            if (built.diagnostics) {
                void this.connection?.sendDiagnostics({ uri: change.document.uri, version: change.document.version, diagnostics: built.diagnostics });
            }
            return;
        }
        this.workspaceLock.cancelWrite();
        this.pending.set(change.document.uri, Uris.parse(change.document.uri));
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
        }
        const now = performance.now();
        const inBurst = now - this.lastChange < BURST_WINDOW_MS && this.built < this.changes;
        this.lastChange = now;
        const planned = ++this.changes;
        this.timer = setTimeout(() => this.afterQueuedMessages(planned), inBurst ? this.burstDebounceMs : this.debounceMs);
    }

    /**
     * A server behind its client (a backlog of changes read but not handled: the connection handles
     * one message per turn of the event loop) lets the timer fire between two of them: the build
     * waits two turns more, and is dropped if a change came meanwhile.
     */
    protected afterQueuedMessages(planned: number): void {
        setImmediate(() => setImmediate(() => {
            if (planned === this.changes) {
                this.flush();
            }
        }));
    }

    /** The document, if its AST (fully built) is of this text. */
    protected builtFrom(text: TextDocument): LangiumDocument | undefined {
        const document = this.documents.getDocument(Uris.parse(text.uri));
        return document && document.state >= DocumentState.Validated && builtText(document) === text.getText() ? document : undefined;
    }

    /** Whether an edit of this document waits for a pause in typing. */
    isPending(uri: URI | string): boolean {
        return this.pending.has(uri.toString());
    }

    /** Hands the pending edits to the builder now. */
    flush(): void {
        this.fireDocumentUpdate([], []);
    }

    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        if (this.timer !== undefined) {
            clearTimeout(this.timer);
            this.timer = undefined;
        }
        // Edits still pending go into the same build as a watched-file change.
        const all = new Map<string, URI>(this.pending);
        this.pending.clear();
        for (const uri of changed) {
            all.set(uri.toString(), uri);
        }
        if (all.size > 0 || deleted.length > 0) {
            this.flushed = this.changes;
            super.fireDocumentUpdate([...all.values()], deleted);
        }
    }
}
