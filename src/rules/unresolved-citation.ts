import type { AstNode } from 'langium';
import { documentKindLabel } from '../language/keywords.js';
import { namespaceOf } from '../language/planspec-scope.js';
import { StringMap } from '../language/string-map.js';
import { defineRule, noOptions } from '../linter/rule.js';
import type { ProseCitation } from '../semantics/citations.js';
import { citationsOf } from '../semantics/citations.js';
import { partyFormOf } from '../semantics/documents.js';
import { propertyNode } from '../language/cst-property.js';

export default defineRule({
    meta: {
        id: 'unresolved-citation',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Văn bản được nhắc trong lời văn (theo số ký hiệu) chưa được khai báo / A document cited in the text by its number is not declared',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            '*'(node: AstNode) {
                const unresolved = citationsOf(context.services, node).filter(c => c.found && !c.document);
                if (unresolved.length === 0) {
                    return;
                }
                const maps = new Map<string, StringMap | undefined>();
                for (const citation of unresolved) {
                    if (!maps.has(citation.property)) {
                        maps.set(citation.property, StringMap.of(context.document, node, citation.property));
                    }
                    const range = maps.get(citation.property)?.range(citation.start!, citation.end!)
                        ?? propertyNode(node.$cstNode, citation.property)?.range;
                    context.report({ node, range, message: message(citation, namespaceOf(node)) });
                }
            },
        };
    },
});

function message(citation: ProseCitation, namespace: string | undefined): string {
    const found = citation.found!;
    const kind = found.kind;
    const label = kind ? `${documentKindLabel[kind]} số ${found.printed}` : `văn bản số ${found.printed}`;
    const keyword = kind ? documentKindLabel[kind].toLowerCase() : '<loại>';
    const date = found.date ? ` ngày ${found.date.day}/${found.date.month}/${found.date.year}` : '';
    const where = namespace ? ` (trong phạm vi ${namespace} hoặc trong sổ văn bản quốc gia)` : '';
    const whereEn = namespace ? ` (in namespace ${namespace} or among the national documents)` : '';
    // Declared in its right form: a Party number printed state-style is declared in the Party form.
    const declaration = `văn bản <MÃ> ${keyword} số "${partyFormOf(found.compact) ?? found.compact}"${date}`;
    return `${label} chưa được khai báo${where}, nên không liên kết được: khai báo ${declaration} / ${found.printed} is not declared${whereEn}, so the citation links to nothing: declare ${declaration}`;
}
