import type { Reference } from 'langium';
import type { Party, Section, Task } from '../language/generated/ast.js';
import { isGroup, isSection, isTask } from '../language/generated/ast.js';
import { taskMode } from '../language/keywords.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { modeFix } from '../linter/support/modes.js';
import { foreignLevel } from '../semantics/levels.js';
import { placeUnknown } from '../semantics/placeholders.js';
import { addresseeSource, ancestors, isOutsideAuthority, issuerOf, modeOf } from '../semantics/responsibility.js';
import { headerRange, ownerOf } from '../semantics/structure.js';

export default defineRule({
    meta: {
        id: 'outside-authority',
        category: 'responsibility',
        defaultSeverity: 'warning',
        description: 'Giao nhiệm vụ cho cơ quan ngoài thẩm quyền của cơ quan ban hành (phải dùng "đề nghị") / A task directed to a body outside the issuer\'s authority (should be a request, "đề nghị")',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                if (modeOf(task) !== 'directed') {
                    return;
                }
                const issuer = issuerOf(task);
                // The bodies the task directs: its own `chủ trì` or `cho`, else its task's or heading's. A
                // body the addressee only cooperates with ("phối hợp với X") is not directed.
                const source = addresseeSource(task);
                if (!issuer || !source) {
                    return;
                }
                const issuerId = ownerOf(task)?.issuer?.$refText ?? issuer.name;
                if (source.node === task) {
                    reportEach(task, source.property as 'leads' | 'addressees', source.refs, issuer, issuerId, task.mode);
                    return;
                }
                // Bodies inherited from a directed task or heading are checked there; from a request
                // (an enclosing "đề nghị"), a directed sub-task directs what the issuer can only ask.
                const enclosingMode = isTask(source.node) ? modeOf(source.node) : isSection(source.node) ? sectionMode(source.node) : 'directed';
                if (enclosingMode === 'directed') {
                    return;
                }
                const outside = source.refs.filter(ref => ref.ref !== undefined && isOutsideAuthority(ref.ref, issuer) && !placeUnknown(ref.ref) && !foreignLevel(ref.ref, task));
                if (outside.length > 0) {
                    const names = outside.map(ref => ref.$refText).join(', ');
                    context.report({
                        node: task,
                        range: headerRange(task, 'text'),
                        message: `Nhiệm vụ được giao cho ${names} (chủ trì của đề nghị bao ngoài), không thuộc quyền chỉ đạo của ${issuerId}: dùng "đề nghị" thay cho "${task.mode}" / This task is directed to ${names} (the lead of the enclosing request), outside the authority of ${issuerId}: make it a request ("đề nghị")`,
                        fixes: () => fixesOf(task),
                    });
                }
            },
            Section(section) {
                if (section.addressees.length === 0 || sectionMode(section) !== 'directed') {
                    return;
                }
                const issuer = issuerOf(section);
                if (!issuer) {
                    return;
                }
                const issuerId = ownerOf(section)?.issuer?.$refText ?? issuer.name;
                reportEach(section, 'addressees', section.addressees, issuer, issuerId, section.mode ?? 'giao');
            },
        };

        function reportEach(node: Task | Section, property: 'leads' | 'addressees', refs: ReadonlyArray<Reference<Party>>,
            issuer: Party, issuerId: string, keyword: string): void {
            const reported = new Set<Party>();
            refs.forEach((ref, index) => {
                const lead = ref.ref;
                // Only what the registry states: a body whose place it does not give (a group with
                // neither thuộc nor gồm, a placeholder) is not judged here; authority-unknown reports
                // the group once, at its declaration. One of another level or province is no request
                // either (foreign-addressee reports it).
                if (!lead || reported.has(lead) || !isOutsideAuthority(lead, issuer) || placeUnknown(lead) || foreignLevel(lead, node)) {
                    return;
                }
                reported.add(lead);
                context.report({
                    node,
                    property: property as never,
                    index,
                    message: `'${ref.$refText}' ${reasonVi(lead)}, không thuộc quyền chỉ đạo của ${issuerId}: dùng "đề nghị" thay cho "${keyword}" / '${ref.$refText}' ${reasonEn(lead)}, outside the authority of ${issuerId}: make this a request ("đề nghị")`,
                    fixes: () => fixesOf(node),
                });
            });
        }
    },
});

/** The request the rule asks for, with the tasks that take their addressee from it. */
function fixesOf(node: Task | Section) {
    const fix = modeFix(node, 'requested', true);
    return fix ? [fix] : undefined;
}

function sectionMode(section: Section): 'directed' | 'requested' | undefined {
    return section.mode ? taskMode(section.mode) : undefined;
}

function reasonVi(party: Party): string {
    if (party.independent) {
        return 'là cơ quan độc lập';
    }
    if (isGroup(party) && !party.parent && party.members.length > 0) {
        return 'có thành viên ngoài quyền chỉ đạo';
    }
    const top = ancestors(party).at(-1);
    return top ? `thuộc ${top.name}` : 'không được khai báo thuộc cơ quan ban hành';
}

function reasonEn(party: Party): string {
    if (party.independent) {
        return 'is independent';
    }
    if (isGroup(party) && !party.parent && party.members.length > 0) {
        return 'has members outside that authority';
    }
    const top = ancestors(party).at(-1);
    return top ? `belongs to ${top.name}` : 'is not declared under the issuer';
}
