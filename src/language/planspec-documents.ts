import type { AstNode, Cancellation, LangiumDocument, Mutable, Stream, URI } from 'langium';
import { DefaultLangiumDocumentFactory, DefaultLangiumDocuments, DocumentState, stream } from 'langium';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/**
 * Langium's document store, with the list of all documents kept until a document is added or
 * deleted: the builder asks for it twice on every edit, and the workspace indexes once each, and
 * Langium made it anew each time from its tree of URIs (an array per folder level, per request).
 */
export class PlanspecLangiumDocuments extends DefaultLangiumDocuments {
    protected listed: LangiumDocument[] | undefined;

    override get all(): Stream<LangiumDocument> {
        this.listed ??= super.all.toArray();
        return stream(this.listed);
    }

    override addDocument(document: LangiumDocument): void {
        this.listed = undefined;
        super.addDocument(document);
    }

    override deleteDocument(uri: URI): LangiumDocument | undefined {
        this.listed = undefined;
        return super.deleteDocument(uri);
    }

    override deleteDocuments(folder: URI): LangiumDocument[] {
        this.listed = undefined;
        return super.deleteDocuments(folder);
    }
}

/**
 * Langium's document factory, remembering which version of an open document's text each document
 * was last read from: diagnostics then say the version they are for (LSP `version`), and a client
 * tells the diagnostics of the text it holds from those of an older text still on their way.
 */
export class PlanspecDocumentFactory extends DefaultLangiumDocumentFactory {
    override async update<T extends AstNode = AstNode>(document: Mutable<LangiumDocument<T>>, cancellationToken: Cancellation.CancellationToken): Promise<LangiumDocument<T>> {
        // Read before Langium reads the text (at once, in the same turn): the version of that text.
        const version = this.textDocuments?.get(document.uri.toString())?.version;
        const updated = await super.update(document, cancellationToken);
        if (version === undefined) {
            readVersions.delete(updated);
        } else {
            readVersions.set(updated, version);
        }
        return updated;
    }
}

const readVersions = new WeakMap<LangiumDocument, number>();

/**
 * The text a document's AST was parsed from; undefined before it is parsed, or while it waits to be
 * parsed again (a changed document keeps its old AST until then).
 */
export function builtText(document: LangiumDocument | undefined): string | undefined {
    return document !== undefined && document.state >= DocumentState.Parsed ? document.parseResult.value?.$cstNode?.root.fullText : undefined;
}

/**
 * The editor opened (or re-sent) the very text a document was built from: the editor's text becomes
 * the document's, as an update would make it, without building anything again.
 */
export function adoptOpenText(document: LangiumDocument, text: TextDocument): void {
    Object.defineProperty(document, 'textDocument', { value: text });
    readVersions.set(document, text.version);
}

/** The version of the open document's text a document was last read from (by an update, or adopted on opening), or undefined. */
export function readVersionOf(document: LangiumDocument): number | undefined {
    return readVersions.get(document);
}
