/**
 * Assignments: "Giao X chủ trì, phối hợp với Y, Z …", "Đề nghị X …" (requested), "X chủ trì …",
 * "X phối hợp với Y …", and headings addressed to a body ("2.1. Sở Tài chính:"). A lead is written
 * only when the sentence names it; otherwise the caller keeps prose.
 */
import { bodiesAt, looksLikeBody, resolveBodies } from './agencies.js';
import type { KnownBody, Registry } from './registry.js';

export interface Duty {
    mode: 'nhiệm vụ' | 'giao' | 'đề nghị';
    leads: KnownBody[];
    supports: KnownBody[];
    /** The bodies whose duty the addressees (`leads`) are asked to cooperate with: they lead it. */
    cooperatesWith?: KnownBody[];
}

const LEAD_VERB = /^\s*,?\s*(?:có trách nhiệm\s+)?chủ trì(?![\p{L}\p{M}\p{N}]),?\s*/u;
/** Manner words written between "phối hợp" and "với" ("phối hợp kịp thời, chặt chẽ với"). */
const MANNER = String.raw`(?:\s+(?:chặt chẽ|kịp thời|thường xuyên|đồng bộ|tốt|hiệu quả|toàn diện|hành động)(?:\s*,)?)*`;
const SUPPORT = new RegExp(String.raw`^\s*,?\s*(?:chủ động\s+)?phối hợp${MANNER}(?:\s+với)?\s+`, 'u');

/** Leads named at the start of `text`: registry bodies, or a phrase before "chủ trì" that is a body by its form. */
function leadsAt(text: string, registry: Registry): { bodies: KnownBody[]; end: number } | undefined {
    const listed = bodiesAt(text, registry);
    if (listed.bodies.length > 0) {
        return listed;
    }
    const before = /^(.{3,120}?)\s+chủ trì(?![\p{L}\p{M}\p{N}])/u.exec(text);
    if (before && looksLikeBody(before[1])) {
        const bodies = resolveBodies(before[1], registry);
        if (bodies) {
            return { bodies, end: before[1].length };
        }
    }
    return undefined;
}

export function dutyOf(text: string, registry: Registry): Duty | undefined {
    let mode: Duty['mode'] = 'nhiệm vụ';
    // "Căn cứ (nội dung) Kế hoạch này, X …": where the duty comes from, before its subject.
    let rest = text.replace(/^(?:Căn cứ|Trên cơ sở)\s+(?:nội dung\s+)?(?:Kế hoạch|Chương trình|Đề án|Chỉ thị|Nghị quyết|Quyết định)\s+(?:này|nêu trên)\s*,\s*/u, '');
    const opener = /^(Giao|Đề nghị)\s+/u.exec(rest);
    if (opener) {
        mode = opener[1] === 'Giao' ? 'giao' : 'đề nghị';
        rest = rest.slice(opener[0].length);
    }
    const leads = leadsAt(rest, registry);
    if (!leads) {
        return undefined;
    }
    const after = rest.slice(leads.end);
    // The list must be the sentence's subject: a verb follows it, not more of a name.
    if (!/^\s*,?\s*\p{Ll}/u.test(after)) {
        return undefined;
    }
    let supports: KnownBody[] = [];
    const lead = LEAD_VERB.exec(after);
    const tail = lead ? after.slice(lead[0].length) : after;
    const support = SUPPORT.exec(tail);
    if (support) {
        supports = bodiesAt(tail.slice(support[0].length), registry).bodies.filter(b => !leads.bodies.includes(b));
    }
    // "Đề nghị X tích cực phối hợp với Y tuyên truyền …; phối hợp giám sát …": every clause a
    // cooperation, so the duty is Y's and X is asked to cooperate (`… cho X { phối hợp với Y }`).
    // Only in a request: a body outside the issuer's authority is asked to join the work of others;
    // "X phối hợp với Y …" directed to X stays X's duty, done with Y.
    const cooperation = lead || mode !== 'đề nghị' ? undefined : COOPERATION_ONLY.exec(after);
    if (cooperation) {
        const withWhom = bodiesAt(after.slice(cooperation[0].length), registry);
        if (withWhom.bodies.length > 0 && onlyCooperations(after.slice(cooperation[0].length + withWhom.end))) {
            return { mode, leads: leads.bodies, supports: [], cooperatesWith: withWhom.bodies.filter(b => !leads.bodies.includes(b)) };
        }
    }
    return { mode, leads: leads.bodies, supports };
}

/** A heading that names the bodies its items are for ("1. Công an tỉnh:", "Đề nghị Viện KSND tỉnh:"). */
export function headingAddressees(heading: string, registry: Registry): { mode: 'giao' | 'đề nghị'; bodies: KnownBody[] } | undefined {
    let text = heading.trim();
    if (!/:$/.test(text) && text.length > 80) {
        return undefined;
    }
    text = text.replace(/:$/u, '').trim();
    let mode: 'giao' | 'đề nghị' = 'giao';
    const request = /^Đề nghị\s+/u.exec(text);
    if (request) {
        mode = 'đề nghị';
        text = text.slice(request[0].length);
    }
    text = text.replace(/\s+(?:có trách nhiệm|chịu trách nhiệm|có nhiệm vụ|thực hiện(?: các nhiệm vụ sau)?|chủ trì(?: thực hiện)?)$/u, '');
    const bodies = resolveBodies(text, registry);
    return bodies && bodies.length > 0 ? { mode, bodies } : undefined;
}

/**
 * "Phối hợp với Y …" in an item under a heading addressed to X. When the item is that one clause, the
 * whole duty is a cooperation: Y leads, X cooperates. When it goes on with further clauses or
 * sentences ("Phối hợp với Y xây dựng …; tăng cường …"), those are X's own duties, so X leads the item
 * and Y cooperates (`ownDuties`).
 */
export function cooperatesWith(text: string, registry: Registry): { bodies: KnownBody[]; ownDuties: boolean } {
    const m = COOPERATES.exec(text);
    if (!m) {
        return { bodies: [], ownDuties: false };
    }
    const { bodies, end } = bodiesAt(text.slice(m[0].length), registry);
    return { bodies, ownDuties: bodies.length > 0 && !onlyCooperations(text.slice(m[0].length + end)) };
}

/**
 * Whether what follows a cooperation's bodies ("… xây dựng kế hoạch; phối hợp giám sát …") adds only
 * further cooperations: every clause or sentence after the first opens with "phối hợp".
 */
function onlyCooperations(rest: string): boolean {
    return rest.split(/[;.]\s+(?=[\p{L}\p{N}“"(])/u).slice(1).every(clause => ANOTHER_COOPERATION.test(clause));
}

const COOPERATION_ONLY = new RegExp(String.raw`^\s*,?\s*(?:(?:tích cực|chủ động)\s+)?phối hợp${MANNER}\s+với\s+`, 'u');
const ANOTHER_COOPERATION = new RegExp(String.raw`^(?:[Cc]hủ động\s+)?[Pp]hối hợp${MANNER}(?:\s+với)?\s`, 'u');

// An item may open with where its duty comes from ("Theo chức năng, nhiệm vụ được giao, phối hợp với …").
const COOPERATES = new RegExp(String.raw`^(?:(?:Theo|Căn cứ)\s+chức năng,?\s+nhiệm vụ(?:\s+được giao)?\s*,?\s*)?(?:[Cc]hủ động\s+)?[Pp]hối hợp${MANNER}(?:\s+với)?\s+`, 'u');

/** "Chủ trì, phối hợp với Y …" in an item under a heading addressed to X: X leads, Y cooperates. */
export function supportsUnderHeading(text: string, registry: Registry): KnownBody[] {
    const m = /^Chủ trì,?\s*(?:và\s+)?phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+/u.exec(text);
    return m ? bodiesAt(text.slice(m[0].length), registry).bodies : [];
}

/**
 * "… phối hợp (chặt chẽ) với Y, Z …" later in a task (not its opening words): the task's lead, or a
 * unit it directs ("Chỉ đạo cơ quan điều tra phối hợp với …"), works with Y and Z, who cooperate.
 * Only bodies the registry knows are taken; a phrase that names none adds nothing.
 */
export function supportsWithin(text: string, registry: Registry): KnownBody[] {
    const bodies: KnownBody[] = [];
    // Between "phối hợp" and "với", up to four words of manner, as printed ("kịp thòi, chặt chẽ").
    const within = new RegExp(String.raw`(?<=[\s,;(])[Pp]hối hợp(?:\s+[\p{Ll}\p{M}]+,?){0,4}?\s+với\s+`, 'gu');
    const opening = COOPERATES.exec(text)?.[0].length ?? 0;
    for (const m of text.matchAll(within)) {
        if (m.index === undefined || m.index < 2 || m.index + m[0].length <= opening) {
            continue;
        }
        for (const body of bodiesAt(text.slice(m.index + m[0].length), registry).bodies) {
            if (!bodies.includes(body)) {
                bodies.push(body);
            }
        }
    }
    return bodies;
}

/**
 * A lead-in that hands a list of duties to a lead and its cooperating units ("X chủ trì, phối hợp
 * với Y, Z thực hiện các nhiệm vụ sau:", "Chỉ đạo X chủ trì phối hợp Y triển khai các mặt công tác
 * sau:"): Y and Z, which the items after it inherit. Empty when it is not such a lead-in.
 */
export function supportsForItemsAfter(text: string, registry: Registry): KnownBody[] | undefined {
    if (!/(?<![\p{L}\p{M}])sau\s*:$/u.test(text.trim())) {
        return undefined;
    }
    const m = new RegExp(String.raw`chủ trì\s*,?\s*(?:và\s+)?phối hợp${MANNER}(?:\s+với)?\s+`, 'u').exec(text);
    if (!m || m.index === undefined) {
        return undefined;
    }
    const bodies = bodiesAt(text.slice(m.index + m[0].length), registry).bodies;
    return bodies.length > 0 ? bodies : undefined;
}

/**
 * "Chỉ đạo X chủ trì, phối hợp … triển khai các mặt công tác sau:": X leads the items that follow
 * the lead-in (the body under whose heading it stands only directs X).
 */
export function leadsForItemsAfter(text: string, registry: Registry): KnownBody[] | undefined {
    const trimmed = text.trim();
    if (!/(?<![\p{L}\p{M}])sau\s*:$/u.test(trimmed)) {
        return undefined;
    }
    const opener = /^(?:Chỉ đạo|Giao|Đề nghị)\s+/u.exec(trimmed);
    if (!opener) {
        return undefined;
    }
    const rest = trimmed.slice(opener[0].length);
    const leads = leadsAt(rest, registry);
    if (!leads || !LEAD_VERB.test(rest.slice(leads.end))) {
        return undefined;
    }
    return leads.bodies;
}
