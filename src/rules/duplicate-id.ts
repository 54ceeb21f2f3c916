import type { AstNode } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Document, Plan } from '../language/generated/ast.js';
import { isPhase, isReport, isTarget, isTask } from '../language/generated/ast.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import { defineRule, noOptions } from '../linter/rule.js';

type Named = AstNode & { name?: string };

export default defineRule({
    meta: {
        id: 'duplicate-id',
        category: 'documents',
        defaultSeverity: 'error',
        description: 'Một mã được khai báo hai lần / The same id is declared twice',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        const index = context.services.references.WorkspaceIndex;
        const thisUri = context.document.uri.toString();
        return {
            Model(model) {
                const namespace = namespaceOf(model);
                for (const element of model.elements) {
                    if (!element.name) {
                        continue;
                    }
                    const qualified = qualify(namespace, element.name);
                    const path = context.services.workspace.AstNodeLocator.getAstNodePath(element);
                    const others = index.declarationsNamed(context.document.uri, qualified)
                        .filter(d => d.documentUri.toString() !== thisUri || d.path !== path);
                    if (others.length > 0) {
                        const other = others[0];
                        const line = (other.nameSegment?.range.start.line ?? 0) + 1;
                        const where = other.documentUri.toString() === thisUri
                            ? `dòng ${line} (line ${line})`
                            : `${UriUtils.basename(other.documentUri)}:${line}`;
                        context.report({
                            node: element,
                            property: 'name',
                            message: `Mã '${qualified}' đã được khai báo ở ${where} / '${qualified}' is also declared at ${where}`,
                        });
                    }
                }
            },
            Plan: checkLocalNames,
            Document: checkLocalNames,
        };

        function checkLocalNames(owner: Plan | Document): void {
            const seen = new Map<string, Named>();
            for (const node of AstUtils.streamAllContents(owner)) {
                if (!(isTarget(node) || isTask(node) || isPhase(node) || isReport(node)) || !node.name) {
                    continue;
                }
                const first = seen.get(node.name);
                if (first) {
                    const line = (first.$cstNode?.range.start.line ?? 0) + 1;
                    context.report({
                        node,
                        property: 'name',
                        message: `Mã '${node.name}' đã dùng ở dòng ${line} trong cùng văn bản / '${node.name}' is already used at line ${line} of this plan`,
                    });
                } else {
                    seen.set(node.name, node);
                }
            }
        }
    },
});
