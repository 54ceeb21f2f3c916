/**
 * Bodies named in the text, resolved against the registry by official name or alias, ignoring
 * diacritics, case and tone placement ("Uỷ"/"Ủy"); a body the registry lacks is declared with its
 * name as printed, only where the sentence's form says it is a body.
 */
import { foldForSearch } from '../language/fold.js';
import type { KnownBody, Registry } from './registry.js';

/** Folds one character at a time, so a match in folded text maps back to the printed text. */
function foldWithMap(text: string): { folded: string; starts: number[] } {
    let folded = '';
    const starts: number[] = [];
    for (let i = 0; i < text.length; i++) {
        const f = foldForSearch(text[i]) || (/\s/.test(text[i]) ? ' ' : '');
        for (const ch of f) {
            folded += ch;
            starts.push(i);
        }
    }
    return { folded, starts };
}

export interface BodyMatch {
    body: KnownBody;
    /** The name as printed. */
    printed: string;
    end: number;
}

/** The longest registry name that `text` begins with (at a word boundary). */
export function bodyAt(text: string, registry: Registry): BodyMatch | undefined {
    const { folded, starts } = foldWithMap(text);
    let best: { body: KnownBody; length: number } | undefined;
    for (const body of registry.visibleBodies()) {
        for (const n of foldedNames(body).matched) {
            if (n.length > 0 && folded.startsWith(n) && !/[\p{L}\p{N}]/u.test(folded[n.length] ?? '') && (!best || n.length > best.length)) {
                best = { body, length: n.length };
            }
        }
    }
    best ??= withoutLevel(folded, registry) ?? forceOf(folded, registry);
    if (!best) {
        return undefined;
    }
    const end = best.length < starts.length ? starts[best.length] : text.length;
    return { body: best.body, printed: text.slice(0, end).trim(), end };
}

/**
 * A body named without its level, inside a list ("phối hợp với Tòa án nhân dân, Viện kiểm sát nhân
 * dân và …", "lực lượng Công an và các cơ quan liên quan"): the one registry body whose name is the
 * printed words followed by a level only ("tỉnh", "tỉnh Cà Mau", "cùng cấp"). Taken only where a
 * separator or a preposition follows ("lực lượng Công an trong …"), so "Công an các đơn vị" is not
 * "Công an tỉnh", and only when one body fits.
 */
function withoutLevel(folded: string, registry: Registry): { body: KnownBody; length: number } | undefined {
    const forces = /^luc luong /u.exec(folded)?.[0].length ?? 0;
    return onlyBody(registry, name => {
        const m = LEVELLED.exec(name);
        if (!m || m[1].split(' ').length < 2) {
            return undefined;
        }
        const head = m[1];
        if (!folded.startsWith(head, forces)) {
            return undefined;
        }
        // "Tòa án nhân dân cùng cấp": a level printed after the name is part of it.
        const level = /^ (?:cung cap|cac cap)(?![a-z])/u.exec(folded.slice(forces + head.length))?.[0].length ?? 0;
        const length = forces + head.length + level;
        return SEPARATOR_FOLDED.test(folded.slice(length)) ? length : undefined;
    });
}

/**
 * A force named by its service, inside a list: "Bộ đội Biên phòng" for the registry's "Bộ Chỉ huy Bộ
 * đội Biên phòng tỉnh", "Hải quan" for "Cục Hải quan tỉnh"; and "lực lượng Cảnh sát … Công an tỉnh",
 * a unit of a registry body, for that body. As above: a separator must follow and one body fit.
 */
function forceOf(folded: string, registry: Registry): { body: KnownBody; length: number } | undefined {
    // Where a body's name may begin after "lực lượng": each of the next nine words.
    const starts: number[] = [];
    if (folded.startsWith('luc luong ')) {
        for (let at = 'luc luong '.length; starts.length < 9 && at > 0; at = folded.indexOf(' ', at) + 1) {
            starts.push(at);
        }
    }
    return onlyBody(registry, n => {
        // The unit's words, then the body's full name.
        const at = n.split(' ').length < 2 ? undefined
            : starts.find(start => start > 'luc luong '.length && folded.startsWith(n, start) && SEPARATOR_FOLDED.test(folded.slice(start + n.length)));
        if (at !== undefined) {
            return at + n.length;
        }
        const m = COMMAND.exec(n);
        const service = m ? LEVELLED.exec(m[1])?.[1] ?? m[1] : undefined;
        return service && folded.startsWith(service) && SEPARATOR_FOLDED.test(folded.slice(service.length)) ? service.length : undefined;
    });
}

/** The one visible body one of whose folded names `lengthOf` matches (with the matched length); none when several do. */
function onlyBody(registry: Registry, lengthOf: (foldedName: string) => number | undefined): { body: KnownBody; length: number } | undefined {
    const found = new Map<KnownBody, number>();
    for (const body of registry.visibleBodies()) {
        for (const name of foldedNames(body).declared) {
            const length = lengthOf(name);
            if (length !== undefined) {
                found.set(body, length);
            }
        }
    }
    if (found.size !== 1) {
        return undefined;
    }
    const [[body, length]] = found;
    return { body, length };
}

/** A body's names folded for matching, once per body (its names never change once it is known). */
const FOLDED = new WeakMap<KnownBody, { declared: string[]; matched: string[] }>();
function foldedNames(body: KnownBody): { declared: string[]; matched: string[] } {
    let folded = FOLDED.get(body);
    if (!folded) {
        folded = {
            declared: body.names.map(foldForSearch),
            // A name printed without its "và" ("Sở Kế hoạch Đầu tư") is still that body's.
            matched: body.names.flatMap(n => / và /u.test(n) ? [n, n.replace(/ và /gu, ' ')] : [n]).map(foldForSearch),
        };
        FOLDED.set(body, folded);
    }
    return folded;
}

/** The command or department over a force or service ("Bộ Chỉ huy …", "Cục …", "Chi cục …"). */
const COMMAND = /^(?:bo chi huy|cuc|chi cuc) (.+)$/u;
const SEPARATOR_FOLDED = /^\s*(?:,|;|va\s|trong\s|tai\s|de\s|nham\s|ve\s|$)/u;

/** A folded name split into its words and a trailing level. */
const LEVELLED = /^(.+?) (?:(?:tinh|thanh pho|huyen)(?: [a-z0-9]+){0,3}|cung cap|cac cap)$/u;

const SEPARATOR = /^(?:\s*(?:,|;|và|cùng|với)\s*)+/u;

/** Bodies listed at the start of `text` ("Sở Tư pháp, Công an tỉnh và …"); where the list ends. */
export function bodiesAt(text: string, registry: Registry): { bodies: KnownBody[]; end: number } {
    const bodies: KnownBody[] = [];
    let at = 0;
    let end = 0;
    for (;;) {
        // A level written once after the list ("VKSND, TAND cùng cấp") names several bodies at once.
        const shared = sharedQualifier(text.slice(at), registry);
        const single = shared ? undefined : bodyAt(text.slice(at), registry);
        const found = shared ?? (single ? { bodies: [single.body], end: single.end } : undefined);
        if (!found) {
            break;
        }
        bodies.push(...found.bodies.filter(b => !bodies.includes(b)));
        at += found.end;
        end = at;
        const sep = SEPARATOR.exec(text.slice(at));
        if (!sep) {
            break;
        }
        at += sep[0].length;
    }
    return { bodies, end };
}

/**
 * "VKSND, TAND cùng cấp", "Viện kiểm sát nhân dân và Tòa án nhân dân các cấp": a level written once
 * after a list qualifies each name in it. Taken only when every name with the level is a registry body.
 */
function sharedQualifier(text: string, registry: Registry): { bodies: KnownBody[]; end: number } | undefined {
    const m = /^([^,;.:]{2,60}?(?:(?:\s*,\s*|\s+và\s+)[^,;.:]{2,60}?)+)\s+(cùng cấp|các cấp)(?![\p{L}\p{M}\p{N}])/u.exec(text);
    if (!m) {
        return undefined;
    }
    const bodies: KnownBody[] = [];
    for (const part of m[1].split(/\s*,\s*|\s+và\s+/u)) {
        const name = `${part} ${m[2]}`;
        const match = bodyAt(name, registry);
        if (!match || match.end < name.length) {
            return undefined;
        }
        bodies.push(match.body);
    }
    return { bodies, end: m[0].length };
}

/** Words a body's name begins with: a name the registry lacks is declared only when it has one of them. */
const BODY_HEAD = /^(?:Sở|Ban|Bộ|Công an|Ủy ban|Uỷ ban|UBND|Văn phòng|Đài|Báo|Viện|Tòa án|Toà án|Cục|Chi cục|Hội|Liên đoàn|Đoàn|Mặt trận|Bộ Chỉ huy|Bộ đội|Trường|Thanh tra|Kho bạc|Ngân hàng|Tỉnh đoàn|Thành đoàn|Huyện ủy|Tỉnh ủy|Thành ủy|Các sở|Các cơ quan|Các đơn vị|Các ban|Thủ trưởng|Giám đốc|Chủ tịch)(?![\p{L}\p{M}\p{N}])/u;

export function looksLikeBody(name: string): boolean {
    const words = name.trim().split(/\s+/u);
    // No body's name holds an assignment's verbs ("Sở Tài chính chủ trì bố trí kinh phí").
    return BODY_HEAD.test(name.trim()) && words.length <= 14 && !/[.;:!?]/u.test(name.replace(/[.:]$/u, ''))
        && !/\s(?:chủ trì|phối hợp|có trách nhiệm|thực hiện)(?![\p{L}\p{M}])/u.test(name);
}

/**
 * Bodies named by `phrase` (which names bodies and nothing else): each resolved, or declared as
 * printed when its form says it is one; undefined when a part is neither (the caller keeps prose).
 */
export function resolveBodies(phrase: string, registry: Registry): KnownBody[] | undefined {
    const listed = bodiesAt(phrase, registry);
    const rest = phrase.slice(listed.end).replace(SEPARATOR, '').trim();
    if (rest === '') {
        return listed.bodies.length > 0 ? listed.bodies : undefined;
    }
    // The rest, split at commas (and at "và" where both sides are bodies: "Sở Khoa học và Công nghệ" is
    // one), must be bodies by their form; or the whole is one ("Sở Văn hóa, Thể thao và Du lịch").
    let parts = rest.split(/\s*[,;]\s*/u).map(p => p.trim()).filter(p => p !== '').flatMap(part => {
        const sides = part.split(/\s+và\s+/u);
        return sides.length > 1 && sides.every(looksLikeBody) ? sides : [part];
    });
    if (parts.length === 0 || !parts.every(looksLikeBody)) {
        if (!looksLikeBody(rest)) {
            return undefined;
        }
        parts = [rest];
    }
    const bodies = [...listed.bodies];
    for (const part of parts) {
        const again = bodyAt(part, registry);
        bodies.push(again && again.end >= part.length - 1 ? again.body : registry.addBody(part));
    }
    return bodies;
}
