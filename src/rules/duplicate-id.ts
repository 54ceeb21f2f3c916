import type { AstNode, AstNodeDescription } from 'langium';
import { UriUtils } from 'langium';
import type { Document, Plan } from '../language/generated/ast.js';
import { isPhase, isReport, isTarget, isTask } from '../language/generated/ast.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { allContents } from '../semantics/contents.js';
import { propertyNode } from '../language/cst-property.js';

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
                        const otherNode = declaredNode(other);
                        context.report({
                            node: element,
                            property: 'name',
                            message: `Mã '${qualified}' đã được khai báo ở ${where} / '${qualified}' is also declared at ${where}`,
                            related: otherNode ? [{
                                node: otherNode, range: other.nameSegment?.range,
                                message: `Khai báo khác của '${qualified}' / The other declaration of '${qualified}'`,
                            }] : undefined,
                        });
                    }
                }
            },
            Plan: checkLocalNames,
            Document: checkLocalNames,
        };

        /** The declaration a description stands for, in its own (loaded) document. */
        function declaredNode(description: AstNodeDescription): AstNode | undefined {
            if (description.node) {
                return description.node;
            }
            const document = context.services.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
            return document ? context.services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path) : undefined;
        }

        function checkLocalNames(owner: Plan | Document): void {
            const seen = new Map<string, Named>();
            for (const node of allContents(owner)) {
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
                        related: [{
                            node: first, range: propertyNode(first.$cstNode, 'name')?.range,
                            message: `Nơi mã '${node.name}' được dùng lần đầu / Where '${node.name}' is first used`,
                        }],
                    });
                } else {
                    seen.set(node.name, node);
                }
            }
        }
    },
});
