import type { AstNode, Reference } from 'langium';
import { AstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import { propertyNode } from '../language/cst-property.js';
import type { Citable, Document, Plan } from '../language/generated/ast.js';
import { isDocument } from '../language/generated/ast.js';
import { StringMap } from '../language/string-map.js';
import type { Fix } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { allCitations } from '../semantics/citations.js';
import { citableLabel, citableLabelEn, dateOf } from '../semantics/documents.js';
import { PLACEHOLDER_DATE } from '../semantics/placeholders.js';
import { inferredReason } from '../semantics/provenance.js';

/** One place where a plan or document cites another. */
interface Cited {
    document: Citable;
    /** Where in the source, for ordering and for the finding. */
    offset: number;
    node: AstNode;
    /** Where in the source, for the finding: computed only for the citation reported. */
    range: () => Range | undefined;
    /** The citing text prints the date beside the number ("… số 634/QĐ-TTg ngày 13/5/2020"). */
    printsDate: boolean;
}

export default defineRule({
    meta: {
        id: 'document-without-date',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Văn bản có số ký hiệu được viện dẫn nhưng không có ngày ban hành / A document cited by its number has no date',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Plan: check,
            Document: check,
        };

        /** Each document the owner cites, once, at its first citation. */
        function check(owner: Plan | Document): void {
            const cited = citedIn(owner).sort((a, b) => a.offset - b.offset);
            const seen = new Set<Citable>();
            for (const citation of cited) {
                const document = citation.document;
                if (seen.has(document)) {
                    continue;
                }
                seen.add(document);
                // A document known by its name and year (a law) has no number to go with a date.
                if (document === owner || !document.number || cited.some(c => c.document === document && c.printsDate)) {
                    continue;
                }
                const inferred = isDocument(document) && document.date !== undefined && inferredReason(document, 'date') !== undefined;
                // A date written but not valid (or a placeholder) is invalid-date's and unfilled-placeholder's.
                if ((document.date !== undefined || dateOf(document)) && !inferred) {
                    continue;
                }
                const label = citableLabel(document);
                const labelEn = citableLabelEn(document).replace(/^./, c => c.toUpperCase());
                const [vi, en] = inferred
                    ? ['ngày ban hành do người viết suy ra, bản gốc không ghi', 'the date is the writer\'s inference, the original does not print it']
                    : ['không có ngày ban hành', 'has no date'];
                context.report({
                    node: citation.node,
                    range: citation.range(),
                    message: `${label} được viện dẫn nhưng ${vi}: lần viện dẫn đầu tiên phải ghi ngày ban hành (số văn bản bắt đầu lại mỗi năm), thêm "ngày …" như văn bản đó / ${labelEn} is cited but ${en}: the first citation of a document gives its date (numbers restart every year); add "ngày …" as the document bears it`,
                    related: [{ node: document, range: propertyNode(document.$cstNode, 'number')?.range, message: `Khai báo ${label} / The declaration of ${citableLabelEn(document)}` }],
                    fixes: inferred ? undefined : () => dateFix(document),
                });
            }
        }

        function citedIn(owner: Plan | Document): Cited[] {
            const result: Cited[] = [];
            const clause = (refs: ReadonlyArray<Reference<Citable>>, property: string) => {
                refs.forEach((ref, index) => {
                    const written = propertyNode(owner.$cstNode, property, index);
                    if (ref.ref && written) {
                        result.push({ document: ref.ref, offset: written.offset, node: owner, range: () => written.range, printsDate: false });
                    }
                });
            };
            clause(owner.basis, 'basis');
            clause(owner.implements, 'implements');
            if (isDocument(owner)) {
                clause(owner.proposals, 'proposals');
            }
            const maps = new Map<AstNode, StringMap | undefined>();
            for (const citation of allCitations(context.services, owner)) {
                const document = citation.document;
                if (!document) {
                    continue;
                }
                if (citation.explicit) {
                    const written = propertyNode(citation.explicit.$cstNode, 'document');
                    if (written) {
                        result.push({ document, offset: written.offset, node: citation.explicit, range: () => written.range, printsDate: false });
                    }
                    continue;
                }
                if (!citation.found || citation.start === undefined || citation.end === undefined) {
                    continue;
                }
                if (!maps.has(citation.node)) {
                    maps.set(citation.node, StringMap.of(context.document, citation.node, citation.property));
                }
                const map = maps.get(citation.node);
                const { start, end } = citation;
                // The part of the string the citation is, or else the whole string.
                const mapped = map?.offset(start, end);
                const text = mapped === undefined ? propertyNode(citation.node.$cstNode, citation.property) : undefined;
                const offset = mapped ?? (text ? context.document.textDocument.offsetAt(text.range.start) : 0);
                const range = () => mapped !== undefined ? map!.range(start, end) : text?.range;
                result.push({ document, offset, node: citation.node, range, printsDate: citation.found.dateText !== undefined });
            }
            return result;
        }

        /**
         * The date is never guessed: a placeholder in the declaration (which may be in the
         * registry) that unfilled-placeholder reports until the date the document bears is written.
         */
        function dateFix(document: Citable): Fix[] | undefined {
            const number = propertyNode(document.$cstNode, 'number');
            if (!number || document.date !== undefined) {
                return undefined;
            }
            const english = /^document\b/i.test(document.$cstNode?.text ?? '');
            const clause = `${english ? 'dated' : 'ngày'} ${PLACEHOLDER_DATE}`;
            const declared = AstUtils.getDocument(document);
            const at = declared.textDocument.positionAt(number.end);
            return [{
                title: `Thêm "${clause}" vào khai báo (cần điền ngày ban hành) / Add a date to fill in to the declaration`,
                edits: [{ uri: declared.uri.toString(), range: { start: at, end: at }, newText: ` ${clause}` }],
            }];
        }
    },
});
