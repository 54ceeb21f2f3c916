import type { Reference } from 'langium';
import { AstUtils } from 'langium';
import type { Group, Party, Plan } from '../language/generated/ast.js';
import { isGroup, isReport, isSection, isTask } from '../language/generated/ast.js';
import { defineRule } from '../linter/rule.js';
import { workspaceParties } from '../semantics/parties.js';
import { effectiveRecipients } from '../semantics/instruments.js';
import { effectiveLeads, effectiveSupports, isUnderAuthority, resolvedParties } from '../semantics/responsibility.js';
import { allContents } from '../semantics/contents.js';

interface Options {
    includeOutsideAuthority: boolean;
}

export default defineRule<Options>({
    meta: {
        id: 'agency-without-task',
        category: 'responsibility',
        defaultSeverity: 'info',
        description: 'Cơ quan ở nơi nhận nhưng kế hoạch không giao việc gì / A body the plan is addressed to but gives nothing to do',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                includeOutsideAuthority: {
                    type: 'boolean',
                    default: false,
                    description: 'Kiểm tra cả nơi nhận ngoài quyền chỉ đạo của cơ quan ban hành (cấp trên, cơ quan nhận để biết) / Also check recipients outside the issuer\'s authority (superiors and bodies informed)',
                },
            },
        },
        defaultOptions: { includeOutsideAuthority: false },
        recommended: true,
    },
    create(context) {
        const includeOutside = context.options.includeOutsideAuthority === true;
        return {
            Plan(plan) {
                // The plan's own recipients or, when it has none, those of the decision that issues it
                // (checked when the decision is written in the same file, where the finding can be shown).
                const { recipients: lines } = effectiveRecipients(plan);
                const recipients = lines.filter(r => r.party?.ref !== undefined && AstUtils.getDocument(r) === context.document);
                if (recipients.length === 0) {
                    return;
                }
                const issuer = plan.issuer?.ref;
                if (!issuer && !includeOutside) {
                    // Without an issuer nobody can tell which recipients are meant to act.
                    return;
                }
                const working = bodiesWithWork(plan);
                const { groupsContaining } = workspaceParties(context.services, context.document);
                for (const recipient of recipients) {
                    const party = recipient.party!.ref!;
                    if (party === issuer) {
                        continue;
                    }
                    if (!includeOutside && (!issuer || !isUnderAuthority(party, issuer))) {
                        continue;
                    }
                    if (hasWork(party, working, groupsContaining)) {
                        continue;
                    }
                    const id = recipient.party!.$refText;
                    context.report({
                        node: recipient,
                        property: 'party',
                        message: `'${id}' có ở nơi nhận nhưng kế hoạch không giao việc gì (không chủ trì, phối hợp hay báo cáo): giao việc hoặc bỏ khỏi nơi nhận / '${id}' is a recipient but the plan gives it nothing to do (no lead, support or report): give it work or drop it from the recipients`,
                    });
                }
            },
        };
    },
});

/**
 * Bodies named as lead, support or requested body of a task (also through a heading), or as
 * reporter, recipient, channel or preparer of a report.
 */
function bodiesWithWork(plan: Plan): Set<Party> {
    const result = new Set<Party>();
    // Added list by list, without a list joined for each node: the set is only asked what it holds.
    const add = (refs: ReadonlyArray<Reference<Party>>) => {
        for (const ref of refs) {
            const party = ref.ref;
            if (party) {
                result.add(party);
            }
        }
    };
    for (const node of allContents(plan)) {
        if (isTask(node)) {
            add(effectiveLeads(node));
            add(effectiveSupports(node));
            add(node.requested);
        } else if (isSection(node)) {
            add(node.addressees);
        } else if (isReport(node)) {
            add(node.reporters);
            add(node.recipients);
            if (node.via) {
                add([node.via]);
            }
            if (node.drafter) {
                add([node.drafter]);
            }
        }
    }
    return result;
}

/**
 * A group has work if it or any of its members (through `gồm`, at any depth) has; an agency or group
 * has work if a group that lists it (at any depth) has.
 */
function hasWork(party: Party, working: Set<Party>, groupsContaining: Map<Party, Group[]>): boolean {
    if (working.has(party)) {
        return true;
    }
    // Down: members of a group.
    const down = new Set<Party>([party]);
    const stack: Party[] = [party];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (isGroup(current)) {
            for (const member of resolvedParties(current.members)) {
                if (working.has(member)) {
                    return true;
                }
                if (!down.has(member)) {
                    down.add(member);
                    stack.push(member);
                }
            }
        }
    }
    // Up: groups that list it.
    const up = new Set<Party>([party]);
    stack.push(party);
    while (stack.length > 0) {
        const current = stack.pop()!;
        for (const group of groupsContaining.get(current) ?? []) {
            if (working.has(group)) {
                return true;
            }
            if (!up.has(group)) {
                up.add(group);
                stack.push(group);
            }
        }
    }
    return false;
}
