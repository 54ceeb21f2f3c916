/**
 * Targets stated in percent: "đạt trên 90%", "giảm ít nhất 5% so với năm trước", "từ 03% đến 05%",
 * "phấn đấu 100%", "≥ 30%", "15% trở lên". Each becomes a `chỉ tiêu` with the clause as its text;
 * the comparison is the one printed next to the value, never inferred.
 */
import { quote } from './emit.js';

const OPS: Array<[RegExp, string]> = [
    [/(?:đạt\s+)?trên$/iu, 'trên'],
    [/(?:đạt\s+)?dưới$/iu, 'dưới'],
    [/(?:đạt\s+)?(?:ít nhất|tối thiểu)$/iu, 'ít nhất'],
    [/không dưới$/iu, 'không dưới'],
    [/(?:không quá|không vượt quá)$/iu, 'không quá'],
    [/tối đa$/iu, 'tối đa'],
    [/(?:đạt\s+)?khoảng$/iu, 'khoảng'],
    // "giảm từ 5% số vụ": from 5% up, the language's "từ" with no upper bound.
    [/(?:^|\s)từ$/iu, 'từ'],
    [/(?:cao hơn|hơn)$/iu, 'hơn'],
    [/đạt$/iu, 'đạt'],
    [/(?:≥|>=)$/u, '≥'],
    [/(?:≤|<=)$/u, '≤'],
    [/>$/u, '>'],
    [/<$/u, '<'],
];

const VALUE = /(?:từ\s*(\d+(?:[.,]\d+)?)\s*%?\s*(?:đến|-|–)\s*)?(\d+(?:[.,]\d+)?)\s*%(\s*trở\s+(?:lên|xuống))?/gu;

const VALUE_ONCE = /\d\s*%/u;

export interface Target {
    text: string;
    plan: string;
}

/** The targets of one paragraph, as `chỉ tiêu` lines. */
export function targetsIn(text: string, seenCounts?: Set<string>): Target[] {
    const targets: Target[] = [];
    // Clauses end at ";" or a full stop; a clause with several values is split at commas.
    for (const clause of text.split(/;\s*|\.\s+(?=[\p{Lu}\d])/u)) {
        // "… năm sau cao hơn năm trước": a change with no value, against the year before.
        // "… năm sau giảm so với năm trước" too.
        const yearOnYear = /năm sau (?:(cao|thấp) hơn|(giảm|tăng) so với) năm trước/iu.exec(clause);
        if (yearOnYear && !VALUE_ONCE.test(clause)) {
            const piece = clause.trim().replace(/[.,:]$/u, '');
            const up = (yearOnYear[1] ?? yearOnYear[2]).toLowerCase();
            targets.push({ text: clause.trim(), plan: `chỉ tiêu ${quote(piece)} ${up === 'cao' || up === 'tăng' ? 'tăng' : 'giảm'} so với năm trước` });
            continue;
        }
        // "… đạt và vượt chỉ tiêu Quốc hội giao": a level stated in words, kept as printed.
        const inWords = /đạt và vượt\s+((?:các\s+)?(?:chỉ tiêu|kế hoạch|mục tiêu)(?![\p{L}\p{M}])[^.;:!?]*)$/u.exec(clause.trim().replace(/[.,]$/u, ''));
        // Only where a measure is named ("Tỷ lệ … đạt và vượt …"): "nhiều nội dung đạt và vượt …" reports a result.
        if (inWords && !VALUE_ONCE.test(clause) && /(?:^|\s)(?:tỷ lệ|tỉ lệ|số)\s/iu.test(clause.slice(0, inWords.index))) {
            const piece = clause.trim().replace(/[.,:]$/u, '');
            targets.push({ text: clause.trim(), plan: `chỉ tiêu ${quote(piece)} đạt và vượt ${quote(inWords[1].trim())}` });
            continue;
        }
        // "Giảm số người …", "giảm tỷ lệ …" opening a clause with no value: a direction, any change counts.
        const direction = /^\s*(?:[-–+]\s*)?(giảm|tăng)\s+(?:số|tỷ lệ|tỉ lệ)(?![\p{L}\p{M}])/iu.exec(clause);
        if (direction && !/\d/u.test(clause)) {
            const piece = clause.trim().replace(/^[-–+]\s*/u, '').replace(/[.,:]$/u, '');
            targets.push({ text: piece, plan: `chỉ tiêu ${quote(piece)} ${direction[1].toLowerCase()}` });
            continue;
        }
        // "mỗi Tổ không quá 40 hộ dân", "ít nhất 01 mô hình": a count capped or floored in words.
        // A bound restated later in the plan (same operator, number and unit) is the same target.
        const count = countTarget(clause);
        if (count && !seenCounts?.has(count.key)) {
            seenCounts?.add(count.key);
            targets.push({ text: count.text, plan: count.plan });
        }
        if (count && !VALUE_ONCE.test(clause)) {
            continue;
        }
        const pieces = splitBetweenValues(clause);
        for (const piece of pieces) {
            const m = [...piece.matchAll(VALUE)];
            if (m.length !== 1) {
                continue;
            }
            const text = piece.trim().replace(/[.,:]$/u, '');
            const plan = targetOf(text, m[0]);
            if (!plan) {
                continue;
            }
            // "… 5% tai nạn giao thông cả về số vụ, số người chết và số người bị thương": one target per measure.
            const each = /\scả về\s+([^;]+)$/u.exec(text.slice((m[0].index ?? 0) + m[0][0].length));
            const measures = each ? each[1].split(/\s*,\s*|\s+và\s+/u).map(x => x.trim()).filter(x => x !== '') : [];
            if (measures.length >= 2 && measures.every(x => x.split(/\s+/u).length <= 6)) {
                for (const measure of measures) {
                    targets.push({ text: piece.trim(), plan: `${plan} đối với ${quote(measure)}` });
                }
            } else {
                targets.push({ text: piece.trim(), plan });
            }
        }
    }
    return targets;
}

/**
 * A clause with several values, cut between each two at the last ", " or " và " between them
 * ("… 30% số đối tượng truy nã hiện có và … 50% số đối tượng …"); two values with no such cut stay
 * together (and are left as prose).
 */
function splitBetweenValues(clause: string): string[] {
    const values = [...clause.matchAll(VALUE)];
    const pieces: string[] = [];
    let from = 0;
    for (let i = 0; i + 1 < values.length; i++) {
        const gapStart = (values[i].index ?? 0) + values[i][0].length;
        const gap = clause.slice(gapStart, values[i + 1].index);
        const cuts = [...gap.matchAll(/,\s+|\s+và\s+/gu)];
        const cut = cuts.at(-1);
        if (cut) {
            const at = gapStart + (cut.index ?? 0);
            pieces.push(clause.slice(from, at));
            from = at + cut[0].length;
        }
    }
    pieces.push(clause.slice(from));
    return pieces;
}

function targetOf(piece: string, m: RegExpMatchArray): string | undefined {
    const before = piece.slice(0, m.index).trimEnd();
    const parts = [`chỉ tiêu ${quote(piece)}`];
    if (/(phấn đấu)/iu.test(before) || /^phấn đấu/iu.test(before)) {
        parts.push('phấn đấu');
    } else if (/(bảo đảm|đảm bảo)/iu.test(before)) {
        parts.push('bảo đảm');
    }
    const change = /(giảm|tăng)(?:\s+\S+){0,8}$/iu.exec(before);
    const op = OPS.find(([re]) => re.test(before));
    if (change && !/^(giảm|tăng)\s+(xuống|lên)/iu.test(change[0])) {
        parts.push(change[1].toLowerCase());
    }
    const lower = m[1];
    const value = m[2];
    const postfix = m[3]?.trim().replace(/\s+/g, ' ');
    if (lower) {
        parts.push(`từ ${lower}% đến ${value}%`);
    } else {
        parts.push(`${op && !postfix ? `${op[1]} ` : ''}${value}%${postfix ? ` ${postfix}` : ''}`);
    }
    const after = piece.slice((m.index ?? 0) + m[0].length);
    const baseline = /so với\s+(năm trước|năm\s+(\d{4})|cùng kỳ)/iu.exec(after);
    if (baseline) {
        if (/^năm trước/iu.test(baseline[1])) {
            parts.push('so với năm trước');
        } else if (baseline[2]) {
            parts.push(`so với năm ${baseline[2]}`);
        } else {
            parts.push(`so với ${quote(baseline[1])}`);
        }
    }
    if (/(hằng|hàng)\s+năm|mỗi năm/iu.test(piece)) {
        parts.push('hằng năm');
    }
    const by = /(?:đến|vào)\s+năm\s+(\d{4})/iu.exec(after);
    if (by) {
        parts.push(`đến năm ${by[1]}`);
    }
    return parts.join(' ');
}

/** A bound only where the operator is printed; a unit of time is a deadline's, not a target's. */
const COUNT = /(?:^|[\s,(])(ít nhất|tối thiểu|không dưới|không quá|không vượt quá|tối đa)\s+(\d+)\s+((?:[\p{L}\p{M}]+)(?:\s+[\p{L}\p{M}]+){0,3})/gu;
const TIME_UNITS = /^(?:ngày|tháng|năm|tuần|quý|quí|giờ|phút|lần)$/u;
// Words that end a noun phrase ("40 hộ dân để …"): the unit stops before them.
const STOP = /^(?:để|và|của|cho|trong|tại|được|ở|theo|với|các|có|là|thì|mỗi|trên|dưới|từ|đến|trở|hoặc|nhằm|về|khi|đã|sẽ|phải|bảo|đảm|so|đối)$/u;
const OPS_COUNT: Record<string, string> = { 'ít nhất': 'ít nhất', 'tối thiểu': 'tối thiểu', 'không dưới': 'không dưới', 'không quá': 'không quá', 'không vượt quá': 'không vượt quá', 'tối đa': 'tối đa' };

function countTarget(clause: string): (Target & { key: string }) | undefined {
    const nfc = clause.normalize('NFC');
    const found = [...nfc.matchAll(COUNT)];
    if (found.length !== 1) {
        return undefined;
    }
    const [, op, value, words] = found[0];
    const unit: string[] = [];
    for (const word of words.split(/\s+/u)) {
        if (STOP.test(word.toLowerCase())) break;
        unit.push(word);
    }
    if (unit.length === 0 || TIME_UNITS.test(unit[0].toLowerCase())) {
        return undefined;
    }
    // A noun phrase running on ("01 mô hình vận động nhân dân …") has no clear unit: the number alone.
    if (unit.length > 3) {
        unit.length = 0;
    }
    const text = nfc.trim().replace(/[.,:]$/u, '');
    const yearly = /(hằng|hàng)\s+năm|mỗi năm/iu.test(text) ? ' hằng năm' : '';
    const bound = `${OPS_COUNT[op]} ${Number(value)} ${unit.join(' ').toLowerCase()}`.trim();
    return { key: bound, text: nfc.trim(), plan: `chỉ tiêu ${quote(text)} ${OPS_COUNT[op]} ${value}${unit.length > 0 ? ` ${unit.join(' ')}` : ''}${yearly}` };
}
