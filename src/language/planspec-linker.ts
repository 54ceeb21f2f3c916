import type { LangiumDocument, ReferenceDescription } from 'langium';
import { Cancellation, DefaultLinker, DefaultReferenceDescriptionProvider } from 'langium';
import { forEachInterruptible, walkOf } from './ast-walk.js';

/*
 * Langium's linker and reference indexing (and, in planspec-scope.ts, its local-symbol scan) reading
 * the shared walk of the AST (`walkOf`) instead of each walking it again, and checking for a newer
 * edit every few hundred steps instead of awaiting at every node (an await per node of a 20,000-line
 * plan, three times per build). What they do with each node or reference is Langium's, unchanged.
 */

export class PlanspecLinker extends DefaultLinker {
    override async link(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        if (this.profiler?.isActive('linking')) {
            // Langium's profiler times each reference: its own loop does.
            return super.link(document, cancelToken);
        }
        await forEachInterruptible(walkOf(document.parseResult.value).references, cancelToken, ref => this.doLink(ref, document));
    }
}

export class PlanspecReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachInterruptible(walkOf(document.parseResult.value).references, cancelToken, ref => {
            if (!ref.reference.error) {
                for (const description of this.createInfoDescriptions(ref)) {
                    descriptions.push(description);
                }
            }
        });
        return descriptions;
    }
}
