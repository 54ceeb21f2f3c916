import type { Reference } from 'langium';
import type { Party, Section, Task } from '../language/generated/ast.js';
import { isTask } from '../language/generated/ast.js';
import { taskMode } from '../language/keywords.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { modeFix } from '../linter/support/modes.js';
import { addresseeSource, isUnderAuthority, issuerOf, modeOf, resolvedParties } from '../semantics/responsibility.js';
import { headerRange, ownerOf } from '../semantics/structure.js';

export default defineRule({
    meta: {
        id: 'request-to-subordinate',
        category: 'responsibility',
        defaultSeverity: 'info',
        description: 'Đề nghị gửi cơ quan thuộc quyền chỉ đạo của cơ quan ban hành (có thể giao) / A request to bodies under the issuer\'s authority (it can direct them)',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Task(task) {
                const issuer = issuerOf(task);
                if (!issuer) {
                    return;
                }
                // Bodies the same duty also requests ("đồng thời đề nghị").
                task.requested.forEach((ref, index) => {
                    if (ref.ref && isUnderAuthority(ref.ref, issuer)) {
                        context.report({
                            node: task,
                            property: 'requested',
                            index,
                            message: message([ref], issuer, issuerOf(task) ? ownerOf(task)?.issuer?.$refText : undefined),
                        });
                    }
                });
                if (modeOf(task) !== 'requested') {
                    return;
                }
                // The bodies the request is addressed to (not those they are to cooperate with).
                const source = addresseeSource(task);
                // Bodies named by an enclosing request (task or heading) are reported there, once.
                if (!source || (source.node !== task && (isTask(source.node) ? modeOf(source.node) : sectionMode(source.node)) === 'requested')) {
                    return;
                }
                if (allUnder(source.refs, issuer)) {
                    context.report({
                        node: task,
                        range: headerRange(task, 'text'),
                        message: message(source.refs, issuer, ownerOf(task)?.issuer?.$refText),
                        fixes: () => directed(task),
                    });
                }
            },
            Section(section) {
                if (section.addressees.length === 0 || sectionMode(section) !== 'requested') {
                    return;
                }
                const issuer = issuerOf(section);
                if (issuer && allUnder(section.addressees, issuer)) {
                    context.report({
                        node: section,
                        property: 'addressees',
                        message: message(section.addressees, issuer, ownerOf(section)?.issuer?.$refText),
                        fixes: () => directed(section),
                    });
                }
            },
        };
    },
});

/**
 * The reverse of outside-authority's fix: the request made a directed task (with the requests under
 * it that take their addressee from it). Not preferred: a request to one's own units is sometimes a
 * deliberate courtesy ("Giám đốc Sở đề nghị Thủ trưởng các đơn vị trực thuộc …").
 */
function directed(node: Task | Section) {
    const fix = modeFix(node, 'directed', false);
    return fix ? [fix] : undefined;
}

function sectionMode(section: Task | Section): 'directed' | 'requested' | undefined {
    return section.mode ? taskMode(section.mode) : undefined;
}

function allUnder(refs: ReadonlyArray<Reference<Party>>, issuer: Party): boolean {
    if (refs.some(ref => ref.ref === undefined)) {
        return false;
    }
    const parties = resolvedParties(refs);
    return parties.length > 0 && parties.every(p => isUnderAuthority(p, issuer));
}

function message(refs: ReadonlyArray<Reference<Party>>, issuer: Party, issuerText: string | undefined): string {
    const names = refs.map(ref => ref.$refText).filter((n, i, all) => all.indexOf(n) === i).join(', ');
    const issuerId = issuerText ?? issuer.name;
    const many = refs.length > 1;
    return `${names} thuộc quyền chỉ đạo của ${issuerId}: giao bằng "nhiệm vụ" hoặc "giao" thay cho "đề nghị" / ${names} ${many ? 'are' : 'is'} under the authority of ${issuerId}: direct ${many ? 'them' : 'it'} ("nhiệm vụ", "giao") instead of requesting`;
}
