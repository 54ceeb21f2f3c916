import type { Party } from '../language/generated/ast.js';
import { isAgency } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { modeOf } from '../semantics/responsibility.js';

interface Options {
    ignoreRequests: boolean;
    ignoreGroups: boolean;
}

export default defineRule<Options>({
    meta: {
        id: 'multiple-leads',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Một nhiệm vụ có nhiều đơn vị chủ trì / A task names more than one lead unit',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                ignoreRequests: {
                    type: 'boolean',
                    default: true,
                    description: 'Bỏ qua đề nghị gửi nhiều cơ quan ngoài thẩm quyền / Ignore requests (đề nghị) to several outside bodies',
                },
                ignoreGroups: {
                    type: 'boolean',
                    default: true,
                    description: 'Bỏ qua nhiệm vụ chỉ giao cho các nhóm ("Các sở, ban, ngành, UBND các huyện"): mỗi thành viên làm phần việc của mình / Ignore tasks whose leads are all groups, each member acting in its own remit',
                },
            },
        },
        defaultOptions: { ignoreRequests: true, ignoreGroups: true },
        recommended: true,
    },
    create(context) {
        const ignoreRequests = context.options.ignoreRequests !== false;
        const ignoreGroups = context.options.ignoreGroups !== false;
        return {
            Task(task) {
                if (task.leads.length < 2 || (ignoreRequests && modeOf(task) === 'requested')) {
                    return;
                }
                // Distinct leads, by the body they name (or by the text written, when unresolved).
                const seen = new Set<Party | string>();
                const distinct = task.leads.filter(ref => {
                    const key = ref.ref ?? ref.$refText;
                    if (seen.has(key)) {
                        return false;
                    }
                    seen.add(key);
                    return true;
                });
                if (distinct.length < 2) {
                    return;
                }
                // Groups only ("Các sở, ban, ngành, UBND các huyện": each member acting in its own remit)
                // distribute the work rather than share it; an unresolved lead does not count as an agency.
                if (ignoreGroups && !distinct.some(ref => isAgency(ref.ref))) {
                    return;
                }
                const start = distinct[1].$refNode?.range.start;
                const end = distinct[distinct.length - 1].$refNode?.range.end;
                const names = distinct.map(ref => ref.$refText).join(', ');
                const label = task.name ? `'${task.name}' ` : '';
                context.report({
                    node: task,
                    range: start && end ? { start, end } : undefined,
                    property: start && end ? undefined : 'leads',
                    message: `Nhiệm vụ ${label}có ${distinct.length} đơn vị chủ trì (${names}): chỉ giao một đơn vị chủ trì, các đơn vị còn lại phối hợp / The task ${label}has ${distinct.length} lead units (${names}): name one lead and make the others support`,
                });
            },
        };
    },
});
