import type { AstNode } from 'langium';
import { AstUtils, isReference } from 'langium';
import { defineRule, noOptions } from '../linter/rule.js';

const TYPE_LABELS: Record<string, string> = {
    Party: 'cơ quan hoặc nhóm (agency or group)',
    Citable: 'văn bản hoặc kế hoạch (document or plan)',
    Indicator: 'chỉ số (indicator)',
    Target: 'chỉ tiêu (target)',
};

export default defineRule({
    meta: {
        id: 'unresolved-reference',
        category: 'documents',
        defaultSeverity: 'error',
        description: 'Tham chiếu tới cơ quan, văn bản hoặc chỉ tiêu chưa được khai báo / Reference to an undeclared agency, document or target',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return { '*': reportUnresolved };

        function reportUnresolved(node: AstNode): void {
            for (const info of AstUtils.streamReferences(node)) {
                const ref = info.reference;
                if (!isReference(ref)) {
                    continue;
                }
                if (ref.ref === undefined && ref.error !== undefined && ref.$refNode) {
                    const type = context.services.shared.AstReflection.getReferenceType(info);
                    const label = TYPE_LABELS[type] ?? type;
                    context.report({
                        node,
                        range: ref.$refNode.range,
                        message: `Không tìm thấy ${label} '${ref.$refText}' trong không gian làm việc / '${ref.$refText}' is not declared in the workspace`,
                    });
                }
            }
        }
    },
});
