import type { Agency, Group, Party } from '../language/generated/ast.js';
import { isGroup } from '../language/generated/ast.js';
import type { Reference } from 'langium';
import type { RelatedPlace } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';

export default defineRule({
    meta: {
        id: 'group-cycle',
        category: 'responsibility',
        defaultSeverity: 'error',
        description: 'Nhóm chứa chính nó qua "gồm", hoặc chuỗi "thuộc" quay vòng / A group contains itself through "gồm", or a "thuộc" chain loops',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        return {
            Group(group) {
                // One search in the common case: only a group that reaches itself is looked at member by member.
                if (group.members.length > 0 && reaches(group, group)) {
                    group.members.forEach((ref, index) => {
                        const member = ref.ref;
                        if (!member) {
                            return;
                        }
                        const path = memberPath(member, group);
                        if (path) {
                            const chain = [group, ...path].map(nameOf).join(' → ');
                            context.report({
                                node: group,
                                property: 'members',
                                index,
                                message: `Nhóm '${nameOf(group)}' chứa chính nó qua "gồm": ${chain} / The group '${nameOf(group)}' contains itself through "gồm": ${chain}`,
                                related: links(path, (from, to) => isGroup(from) ? from.members.find(m => m.ref === to) : undefined, 'gồm', 'has member'),
                            });
                        }
                    });
                }
                checkParent(group);
            },
            Agency: checkParent,
        };

        function checkParent(party: Agency | Group): void {
            const chain = parentCycle(party);
            if (chain) {
                const text = chain.map(nameOf).join(' → ');
                context.report({
                    node: party,
                    property: 'parent',
                    message: `'${nameOf(party)}' thuộc chính nó qua chuỗi "thuộc": ${text} / '${nameOf(party)}' is under itself through "thuộc": ${text}`,
                    related: links(chain.slice(1), from => from.parent, 'thuộc', 'is under'),
                });
            }
        }
    },
});

/**
 * The other links of a cycle, as related places: where each party of `path` (but the last) names the
 * next, through `gồm` or `thuộc` (possibly in another file).
 */
function links(path: Party[], refTo: (from: Party, to: Party) => Reference<Party> | undefined, vi: string, en: string): RelatedPlace[] {
    const result: RelatedPlace[] = [];
    for (let i = 0; i + 1 < path.length; i++) {
        const [from, to] = [path[i], path[i + 1]];
        const refNode = refTo(from, to)?.$refNode;
        if (refNode) {
            result.push({ node: from, range: refNode.range, message: `'${nameOf(from)}' ${vi} '${nameOf(to)}' / '${nameOf(from)}' ${en} '${nameOf(to)}'` });
        }
    }
    return result;
}

function nameOf(party: Party): string {
    return party.name ?? '?';
}

/** Whether `target` can be reached from the members of `group` through `gồm`. */
function reaches(group: Group, target: Party): boolean {
    const seen = new Set<Party>();
    const stack: Party[] = [group];
    while (stack.length > 0) {
        const current = stack.pop()!;
        if (!isGroup(current)) {
            continue;
        }
        for (const ref of current.members) {
            const next = ref.ref;
            if (next === target) {
                return true;
            }
            if (next && !seen.has(next)) {
                seen.add(next);
                stack.push(next);
            }
        }
    }
    return false;
}

/** The path from `start` to `target` through `gồm` (start first, target last), if there is one. */
function memberPath(start: Party, target: Group): Party[] | undefined {
    if (start === target) {
        return [target];
    }
    const previous = new Map<Party, Party | undefined>([[start, undefined]]);
    const queue: Party[] = [start];
    while (queue.length > 0) {
        const current = queue.shift()!;
        if (!isGroup(current)) {
            continue;
        }
        for (const ref of current.members) {
            const next = ref.ref;
            if (!next || previous.has(next)) {
                continue;
            }
            previous.set(next, current);
            if (next === target) {
                const path: Party[] = [];
                for (let p: Party | undefined = next; p; p = previous.get(p)) {
                    path.unshift(p);
                }
                return path;
            }
            queue.push(next);
        }
    }
    return undefined;
}

/** The `thuộc` chain from a party back to itself (party first and last), if its parents loop back to it. */
function parentCycle(party: Party): Party[] | undefined {
    const chain: Party[] = [party];
    const seen = new Set<Party>([party]);
    let current = party.parent?.ref;
    while (current) {
        chain.push(current);
        if (current === party) {
            return chain;
        }
        if (seen.has(current)) {
            // A loop further up that does not pass through this party.
            return undefined;
        }
        seen.add(current);
        current = current.parent?.ref;
    }
    return undefined;
}
