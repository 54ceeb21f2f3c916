import type { AstNode } from 'langium';
import { defineRule, noOptions } from '../linter/rule.js';
import { danglingInferences } from '../semantics/provenance.js';

export default defineRule({
    meta: {
        id: 'misplaced-inference',
        category: 'syntax',
        defaultSeverity: 'error',
        description: '"suy ra" không đứng sau mục nào, hoặc đứng sau một mục đã được đánh dấu / "suy ra" (inferred) that follows no clause, or a clause already marked',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            '*'(node: AstNode) {
                for (const inference of danglingInferences(node)) {
                    context.report({
                        node: inference,
                        message: '"suy ra" đánh dấu mục viết ngay trước nó; ở đây không có mục nào (hoặc mục đó đã được đánh dấu): đặt "suy ra" ngay sau giá trị người soạn tự bổ sung / "suy ra" (inferred) marks the clause written just before it; here there is none (or it is already marked): put it right after the value the writer supplied',
                    });
                }
            },
        };
    },
});
