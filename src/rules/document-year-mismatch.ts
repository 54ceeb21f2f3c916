import type { Document, Plan } from '../language/generated/ast.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { lastPropertyRange, ownYear, parseNumberSymbol, yearOfSymbol } from '../semantics/documents.js';

export default defineRule({
    meta: {
        id: 'document-year-mismatch',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Năm trong số ký hiệu khác năm của ngày ban hành / The year in the number differs from the year of the date',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return { Document: check, Plan: check };

        function check(node: Document | Plan): void {
            if (!node.number || !node.date) {
                return;
            }
            const numberYear = yearOfSymbol(parseNumberSymbol(node.number.replace(/\s+/gu, '')));
            const dateYear = ownYear(node);
            if (numberYear === undefined || dateYear === undefined || numberYear === dateYear) {
                return;
            }
            context.report({
                node,
                range: lastPropertyRange(node, 'number'),
                message: `Số ký hiệu "${node.number}" ghi năm ${numberYear} nhưng ngày ban hành là ${node.date} (năm ${dateYear}): một trong hai bị ghi sai / The number "${node.number}" says ${numberYear} but the document is dated ${node.date} (${dateYear}): one of them is wrong`,
            });
        }
    },
});
