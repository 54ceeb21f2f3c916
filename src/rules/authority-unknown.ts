import { AstUtils } from 'langium';
import type { Group } from '../language/generated/ast.js';
import { keywordKey } from '../language/keywords.js';
import type { Fix } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { cstItems, edit } from '../linter/support/fixes.js';
import { undeclaredGroupUses } from '../semantics/authority.js';
import { PLACEHOLDER_ID } from '../semantics/placeholders.js';

/** How many of the directing places the finding lists as related information. */
const SHOWN = 5;

export default defineRule({
    meta: {
        id: 'authority-unknown',
        category: 'responsibility',
        defaultSeverity: 'info',
        description: 'Nhóm được giao việc nhưng không khai báo "thuộc", "gồm" hay "độc lập": không biết cơ quan ban hành có quyền giao hay không / A group that is directed but declares no parent, members or "độc lập": whether the issuer may direct it is unknown',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Group(group) {
                if (!group.name || group.parent || group.members.length > 0 || group.independent) {
                    return;
                }
                const uses = undeclaredGroupUses(context.services, context.document).get(group) ?? [];
                if (uses.length === 0) {
                    return;
                }
                const tasks = new Set(uses.map(use => use.node)).size;
                context.report({
                    node: group,
                    property: 'name',
                    message: `Nhóm '${group.name}' được giao việc ở ${tasks} chỗ nhưng không khai báo "thuộc", "gồm" hay "độc lập": không biết cơ quan ban hành có quyền giao việc cho nhóm hay không, nên các chỗ đó không được kiểm tra (outside-authority) / The group '${group.name}' is directed in ${tasks} place${tasks === 1 ? '' : 's'} but declares no parent ("thuộc"), members ("gồm") or "độc lập": whether the issuer may direct it is unknown, so those places are not checked (outside-authority)`,
                    related: uses.slice(0, SHOWN).map(use => ({
                        node: use.node,
                        range: use.reference.$refNode?.range,
                        message: use.reference.ref === group
                            ? `Giao cho '${group.name}' ở đây / Directed here`
                            : `Giao cho '${use.reference.$refText}', nhóm gồm '${group.name}' / Directed to '${use.reference.$refText}', a group holding '${group.name}'`,
                    })),
                    fixes: () => placeFix(group),
                });
            },
        };

        /** `thuộc CẦN_ĐIỀN`: only a person can say whose the group is; unfilled-placeholder holds it until then. */
        function placeFix(group: Group): Fix[] | undefined {
            const last = cstItems(group).at(-1);
            if (!last || AstUtils.getDocument(group) !== context.document) {
                return undefined;
            }
            const english = keywordKey(cstItems(group)[0]?.text) === 'group';
            const clause = english ? `under ${PLACEHOLDER_ID}` : `thuộc ${PLACEHOLDER_ID}`;
            return [{
                title: `Thêm "${clause}" (cần điền cơ quan cấp trên của nhóm) / Add the group's parent, to fill in`,
                edits: [edit(context.document, last.end, last.end, ` ${clause}`)],
            }];
        }
    },
});
