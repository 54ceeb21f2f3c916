import type { CstNode, Reference } from 'langium';
import { UriUtils } from 'langium';
import type { Citable, Document, Plan, Task } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { removeListElement } from '../linter/support/fixes.js';
import {
    citableLabel, citableLabelEn, earlierDeclaration, kindOf, lastPropertyRange, maybeSameDocument, numberKey, referenceKey,
} from '../semantics/documents.js';
import { propertyNode } from '../language/cst-property.js';

interface Options {
    workspace: boolean;
}

export default defineRule<Options>({
    meta: {
        id: 'duplicate-basis',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Một văn bản được viện dẫn hai lần hoặc khai báo hai lần / The same document is cited twice in one list, or declared twice',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                workspace: {
                    type: 'boolean',
                    default: true,
                    description: 'Cũng tìm hai khai báo cùng loại và số ký hiệu trong không gian làm việc / Also find two declarations with the same kind and number in the workspace',
                },
            },
        },
        defaultOptions: { workspace: true },
        recommended: true,
    },
    create(context) {
        const checkWorkspace = context.options.workspace !== false;
        const thisUri = context.document.uri.toString();
        return {
            Plan(plan) {
                checkList(plan, plan.basis, 'basis');
                checkList(plan, plan.implements, 'implements');
                declaredTwice(plan);
            },
            Document(document) {
                checkList(document, document.basis, 'basis');
                declaredTwice(document);
            },
            Task(task) {
                const cites = task.cites.filter(c => c.document !== undefined);
                checkList(task, cites.map(c => c.document), 'basis', cites.map(c => c.$cstNode));
            },
        };

        /** `written`: what a fix removes for each reference (a citation with its phrase), the reference itself by default. */
        function checkList(citing: Plan | Document | Task, refs: Array<Reference<Citable>>, property: 'basis' | 'implements',
            written?: Array<CstNode | undefined>): void {
            const byIdentity = new Map<unknown, Reference<Citable>>();
            const byNumber = new Map<string, Array<Reference<Citable>>>();
            refs.forEach((ref, index) => {
                const key = referenceKey(ref);
                let first = byIdentity.get(key);
                const cited = ref.ref;
                const numberId = cited?.number ? `${kindOf(cited) ?? cited.kind}\u0000${numberKey(cited.number)}` : undefined;
                if (!first && cited && numberId) {
                    // The same document under two ids (declared twice): same kind and number.
                    first = byNumber.get(numberId)?.find(r => r.ref && maybeSameDocument(r.ref, cited));
                }
                if (first) {
                    const line = (first.$refNode?.range.start.line ?? 0) + 1;
                    const what = cited ? citableLabel(cited) : ref.$refText;
                    const whatEn = cited ? `The ${citableLabelEn(cited)}` : ref.$refText;
                    const same = first.$refText === ref.$refText ? '' : ` (${first.$refText})`;
                    const list = property === 'basis' ? 'căn cứ' : 'thực hiện';
                    const listEn = property === 'basis' ? 'basis' : 'implements';
                    const cst = written ? written[index] : ref.$refNode;
                    context.report({
                        node: citing,
                        range: ref.$refNode?.range ?? citing.$cstNode?.range,
                        message: `${what} đã được nêu trong danh sách "${list}" ở dòng ${line}${same}: bỏ lần nêu thứ hai / ${whatEn} is already listed in "${listEn}" at line ${line}${same}: remove the second mention`,
                        related: first.$refNode ? [{ node: citing, range: first.$refNode.range, message: 'Lần nêu thứ nhất / The first mention' }] : undefined,
                        fixes: () => {
                            const removal = cst ? removeListElement(context.document, citing, cst) : undefined;
                            return removal ? [{
                                title: `Bỏ lần nêu thứ hai của ${ref.$refText} / Remove the second mention of ${ref.$refText}`,
                                edits: [removal],
                                preferred: true,
                            }] : undefined;
                        },
                    });
                    return;
                }
                byIdentity.set(key, ref);
                if (numberId) {
                    byNumber.set(numberId, [...(byNumber.get(numberId) ?? []), ref]);
                }
            });
        }

        function declaredTwice(node: Plan | Document): void {
            if (!checkWorkspace || !node.number) {
                return;
            }
            const first = earlierDeclaration(context.services, node);
            if (!first) {
                return;
            }
            const line = (first.node.$cstNode?.range.start.line ?? 0) + 1;
            const where = first.uri.toString() === thisUri
                ? `dòng ${line} (line ${line})`
                : `${UriUtils.basename(first.uri)}:${line}`;
            const firstName = first.node.name;
            context.report({
                node,
                range: lastPropertyRange(node, 'number'),
                message: `${citableLabel(node)} đã được khai báo là ${firstName} ở ${where}: một văn bản chỉ khai báo một lần, viện dẫn bằng mã ${firstName} / The ${citableLabelEn(node)} is already declared as ${firstName} at ${where}: declare a document once and cite it by ${firstName}`,
                related: [{
                    node: first.node, range: propertyNode(first.node.$cstNode, 'name')?.range,
                    message: `Khai báo ${firstName} / The declaration ${firstName}`,
                }],
            });
        }
    },
});
