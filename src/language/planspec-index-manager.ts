import type { LangiumDocument, URI } from 'langium';
import { Cancellation, DefaultIndexManager } from 'langium';

/**
 * Langium re-checks a document when a file it references changes. duplicate-id also depends on
 * files it does not reference: those that declare the same names. So a document is affected as well
 * when it exports a name that a changed file exports or exported before the change (removing one of
 * two duplicates clears the finding in the other file too).
 */
export class PlanspecIndexManager extends DefaultIndexManager {

    /** Names a changed or deleted file exported before the change, until it is indexed again. */
    protected readonly previousNames = new Map<string, Set<string>>();

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        if (super.isAffected(document, changedUris)) {
            return true;
        }
        const own = this.symbolIndex.get(document.uri.toString());
        if (!own || own.length === 0) {
            return false;
        }
        for (const uri of changedUris) {
            const before = this.previousNames.get(uri);
            if (own.some(d => before?.has(d.name)) || this.symbolIndex.get(uri)?.some(d => own.some(o => o.name === d.name))) {
                return true;
            }
        }
        return false;
    }

    override removeContent(uri: URI): void {
        this.remember(uri);
        super.removeContent(uri);
    }

    override remove(uri: URI): void {
        this.remember(uri);
        super.remove(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.previousNames.delete(document.uri.toString());
        await super.updateContent(document, cancelToken);
    }

    protected remember(uri: URI): void {
        const exports = this.symbolIndex.get(uri.toString());
        if (exports && exports.length > 0) {
            this.previousNames.set(uri.toString(), new Set(exports.map(d => d.name)));
        }
    }
}
