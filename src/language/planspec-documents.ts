import type { LangiumDocument, Stream, URI } from 'langium';
import { DefaultLangiumDocuments, stream } from 'langium';

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
