/**
 * Who does what in a plan: the mode of a task, its effective lead and cooperating units (through
 * nesting, headings addressed to a body, and "phối hợp với"), the bodies it requests, whose
 * authority a body is under, and the members of groups.
 */
import type { AstNode, Reference } from 'langium';
import type { Agency, Document, Group, Party, Plan, Section, Task } from '../language/generated/ast.js';
import { isAgency, isGroup, isSection, isTask } from '../language/generated/ast.js';
import type { TaskMode } from '../language/keywords.js';
import { taskMode } from '../language/keywords.js';
import { ownerOf } from './structure.js';

export function modeOf(task: Task): TaskMode {
    return taskMode(task.mode ?? '') ?? 'directed';
}

/** Where a task's lead units (or its addressees) come from. */
export interface LeadSource {
    /** The task or addressed section that names them. */
    node: Task | Section;
    /**
     * `leads` (chủ trì), `cooperatesWith` (the addressee "phối hợp với" them), or `addressees` (the
     * body a task is addressed to with `cho`, or a heading's body).
     */
    property: 'leads' | 'cooperatesWith' | 'addressees';
    refs: Array<Reference<Party>>;
}

/**
 * Where the lead units of a task come from: its own `chủ trì`; else the bodies it cooperates with
 * (`phối hợp với X`: X leads); else the bodies it is addressed to (`cho X`); else those of the
 * nearest enclosing task that names some; else the bodies the nearest enclosing heading is
 * addressed to (`phần "2" "Sở Nội vụ" giao SO_NV`).
 */
export function leadSource(task: Task): LeadSource | undefined {
    return sourceOf(task, true);
}

/**
 * The bodies a task is addressed to, which its mode directs (`giao`) or requests (`đề nghị`): its
 * own `chủ trì` or `cho`, else those of the enclosing task or heading. Unlike `leadSource`, the
 * bodies an addressee cooperates with (`phối hợp với X`) are not addressed: the plan asks the
 * addressee to cooperate, it does not direct X.
 */
export function addresseeSource(task: Task): LeadSource | undefined {
    return sourceOf(task, false);
}

/**
 * The nearest of the task and what holds it that names the bodies; `phối hợp với` counts for leads
 * only. Remembered for each node on the way up (an AST does not change; a new parse makes new nodes):
 * asked of every task by rules, compiler and editor, a walk each time made tasks nested a thousand
 * deep cost a billion steps.
 */
function sourceOf(task: Task, cooperation: boolean): LeadSource | undefined {
    const memo = cooperation ? leadSources : addresseeSources;
    const visited: AstNode[] = [];
    let found: LeadSource | null | undefined;
    for (let current: AstNode | undefined = task; current; current = current.$container) {
        found = memo.get(current);
        if (found !== undefined) {
            break;
        }
        found = ownSource(current, cooperation);
        visited.push(current);
        if (found) {
            break;
        }
    }
    for (const node of visited) {
        memo.set(node, found ?? null);
    }
    return found ?? undefined;
}

/** What the node itself names (null: nothing, look further up). */
function ownSource(node: AstNode, cooperation: boolean): LeadSource | null {
    if (isTask(node)) {
        if (node.leads.length > 0) {
            return { node, property: 'leads', refs: node.leads };
        }
        if (cooperation && node.cooperatesWith.length > 0) {
            return { node, property: 'cooperatesWith', refs: node.cooperatesWith };
        }
        if (node.addressees.length > 0) {
            return { node, property: 'addressees', refs: node.addressees };
        }
    } else if (isSection(node) && node.addressees.length > 0) {
        return { node, property: 'addressees', refs: node.addressees };
    }
    return null;
}

const leadSources = new WeakMap<AstNode, LeadSource | null>();
const addresseeSources = new WeakMap<AstNode, LeadSource | null>();

/** The lead units of a task (see `leadSource`). */
export function effectiveLeads(task: Task): Array<Reference<Party>> {
    return leadSource(task)?.refs ?? [];
}

/**
 * Whether the lead units of a task each lead their own part, in their own remit (`chủ trì A, B theo
 * chức năng`, or a heading `giao A, B theo chức năng`), as stated where they are named: the same
 * effective leads, but not one duty they answer for jointly.
 */
export function leadsInOwnRemit(task: Task): boolean {
    const source = leadSource(task);
    return source !== undefined && source.property !== 'cooperatesWith' && source.node.ownRemit === true;
}

/** The task whose `chủ trì` clause gives this task its leads, if a task does. */
export function leadOwner(task: Task): Task | undefined {
    const source = leadSource(task);
    return source && isTask(source.node) ? source.node : undefined;
}

/** Whether the task names bodies of its own (`chủ trì`, `phối hợp với`, `cho`): else it takes its parent's. */
function namesBodies(task: Task): boolean {
    return task.leads.length > 0 || task.cooperatesWith.length > 0 || task.addressees.length > 0;
}

/** Whether the task's lead is explicitly unstated in the original (`chủ trì không nêu`), itself or through its parent. */
export function leadUnstated(task: Task): boolean {
    for (let current: AstNode | undefined = task; isTask(current); current = current.$container) {
        if (current.leadUnstated) {
            return true;
        }
        if (namesBodies(current)) {
            return false;
        }
    }
    return false;
}

/**
 * The cooperating units of a task: its own `phối hợp`; with `phối hợp với X`, the body that would
 * otherwise lead (the addressee, which cooperates with X); and, for a sub-task that names neither
 * leads nor whom it cooperates with, those of the task it is part of.
 */
export function effectiveSupports(task: Task): Array<Reference<Party>> {
    const result: Array<Reference<Party>> = [];
    const seen = new Set<unknown>();
    const add = (refs: ReadonlyArray<Reference<Party>>) => {
        for (const ref of refs) {
            const key = ref.ref ?? ref.$refText;
            if (!seen.has(key)) {
                seen.add(key);
                result.push(ref);
            }
        }
    };
    // The task, then each enclosing task whose supports a sub-task naming no body takes (a loop, not
    // a recursion: tasks may be nested thousands deep).
    for (let current = task; ;) {
        add(current.supports);
        if (current.cooperatesWith.length > 0 && current.leads.length === 0) {
            // The addressee cooperates with the leads: its own `cho`, or the enclosing task's or heading's.
            const addressee = addresseeSource(current);
            if (addressee) {
                add(addressee.refs);
            }
        }
        if (namesBodies(current) || !isTask(current.$container)) {
            break;
        }
        current = current.$container;
    }
    // A sub-task that names no body has the leads of the task it is part of: those are no supports.
    const leads = new Set(effectiveLeads(task).map(r => r.ref ?? r.$refText));
    return result.filter(r => !leads.has(r.ref ?? r.$refText));
}

/** Bodies the same duty requests (`đồng thời đề nghị`): outside the issuer's authority, asked, not directed. */
export function requestedOf(task: Task): Array<Reference<Party>> {
    return task.requested;
}

/** The body that issues the plan or document holding `node`. */
export function issuerOf(node: AstNode): Party | undefined {
    const owner: Plan | Document | undefined = ownerOf(node);
    return owner?.issuer?.ref;
}

/** Ancestors of a body through `thuộc` (parent), nearest first, stopping at cycles. */
export function ancestors(party: Party): Party[] {
    const result: Party[] = [];
    const seen = new Set<Party>([party]);
    let current = party.parent?.ref;
    while (current && !seen.has(current)) {
        result.push(current);
        seen.add(current);
        current = current.parent?.ref;
    }
    return result;
}

/** Whether the issuer can direct a body: `unknown` when the registry does not say. */
export type Authority = 'under' | 'outside' | 'unknown';

export interface AuthorityVerdict {
    authority: Authority;
    /**
     * When unknown, the groups that make it so: groups declaring neither a parent (`thuộc`) nor
     * members (`gồm`) nor `độc lập`, reached from the body through `gồm`.
     */
    undeclared: Group[];
}

/**
 * Whether the issuer can direct (giao) this body, decided by what the registry states and nothing
 * else: under its authority when the body is the issuer or below it through `thuộc` and is not
 * `độc lập`; outside when it is `độc lập`, or its `thuộc` chain leads elsewhere, or it is an agency
 * at the top of no chain but its own (a ministry, a Party body). A group without `thuộc` is judged by
 * its members (`gồm`): outside when one of them is, under when all are. A group that states neither
 * `thuộc` nor `gồm` (nor `độc lập`) says nothing, and neither does a `thuộc` or `gồm` that does not
 * resolve: the verdict is then unknown, not outside.
 *
 * The registry convention (README, "Authority"): central vertical bodies (Cục Hải quan, Cục Thi
 * hành án dân sự, Ngân hàng Nhà nước chi nhánh, the military and border-guard commands), Party
 * bodies and their press, the procuracy, the courts, the Fatherland Front and the mass
 * organisations are declared `độc lập` or under their own hierarchy, never under a UBND.
 */
export function authorityOver(party: Party, issuer: Party): AuthorityVerdict {
    // Iterative: a chain of thousands of nested groups must not overflow the stack.
    const pending: Party[] = [party];
    const seen = new Set<Party>();
    const undeclared: Group[] = [];
    let unknown = false;
    while (pending.length > 0) {
        const current = pending.pop()!;
        if (seen.has(current)) {
            continue;
        }
        seen.add(current);
        if (current.independent) {
            return { authority: 'outside', undeclared: [] };
        }
        const chain = ancestors(current);
        if (current === issuer || chain.includes(issuer)) {
            continue;
        }
        if (current.parent) {
            // A chain that ends at a parent that does not resolve (a typo, `thuộc CẦN_ĐIỀN`) says nothing.
            const top = chain.at(-1) ?? current;
            if (top.parent && !top.parent.ref) {
                unknown = true;
                continue;
            }
            return { authority: 'outside', undeclared: [] };
        }
        if (isGroup(current)) {
            if (current.members.length === 0) {
                undeclared.push(current);
                unknown = true;
            }
            for (const member of current.members) {
                if (member.ref) {
                    pending.push(member.ref);
                } else {
                    unknown = true;
                }
            }
            continue;
        }
        return { authority: 'outside', undeclared: [] };
    }
    return unknown ? { authority: 'unknown', undeclared } : { authority: 'under', undeclared: [] };
}

/** Whether the issuer can direct (giao) this body, as the registry states it (see `authorityOver`). */
export function isUnderAuthority(party: Party, issuer: Party): boolean {
    return authorityOver(party, issuer).authority === 'under';
}

/** Whether the registry states that the issuer cannot direct this body (see `authorityOver`). */
export function isOutsideAuthority(party: Party, issuer: Party): boolean {
    return authorityOver(party, issuer).authority === 'outside';
}

/** The referenced parties of a list, without unresolved references and without repeats. */
export function resolvedParties(refs: ReadonlyArray<Reference<Party>>): Party[] {
    const result: Party[] = [];
    for (const ref of refs) {
        const party = ref.ref;
        if (party && !result.includes(party)) {
            result.push(party);
        }
    }
    return result;
}

/** Every body a group holds through `gồm`, at any depth, each once, with the group that lists it. */
export function groupMembers(group: Group): Array<{ party: Party; through: Group }> {
    const result: Array<{ party: Party; through: Group }> = [];
    const seen = new Set<Party>([group]);
    const queue: Group[] = [group];
    while (queue.length > 0) {
        const current = queue.shift()!;
        for (const member of resolvedParties(current.members)) {
            if (seen.has(member)) {
                continue;
            }
            seen.add(member);
            result.push({ party: member, through: current });
            if (isGroup(member)) {
                queue.push(member);
            }
        }
    }
    return result;
}

export function displayName(party: Agency | Group): string {
    return party.officialName;
}

export function isIndependent(party: Party): boolean {
    return (isAgency(party) || isGroup(party)) && party.independent;
}

/** How a name is compared: NFC, lower case, blanks collapsed, list dashes and end punctuation dropped. */
export function nameKey(text: string): string {
    return text.normalize('NFC').toLowerCase()
        .replace(/\s+/g, ' ')
        .trim()
        .replace(/^[-–—•+*]\s*/, '')
        .replace(/\s*[;,.:]+$/, '')
        .trim();
}
