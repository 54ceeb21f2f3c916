import { defineRule, noOptions } from '../linter/rule.js';
import { workspaceParties } from '../semantics/parties.js';

export default defineRule({
    meta: {
        id: 'empty-group',
        category: 'responsibility',
        defaultSeverity: 'info',
        description: 'Nhóm không có thành viên ("gồm") và không cơ quan nào thuộc nhóm / A group with no members and no agency under it',
        ...noOptions,
        recommended: false,
    },
    create(context) {
        return {
            Group(group) {
                if (group.members.length > 0 || !group.name) {
                    return;
                }
                if (workspaceParties(context.services, context.document).parentsOfAgencies.has(group)) {
                    return;
                }
                context.report({
                    node: group,
                    property: 'name',
                    message: `Nhóm '${group.name}' ("${group.officialName}") không liệt kê thành viên ("gồm") và không cơ quan nào "thuộc" nhóm: không xác định được ai phải thực hiện / The group '${group.name}' ("${group.officialName}") lists no members ("gồm") and no agency is under it ("thuộc"): nobody can tell who must act`,
                });
            },
        };
    },
});
