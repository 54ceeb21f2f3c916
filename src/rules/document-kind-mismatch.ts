import type { Document, Plan } from '../language/generated/ast.js';
import type { DocumentKind } from '../language/keywords.js';
import { documentKindLabel, keywordKey } from '../language/keywords.js';
import type { Fix } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import {
    PARTY_TYPE_KINDS, STATE_TYPE_KINDS, kindEnglish, kindLabel, kindOf, lastPropertyRange, parseNumberSymbol, typeOfSymbol,
} from '../semantics/documents.js';
import { propertyNode } from '../language/cst-property.js';

export default defineRule({
    meta: {
        id: 'document-kind-mismatch',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Loại văn bản khai báo khác ký hiệu loại trong số ký hiệu / The declared kind disagrees with the type in the number',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return { Document: check, Plan: check };

        function check(node: Document | Plan): void {
            const kind = kindOf(node);
            // A letter (công văn) has no type in its number; a law usually has no number.
            if (!node.number || !kind || kind === 'letter') {
                return;
            }
            const printed = typeOfSymbol(parseNumberSymbol(node.number.replace(/\s+/gu, '')));
            if (!printed) {
                return;
            }
            const kinds = (printed.party ? PARTY_TYPE_KINDS : STATE_TYPE_KINDS).get(printed.type);
            if (!kinds || kinds.includes(kind)) {
                return;
            }
            const label = kindLabel(node);
            const viKinds = kinds.map(k => documentKindLabel[k].toLowerCase()).join(' hoặc ');
            const enKinds = kinds.map(kindEnglish).join(' or ');
            const party = printed.party ? ' của Đảng' : '';
            const partyEn = printed.party ? 'Party ' : '';
            context.report({
                node,
                range: lastPropertyRange(node, 'number'),
                message: `${node.name} được khai báo là ${label.toLowerCase()} nhưng số "${node.number}" mang ký hiệu "${printed.type}" của ${viKinds}${party} / ${node.name} is declared a ${kindEnglish(kind)} but its number "${node.number}" carries "${printed.type}", the type of a ${partyEn}${enKinds}`,
                fixes: () => kindFixes(node, kind, kinds, printed.type),
            });
        }

        /**
         * The kind the number's type names, in the language the kind is written in. Not preferred:
         * the number may be the wrong one instead (copied from another line).
         */
        function kindFixes(node: Document | Plan, kind: DocumentKind, kinds: readonly DocumentKind[], type: string): Fix[] {
            const written = propertyNode(node.$cstNode, 'kind');
            if (!written) {
                return [];
            }
            const english = keywordKey(node.kind) !== keywordKey(documentKindLabel[kind]);
            return kinds.map(k => ({
                title: `Đổi loại thành ${documentKindLabel[k].toLowerCase()} (theo ký hiệu "${type}") / Make it a ${kindEnglish(k)}, as "${type}" says`,
                edits: [{ range: written.range, newText: english ? kindEnglish(k) : documentKindLabel[k].toLowerCase() }],
            }));
        }
    },
});
