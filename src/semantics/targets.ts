/**
 * What a target means: the comparison it makes, the set of values it admits, what kind of quantity
 * it constrains, when it is due, who owns it, and how to say it in words.
 */
import type { AstNode, CstNode, Reference } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { Citable, Document, Party, Plan, Target } from '../language/generated/ast.js';
import { isSection, isTarget, isTask } from '../language/generated/ast.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import type { ChangeDirection, Commitment, ComparisonOp } from '../language/keywords.js';
import { changeDirection, commitment, comparisonOp, documentKind, documentKindLabel, keywordKey } from '../language/keywords.js';
import { effectiveLeads } from './responsibility.js';
import { phraseKey } from './names.js';
import { deadlinesOf, recurrenceMonths, sourceText, statedPlanSpan, yearOf } from './time.js';
import { allContents } from './contents.js';
import { propertyNode } from '../language/cst-property.js';

/**
 * Canonical comparison of a target: prefix op, postfix ("trở lên") wins; a bare value means "reach"
 * (at least: "100%" is "đạt 100%"). Undefined for a direction without a value ("giảm so với năm trước").
 */
export function targetOp(target: Target): ComparisonOp | undefined {
    const c = target.comparison;
    if (!c) {
        return undefined;
    }
    if (c.postfix) {
        return comparisonOp(c.postfix) ?? 'atLeast';
    }
    if (c.op) {
        const op = comparisonOp(c.op) ?? 'atLeast';
        return op === 'between' || c.upper === undefined ? op : 'between';
    }
    return c.upper !== undefined ? 'between' : 'atLeast';
}

export function isRelativeChange(target: Target): boolean {
    return target.change !== undefined && !target.change.toLevel;
}

export function changeOf(target: Target): ChangeDirection | undefined {
    return target.change?.direction ? changeDirection(target.change.direction) : undefined;
}

export function commitmentOf(target: Target): Commitment | undefined {
    return target.commitment ? commitment(target.commitment) : undefined;
}

/**
 * The unit of a target's values: the value's, else the indicator's. Safe on a comparison whose value
 * is not typed yet.
 */
export function targetUnit(target: Target): string | undefined {
    return target.comparison?.value?.unit ?? target.indicator?.ref?.unit;
}

export function isPercent(unit: string | undefined): boolean {
    return unit === '%';
}

/** Who answers for a target: the lead units of the task it is written in, or of the heading it is under. */
export function targetOwners(target: Target): Array<Reference<Party>> {
    for (let current: AstNode | undefined = target.$container; current; current = current.$container) {
        if (isTask(current)) {
            return effectiveLeads(current);
        }
        if (isSection(current) && current.addressees.length > 0) {
            return current.addressees;
        }
    }
    return [];
}

/** A set of numbers between two bounds, each open (excluded) or closed (included). */
export interface Interval {
    lo: number;
    loOpen: boolean;
    hi: number;
    hiOpen: boolean;
}

/**
 * The values a target admits: for a level, the level; for a relative change, the size of the change
 * (a decrease of 5% is 5). A direction alone ("giảm") admits any change in that direction, (0, ∞).
 * "từ 5%" without an upper bound is read as "from 5% up"; a bare value ("đạt 90%") as at least;
 * "khoảng 22%" (approximately) as the value itself. Undefined for a range written upside down
 * (inverted-range reports those) and for a level given in words.
 */
export function admissible(target: Target): Interval | undefined {
    const c = target.comparison;
    if (!c) {
        return target.change ? { lo: 0, loOpen: true, hi: Infinity, hiOpen: true } : undefined;
    }
    // While the drafter types, a comparison may have no value yet.
    const v = c.value?.value;
    const upper = c.upper?.value;
    if (!isNumber(v) || (c.upper !== undefined && !isNumber(upper))) {
        return undefined;
    }
    switch (targetOp(target)) {
        case 'above': return { lo: v, loOpen: true, hi: Infinity, hiOpen: true };
        case 'below': return { lo: -Infinity, loOpen: true, hi: v, hiOpen: true };
        case 'atMost': return { lo: -Infinity, loOpen: true, hi: v, hiOpen: false };
        case 'exactly':
        case 'approximately': return { lo: v, loOpen: false, hi: v, hiOpen: false };
        case 'between':
            if (upper === undefined) {
                return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
            }
            return v <= upper ? { lo: v, loOpen: false, hi: upper, hiOpen: false } : undefined;
        case 'atLeast':
        default:
            return { lo: v, loOpen: false, hi: Infinity, hiOpen: true };
    }
}

export function isNumber(x: unknown): x is number {
    return typeof x === 'number' && Number.isFinite(x);
}

/** Whether some value lies in both intervals. */
export function intersects(a: Interval, b: Interval): boolean {
    const lo = Math.max(a.lo, b.lo);
    const hi = Math.min(a.hi, b.hi);
    if (lo < hi) {
        return true;
    }
    if (lo > hi) {
        return false;
    }
    // One point: it must be included by both intervals on both sides.
    return includes(a, lo) && includes(b, lo);
}

function includes(i: Interval, x: number): boolean {
    const aboveLo = x > i.lo || (x === i.lo && !i.loOpen);
    const belowHi = x < i.hi || (x === i.hi && !i.hiOpen);
    return aboveLo && belowHi;
}

/** Whether every value of `inner` is in `outer`. */
export function contains(outer: Interval, inner: Interval): boolean {
    const loOk = inner.lo > outer.lo || (inner.lo === outer.lo && (!outer.loOpen || inner.loOpen));
    const hiOk = inner.hi < outer.hi || (inner.hi === outer.hi && (!outer.hiOpen || inner.hiOpen));
    return loOk && hiOk;
}

/**
 * What a target constrains: a level ("level"), or a relative change in one direction against one
 * baseline ("decrease|năm trước"). Only targets of the same nature can be compared.
 */
export function natureKey(target: Target): string {
    if (!isRelativeChange(target)) {
        return 'level';
    }
    return `${changeOf(target) ?? '?'}|${baselineKey(target)}`;
}

function baselineKey(target: Target): string {
    const b = target.baseline;
    if (!b) {
        return '';
    }
    if (b.previousYear) {
        return 'previous-year';
    }
    if (b.year !== undefined) {
        return `year ${b.year}`;
    }
    return `text ${normalizeText(b.text ?? '')}`;
}

/**
 * The unit a target's values are in (from the value, else the indicator), compared case-insensitively;
 * '*' for a direction alone ("giảm"), which states no amount in any unit.
 */
export function unitKey(target: Target): string {
    if (!target.comparison) {
        return '*';
    }
    const unit = targetUnit(target);
    return unit === undefined ? '' : keywordKey(unit);
}

/** Whether two targets' values are in the same unit (a direction alone matches any). */
export function sameUnit(a: Target, b: Target): boolean {
    const ua = unitKey(a);
    const ub = unitKey(b);
    return ua === ub || ua === '*' || ub === '*';
}

/**
 * When a target is due, as a key: every so many months (recurring), a year, or none (by the end of
 * the plan). A recurrence wins over a due date given beside it.
 */
export function dueKey(target: Target): string {
    if (target.recurrence) {
        return `every ${recurrenceMonths(target.recurrence) ?? '?'} months`;
    }
    const point = deadlinesOf(target)[0]?.points[0];
    if (point) {
        const year = yearOf(point);
        return year !== undefined ? `year ${year}` : `on ${point.day ?? ''}`;
    }
    return 'none';
}

/** NFC, lower case, blanks collapsed: the form in which two targets' texts are compared. */
export function normalizeText(text: string): string {
    return text.normalize('NFC').toLowerCase().replace(/\s+/g, ' ').trim();
}

/** The target's id, or its text in quotes (shortened) when it has none. */
export function targetLabel(target: Target): string {
    if (target.name) {
        return target.name;
    }
    const text = (target.text ?? '').normalize('NFC');
    return `"${text.length > 60 ? text.slice(0, 57) + '…' : text}"`;
}

/** The change and comparison as the drafter wrote them ("giảm ít nhất 5%", "trên 90%"). */
export function comparisonText(target: Target): string {
    const start = target.change?.$cstNode ?? target.comparison?.$cstNode;
    const end = target.comparison?.$cstNode ?? target.change?.$cstNode;
    if (!start || !end) {
        return '';
    }
    const text = start.root.fullText.substring(start.offset, end.end);
    return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/**
 * The target in words, as the plan states it: "Tỷ lệ giải quyết tin báo: phấn đấu trên 90% so với
 * năm trước hằng năm, hạn năm 2025".
 */
export function targetStatement(target: Target): string {
    const parts: string[] = [];
    if (target.commitment) parts.push(cstText(propertyNode(target.$cstNode, 'commitment')));
    const comparison = comparisonText(target);
    if (comparison) parts.push(comparison);
    if (target.baseline) parts.push(`${keywordText(target, 'baseline')} ${sourceText(target.baseline)}`.trim());
    if (target.recurrence) parts.push(sourceText(target.recurrence));
    for (const deadline of deadlinesOf(target)) parts.push(sourceText(deadline));
    if (target.scope.length > 0) {
        parts.push(`đối với ${target.scope.map(s => s.text ?? s.party?.ref?.officialName ?? s.party?.$refText ?? '').join(', ')}`);
    }
    return `${(target.text ?? '').trim()}: ${parts.filter(p => p).join(' ')}`.trim();
}

function cstText(node: CstNode | undefined): string {
    return node?.text.normalize('NFC').replace(/\s+/g, ' ').trim() ?? '';
}

/** The keyword written before a property ("so với"). */
function keywordText(target: Target, property: string): string {
    const node = propertyNode(target.$cstNode, property);
    const previous = node ? node.root.fullText.substring(0, node.offset).trimEnd() : '';
    const m = /(so với|compared to)$/iu.exec(previous.normalize('NFC'));
    return m ? m[1] : '';
}


/** The range of the comparison (the direction when there is no value). */
export function comparisonRange(target: Target): Range | undefined {
    return target.comparison?.$cstNode?.range ?? target.change?.$cstNode?.range;
}

/** From the start of one node to the end of another. */
export function spanRange(from: AstNode | undefined, to: AstNode | undefined): Range | undefined {
    const start = from?.$cstNode?.range.start;
    const end = to?.$cstNode?.range.end;
    return start && end ? { start, end } : undefined;
}

/** "Quyết định số 634/QĐ-TTg", or the kind and id when the document has no number. */
export function citableLabel(citable: Citable): string {
    const kind = documentKind(citable.kind ?? '');
    const label = kind ? documentKindLabel[kind] : citable.kind;
    return citable.number ? `${label} số ${citable.number}` : `${label} ${citable.name}`;
}

/** A number for a message, at most one decimal: with a decimal comma in Vietnamese, a point in English. */
export function formatNumber(n: number, language: 'vi' | 'en'): string {
    const text = String(Math.round(n * 10) / 10);
    return language === 'vi' ? text.replace('.', ',') : text;
}


// ---------------------------------------------------------------------------------------------
// Targets on one measure, for comparing them (conflicting and inconsistent targets)

/** When a target is due, for telling whether two targets bind at the same time. */
export type DueSlot =
    | { kind: 'recurring'; months: number | undefined }
    | { kind: 'year'; year: number }
    | { kind: 'day'; text: string }
    | { kind: 'none' };

/** A target with what decides whether it can be compared with another, computed once. */
export interface TargetFacts {
    target: Target;
    /** The values it admits; a percentage level is read within 0–100 %. */
    interval: Interval;
    due: DueSlot;
}

/**
 * The targets of a plan or document (sections, tasks, annexes, at any depth) grouped by measure: two
 * targets are on one measure when they name the same indicator, or, when one or both name none, their
 * texts are the same words (case, tone placement, punctuation and blanks aside) and the text is not
 * used with two different indicators; and when they have the same nature (a level, or a change in
 * one direction against one baseline), unit and scope (`đối với`). Targets whose values cannot be
 * read (a level in words, a range upside down) are left out. In document order within each group.
 */
export function targetsByMeasure(owner: Plan | Document): TargetFacts[][] {
    const targets: Target[] = [];
    for (const node of allContents(owner)) {
        if (isTarget(node)) {
            targets.push(node);
        }
    }
    // Which indicators each text is used with: a text-only target joins the one indicator its text names.
    const indicatorsOfText = new Map<string, Set<string>>();
    for (const target of targets) {
        const indicator = indicatorKey(target);
        const text = phraseKey(target.text ?? '');
        if (indicator && text) {
            const set = indicatorsOfText.get(text) ?? new Set<string>();
            set.add(indicator);
            indicatorsOfText.set(text, set);
        }
    }
    const planEnd = statedPlanSpan(owner)?.end.year;
    const groups = new Map<string, TargetFacts[]>();
    for (const target of targets) {
        const interval = admissible(target);
        if (!interval) {
            continue;
        }
        const text = phraseKey(target.text ?? '');
        const joined = indicatorsOfText.get(text);
        const subject = indicatorKey(target) ?? (joined?.size === 1 ? [...joined][0] : `text ${text}`);
        const key = [subject, natureKey(target), unitKey(target), scopeKey(target)].join('\u0000');
        const group = groups.get(key) ?? [];
        group.push({ target, interval: withinPercent(target, interval), due: dueSlot(target, planEnd) });
        groups.set(key, group);
    }
    return [...groups.values()];
}

/**
 * Whether two targets bind in a common year: both recur alike, both are due in one year, or one
 * recurs and the other is due in a year of the plan period (any year when the plan states none). A
 * target with no due binds at the end of the plan: in the period's last year.
 */
export function duesMeet(a: DueSlot, b: DueSlot, period?: { from: number; to: number }): boolean {
    if (a.kind === 'recurring' && b.kind === 'recurring') {
        return a.months === b.months;
    }
    if (a.kind === 'recurring' || b.kind === 'recurring') {
        const other = a.kind === 'recurring' ? b : a;
        return other.kind === 'none' || (other.kind === 'year' && (!period || (other.year >= period.from && other.year <= period.to)));
    }
    if (a.kind === 'year' && b.kind === 'year') {
        return a.year === b.year;
    }
    if (a.kind === 'day' && b.kind === 'day') {
        return a.text === b.text;
    }
    return a.kind === 'none' && b.kind === 'none';
}

/** Whether two targets are due at the same time in the same way: alike recurring, or due in one year, or neither due. */
export function sameDue(a: DueSlot, b: DueSlot): boolean {
    switch (a.kind) {
        case 'recurring': return b.kind === 'recurring' && a.months === b.months;
        case 'year': return b.kind === 'year' && a.year === b.year;
        case 'day': return b.kind === 'day' && a.text === b.text;
        case 'none': return b.kind === 'none';
    }
}

/** The years of the plan period, when the plan states one. */
export function periodYears(owner: Plan | Document): { from: number; to: number } | undefined {
    const span = statedPlanSpan(owner);
    return span ? { from: span.start.year, to: span.end.year } : undefined;
}

/** Whether two intervals admit exactly the same values. */
export function sameInterval(a: Interval, b: Interval): boolean {
    return a.lo === b.lo && a.hi === b.hi && a.loOpen === b.loOpen && a.hiOpen === b.hiOpen;
}

function indicatorKey(target: Target): string | undefined {
    if (!target.indicator) {
        return undefined;
    }
    const indicator = target.indicator.ref;
    return indicator ? `indicator ${qualify(namespaceOf(indicator), indicator.name)}` : `indicator? ${target.indicator.$refText}`;
}

/** What a target applies to (`đối với`): its bodies and places, in any order. */
function scopeKey(target: Target): string {
    return target.scope.map(s => (s.party ? `party ${s.party.$refText.normalize('NFC')}` : `text ${phraseKey(s.text ?? '')}`)).sort().join('|');
}

/** A level in per cent is between 0 and 100: "đạt 100%" and "bằng 100%" admit the same. */
function withinPercent(target: Target, interval: Interval): Interval {
    if (isRelativeChange(target) || !isPercent(targetUnit(target))) {
        return interval;
    }
    const lo = interval.lo < 0 ? { lo: 0, loOpen: false } : { lo: interval.lo, loOpen: interval.loOpen };
    const hi = interval.hi > 100 ? { hi: 100, hiOpen: false } : { hi: interval.hi, hiOpen: interval.hiOpen };
    // Beyond 100 % (rate-out-of-range reports it) the interval is kept as written.
    return lo.lo > hi.hi ? interval : { ...lo, ...hi };
}

/** When a target is due (see `DueSlot`); one with none is due at the end of the stated plan period. */
function dueSlot(target: Target, planEnd: number | undefined): DueSlot {
    if (target.recurrence) {
        return { kind: 'recurring', months: recurrenceMonths(target.recurrence) };
    }
    const point = deadlinesOf(target)[0]?.points[0];
    if (point) {
        const year = yearOf(point);
        return year !== undefined ? { kind: 'year', year } : { kind: 'day', text: point.day ?? '' };
    }
    return planEnd !== undefined ? { kind: 'year', year: planEnd } : { kind: 'none' };
}
