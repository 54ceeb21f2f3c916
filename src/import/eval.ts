/**
 * How good an imported draft is: the facts of a plan (cited documents, tasks, leads, cooperating
 * units, directed/requested, targets, deadlines, reports, prose) extracted from its compiled form,
 * and compared with those of the hand-written plan of the same original. `npm run import:eval`
 * (scripts/import-eval.mjs) runs it on the five seeds; the definitions below are printed at the top
 * of docs/import-eval.md (METRIC_DEFINITIONS), so keep both in step.
 */

import type { LangiumDocument } from 'langium';
import { AstUtils, CstUtils, EmptyFileSystem, isLeafCstNode, URI } from 'langium';
import { compilePlan } from '../compiler/compile.js';
import type { PlanJson, TimePointJson, TimingJson } from '../compiler/plan-json.js';
import type { Model, Plan } from '../language/generated/ast.js';
import { isAgency, isDocument, isGroup, isPlan } from '../language/generated/ast.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { parseDate, toIso } from '../semantics/dates.js';

/** Two task texts match when the Dice coefficient of their word sets reaches this. */
export const TASK_MATCH_THRESHOLD = 0.6;
/** A target outside a matched task pair and outside the same section matches on text at this overlap. */
export const TARGET_TEXT_THRESHOLD = 0.5;
export const GOAL = { precision: 0.95, recall: 0.9 };

export const CATEGORIES = ['documents', 'tasks', 'leads', 'supports', 'mode', 'targets', 'deadlines', 'reports', 'prose'] as const;
export type Category = typeof CATEGORIES[number];

export const CATEGORY_LABELS: Record<Category, string> = {
    documents: 'Văn bản được dẫn / Cited documents',
    tasks: 'Nhiệm vụ / Tasks',
    leads: 'Chủ trì / Leads',
    supports: 'Phối hợp / Cooperating units',
    mode: 'Giao / đề nghị — Directed / requested',
    targets: 'Chỉ tiêu / Targets',
    deadlines: 'Thời hạn / Deadlines',
    reports: 'Báo cáo / Reports',
    prose: 'Văn bản giữ nguyên / Prose kept verbatim',
};

export const METRIC_DEFINITIONS = `\
Each category counts facts of the hand-written plan (expected) and of the imported draft. Precision
= facts of the draft that match an expected fact / facts of the draft ("—" when the draft states
none); recall = expected facts the draft matches / expected facts. The total is pooled over the seeds (sums of counts, not a mean of
ratios). Text is compared after NFC normalisation, with its diacritics; names of bodies also ignore
letter case and tone placement ("Hoà"/"Hòa"), and resolve through the workspace registry's official
names and aliases (a body the draft declares with its printed name counts as the registry's body).

- **documents**: every document the plan cites with a number-symbol (\`căn cứ\`, \`thực hiện\`, its
  issuing or forwarding instrument's basis and proposals, number-symbols in the prose), as the pair
  number-symbol (blanks removed, upper case, dashes unified) + date (ISO; the year when only the year
  is known; none when unstated). A set per plan: each document counts once. The plan's own
  number-symbol and its issuing or forwarding instrument's (those of the hand-written plan) are not
  citations, on either side.
- **tasks**: tasks (\`nhiệm vụ\`, \`đề nghị\`, annex rows) matched one to one, greedily by best score,
  when the Dice coefficient of their word sets (NFC, lower case, diacritics kept) is at least ${TASK_MATCH_THRESHOLD}.
- **leads**, **supports**: on matched task pairs only, the task's effective lead units and effective
  cooperating units (own, or inherited from the heading or the enclosing task), one fact per body.
  A task whose leads or cooperating units the writer marked inferred (\`suy ra\`: the original does
  not state them) is left out of that category on both sides: a faithful import must not guess them.
- **mode**: on matched task pairs only, one fact per task: directed or requested; a pair counts when
  both agree (so precision = recall = agreement).
- **targets**: comparison + value (operator, value, upper bound, and increase/decrease for a change
  from a baseline; "giảm xuống dưới 15%" is the level "dưới 15%"); a draft target
  matches an expected one with the same comparison and value that lies in the matched task, or else
  in the same section, or else whose text shares at least ${TARGET_TEXT_THRESHOLD * 100}% of the shorter one's
  words; one to one.
- **deadlines**: on matched task pairs only, each timing of the task (deadline with its points,
  start, ongoing, event, on request) as kind + window (points as dates, recurring day-months,
  months, quarters, years), and its recurrence interval.
- **reports**: one fact per report: its recipients (bodies) + its due points; a multiset per plan.
- **prose**: every string of the plan and of its issuing or forwarding instrument (writer's \`suy
  ra\` reasons excepted), cut into sentences (after . ; : ! ? and at line breaks), weighted by their
  words. Recall: the hand-written plan's sentences (the original with its lines rejoined and page
  noise dropped) found verbatim in the draft's strings; precision: the draft's sentences found
  verbatim in the hand-written plan's strings or in the original text. Verbatim = a substring after
  NFC and collapsing blanks, so a paragraph cut or joined differently still counts.`;

// -------------------------------------------------------------------------------------------------
// Normalisation

export function nfc(text: string): string {
    return text.normalize('NFC').replace(/\s+/g, ' ').trim();
}

/** Words of a text: NFC, lower case, diacritics kept. */
export function words(text: string): string[] {
    return nfc(text).toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;

/**
 * A body's name as a key: lower case, blanks collapsed, and each word's tone mark moved to its end,
 * so old and new tone placement ("Uỷ"/"Ủy", "Hoà"/"Hòa"), NFC and NFD give one key.
 */
export function nameKey(name: string): string {
    return name.normalize('NFD').toLowerCase().replace(/\s+/g, ' ').trim()
        .split(' ')
        .map(word => word.replace(TONES, '') + (word.match(TONES) ?? []).sort().join(''))
        .join(' ')
        .normalize('NFC');
}

/** A number-symbol as a key: no blanks, upper case, one kind of dash. */
export function numberKey(number: string): string {
    return number.normalize('NFC').replace(/\s+/g, '').replace(/[‐‑‒–—−]/g, '-').toUpperCase();
}

// -------------------------------------------------------------------------------------------------
// Facts

export interface TaskFact {
    key: string;
    text: string;
    words: Set<string>;
    section: string;
    mode: 'directed' | 'requested';
    leads: string[];
    supports: string[];
    deadlines: string[];
    /** Features whose value the writer supplied (`suy ra`): not stated by the original, so not expected of an import. */
    inferred: string[];
}

export interface TargetFact {
    key: string;
    /** Comparison + value. */
    value: string;
    text: string;
    task: string | null;
    section: string;
}

export interface PlanFacts {
    documents: string[];
    /** Number-symbols of the plan itself and of its issuing or forwarding instrument (keys). */
    own: string[];
    tasks: TaskFact[];
    targets: TargetFact[];
    reports: string[];
    /** Sentences with their word counts. */
    prose: Array<{ sentence: string; words: number }>;
    /** The strings, blanks collapsed, one a line: where a sentence is looked for verbatim. */
    proseText: string;
}

/** Official names by the key of each name and alias of the registry's bodies. */
export type NameTable = Map<string, string>;

/**
 * Only the declarations of `namespace` and national ones (no namespace): provinces share aliases
 * ("Công an tỉnh"), and a plan's names mean its own province's bodies.
 */
export function nameTable(documents: readonly LangiumDocument[], namespace: string | undefined): NameTable {
    const table: NameTable = new Map();
    for (const document of documents) {
        const model = document.parseResult.value as Model;
        const own = model.namespace?.name;
        if (own !== undefined && own !== namespace) continue;
        for (const element of model.elements ?? []) {
            if ((isAgency(element) || isGroup(element)) && typeof element.officialName === 'string') {
                const official = nfc(element.officialName);
                for (const name of [element.officialName, ...(element.aliases ?? [])]) {
                    if (typeof name === 'string' && !table.has(nameKey(name))) {
                        table.set(nameKey(name), official);
                    }
                }
            }
        }
    }
    return table;
}

function bodyName(name: string, table: NameTable): string {
    return nameKey(table.get(nameKey(name)) ?? name);
}

function pointKey(p: TimePointJson): string {
    if (p.date) return p.date;
    if (p.monthDay) return `${p.monthDay}${p.previousYear ? '<' : ''}${p.nextYear ? '>' : ''}`;
    if (p.month) return p.month;
    if (p.quarter) return `${p.year ?? ''}-Q${p.quarter}`;
    if (p.half) return `${p.year ?? ''}-H${p.half}`;
    if (p.kind === 'endOfYear') return `${p.year ?? ''}-end`;
    if (p.year !== undefined) return String(p.year);
    return p.kind;
}

function timingKey(t: TimingJson, table: NameTable): string {
    switch (t.kind) {
        case 'deadline': return `deadline ${t.points.map(pointKey).sort().join(',')}${t.recurring ? ' recurring' : ''}`;
        case 'start': return `start ${pointKey(t.start)}..${t.end ? pointKey(t.end) : ''}`;
        case 'ongoing': return 'ongoing';
        case 'event': return `event ${t.relation} ${t.party ? bodyName(t.party.name, table) : t.document?.number ? numberKey(t.document.number) : ''}`;
        case 'onRequest': return 'onRequest';
    }
}

function docKey(number: string, date: string | null, year: number | null): string {
    return `${numberKey(number)} ${date ?? (year !== null ? String(year) : '')}`;
}

function unique<T>(values: T[]): T[] {
    return [...new Set(values)];
}

/** The sentences of a text: cut after . ; : ! ? followed by a blank, and at line breaks. */
export function sentences(text: string): string[] {
    return text.normalize('NFC').split(/(?<=[.;:!?…])\s+|\n+/u).map(nfc).filter(s => words(s).length > 0);
}

/** The strings written in a plan and in its issuing or forwarding instrument, writer's reasons excepted. */
export function proseOf(plan: Plan): string[] {
    const owners: object[] = [plan];
    for (const ref of [plan.issuedWith, plan.forwardedBy]) {
        if (isDocument(ref?.ref)) owners.push(ref.ref);
    }
    const strings: string[] = [];
    for (const owner of owners) {
        const cst = (owner as Plan).$cstNode;
        if (!cst) continue;
        for (const node of CstUtils.streamCst(cst)) {
            if (isLeafCstNode(node) && node.tokenType.name === 'STRING' && node.astNode.$type !== 'Inference') {
                strings.push(node.text.slice(1, -1).replace(/\\(.)/g, '$1'));
            }
        }
    }
    return strings;
}

/** The facts of one compiled plan; `plan` (its AST) gives the prose, `table` the registry's names. */
export function extractFacts(json: PlanJson, plan: Plan | undefined, table: NameTable): PlanFacts {
    const documents: string[] = [];
    const addRef = (ref: { number: string | null; date: string | null; year: number | null } | null) => {
        if (ref?.number) documents.push(docKey(ref.number, ref.date, ref.year));
    };
    [...json.basis, ...json.implements].forEach(addRef);
    for (const instrument of [json.issuedWith, json.forwardedBy]) {
        if (instrument) [...instrument.basis, ...instrument.implements, ...instrument.proposals].forEach(addRef);
    }
    for (const citation of json.citations) {
        if (citation.document?.number) {
            addRef(citation.document);
        } else if (citation.printed) {
            const date = citation.printedDate ? printedDate(citation.printedDate) : null;
            documents.push(docKey(citation.printed, date, null));
        }
    }
    json.tasks.forEach(t => t.cites.forEach(addRef));

    const tasks: TaskFact[] = json.tasks.map(t => ({
        key: t.key,
        text: nfc(t.text),
        words: new Set(words(t.text)),
        section: t.section.join('/'),
        mode: t.mode,
        leads: unique(t.effectiveLeads.map(p => bodyName(p.name, table))),
        supports: unique(t.effectiveSupports.map(p => bodyName(p.name, table))),
        deadlines: unique([
            ...t.timings.map(timing => timingKey(timing, table)),
            ...(t.recurrence ? [`every ${t.recurrence.intervalMonths ?? t.recurrence.interval?.unit ?? ''}`] : []),
        ]),
        inferred: Object.keys(t.inferred ?? {}),
    }));

    const targets: TargetFact[] = json.targets.map(t => ({
        key: t.key,
        // The direction counts for a change from a baseline ("giảm 5%"), not for a level to reach
        // ("giảm xuống dưới 15%" is the level "dưới 15%").
        value: t.comparison
            ? `${t.relative ? t.change ?? '' : ''} ${t.comparison.op} ${t.comparison.value ?? t.comparison.reference ?? ''}${t.comparison.upper !== null ? `..${t.comparison.upper}` : ''}`
            : `${t.change ?? ''} direction`,
        text: nfc(`${t.text} ${t.statement}`),
        task: t.task,
        section: t.section.join('/'),
    }));

    const reports = json.reports.map(r => {
        const to = unique(r.recipients.map(p => bodyName(p.name, table))).sort().join(', ');
        const due = r.timings.flatMap(t => t.kind === 'deadline' ? t.points.map(pointKey) : []).sort().join(',');
        return `to ${to} due ${due}`;
    });

    const own = [json.number, json.issuedWith?.number, json.forwardedBy?.number].filter((n): n is string => !!n).map(numberKey);
    return { documents: unique(documents), own, tasks, targets, reports, ...proseFacts(plan) };
}

function proseFacts(plan: Plan | undefined): Pick<PlanFacts, 'prose' | 'proseText'> {
    const strings = plan ? proseOf(plan) : [];
    return {
        prose: strings.flatMap(sentences).map(sentence => ({ sentence, words: words(sentence).length })),
        proseText: strings.map(nfc).join('\n'),
    };
}

function printedDate(text: string): string | null {
    const m = /(\d{1,2})\s*(?:[/\-.]|\s+tháng\s+)(\d{1,2})\s*(?:[/\-.]|\s+năm\s+)(\d{4})/u.exec(text.normalize('NFC'));
    const date = m ? parseDate(`${m[1]}/${m[2]}/${m[3]}`) : undefined;
    return date ? toIso(date) : null;
}

// -------------------------------------------------------------------------------------------------
// Matching and scoring

export interface Count {
    /** Facts of the draft that match an expected fact. */
    matched: number;
    /** Facts of the draft. */
    found: number;
    /** Facts of the hand-written plan. */
    expected: number;
}

export type Scores = Record<Category, Count>;

export function dice(a: Set<string>, b: Set<string>): number {
    if (a.size + b.size === 0) return 1;
    let common = 0;
    for (const w of a) if (b.has(w)) common++;
    return (2 * common) / (a.size + b.size);
}

function overlap(a: Set<string>, b: Set<string>): number {
    const smaller = Math.min(a.size, b.size);
    if (smaller === 0) return 0;
    let common = 0;
    for (const w of a) if (b.has(w)) common++;
    return common / smaller;
}

/** One-to-one pairs, best score first; `score` returns undefined for pairs that may not match. */
function greedy<E, D>(expected: readonly E[], found: readonly D[], score: (e: E, d: D) => number | undefined): Array<[E, D]> {
    const candidates: Array<{ e: number; d: number; s: number }> = [];
    expected.forEach((e, i) => found.forEach((d, j) => {
        const s = score(e, d);
        if (s !== undefined) candidates.push({ e: i, d: j, s });
    }));
    // Ties go to document order, so equal texts pair in the order they are written.
    candidates.sort((a, b) => b.s - a.s || a.e - b.e || a.d - b.d);
    const usedE = new Set<number>();
    const usedD = new Set<number>();
    const pairs: Array<[E, D]> = [];
    for (const c of candidates) {
        if (!usedE.has(c.e) && !usedD.has(c.d)) {
            usedE.add(c.e);
            usedD.add(c.d);
            pairs.push([expected[c.e], found[c.d]]);
        }
    }
    return pairs;
}

export function matchTasks(expected: readonly TaskFact[], found: readonly TaskFact[]): Array<[TaskFact, TaskFact]> {
    return greedy(expected, found, (e, d) => {
        const s = dice(e.words, d.words);
        return s >= TASK_MATCH_THRESHOLD ? s : undefined;
    });
}

function multisetCount(expected: readonly string[], found: readonly string[]): Count {
    const left = new Map<string, number>();
    expected.forEach(x => left.set(x, (left.get(x) ?? 0) + 1));
    let matched = 0;
    for (const x of found) {
        const n = left.get(x) ?? 0;
        if (n > 0) {
            matched++;
            left.set(x, n - 1);
        }
    }
    return { matched, found: found.length, expected: expected.length };
}

function add(a: Count, b: Count): Count {
    return { matched: a.matched + b.matched, found: a.found + b.found, expected: a.expected + b.expected };
}

const ZERO: Count = { matched: 0, found: 0, expected: 0 };

/**
 * Words of sentences kept verbatim. Precision: the draft's sentences found in the hand-written
 * plan's strings or in the original text; recall: the hand-written plan's sentences found in the
 * draft's strings. Looked up as substrings (blanks collapsed), so a paragraph cut or joined
 * differently still counts; weighted by words, so a heading weighs less than a paragraph.
 */
function proseCount(expected: PlanFacts, found: PlanFacts, original: string | undefined): Count & { recallMatched: number } {
    const sum = (xs: PlanFacts['prose']) => xs.reduce((n, s) => n + s.words, 0);
    const originalText = original === undefined ? '' : nfc(original);
    return {
        matched: sum(found.prose.filter(s => expected.proseText.includes(s.sentence) || originalText.includes(s.sentence))),
        found: sum(found.prose),
        expected: sum(expected.prose),
        recallMatched: sum(expected.prose.filter(s => found.proseText.includes(s.sentence))),
    };
}

export interface Comparison {
    scores: Scores;
    /** For a reader: matched task pairs (expected key → draft key) and the tasks left over (key: first words). */
    taskPairs: Array<[string, string]>;
    unmatchedExpected: string[];
    unmatchedFound: string[];
    /** For a reader: matched task pairs whose leads, cooperating units or deadlines differ. */
    differences: string[];
    /** Recall numerators where they differ from precision's (prose: words of the original found). */
    recallMatched: Partial<Record<Category, number>>;
}

/** Compares the facts of a draft with those of the hand-written plan; `original` is the text imported, if known. */
export function compareFacts(expected: PlanFacts, found: PlanFacts, original?: string): Comparison {
    const pairs = matchTasks(expected.tasks, found.tasks);
    let leads = ZERO;
    let supports = ZERO;
    let mode = ZERO;
    let deadlines = ZERO;
    const differences: string[] = [];
    for (const [e, d] of pairs) {
        // What the writer inferred is compared on neither side: a faithful import leaves it unsaid.
        const inferredLeads = e.inferred.includes('leads');
        const inferredSupports = e.inferred.includes('supports') || e.inferred.includes('cooperatesWith');
        if (!inferredLeads) leads = add(leads, multisetCount(e.leads, d.leads));
        if (!inferredSupports) supports = add(supports, multisetCount(e.supports, d.supports));
        mode = add(mode, multisetCount([e.mode], [d.mode]));
        deadlines = add(deadlines, multisetCount(e.deadlines, d.deadlines));
        for (const [name, x, y] of [['leads', e.leads, d.leads], ['supports', e.supports, d.supports], ['deadlines', e.deadlines, d.deadlines]] as const) {
            const same = x.length === y.length && [...x].sort().join('|') === [...y].sort().join('|');
            if (!same) differences.push(`${shown(e)} ${name}: expected [${x.join(', ')}] draft [${y.join(', ')}]`);
        }
    }
    const pairedTask = new Map(pairs.map(([e, d]) => [e.key, d.key]));
    const targetPairs = greedy(expected.targets, found.targets, (e, d) => {
        if (e.value !== d.value) return undefined;
        if (e.task !== null && pairedTask.get(e.task) === d.task) return 3;
        if (e.section === d.section && e.section !== '') return 2;
        const s = overlap(new Set(words(e.text)), new Set(words(d.text)));
        return s >= TARGET_TEXT_THRESHOLD ? s : undefined;
    });
    const prose = proseCount(expected, found, original);
    // The hand-written plan's own numbers, on both sides: a draft that leaves its header as prose
    // does not cite itself, and one that reads the header does not lose a citation.
    const cited = (documents: string[]) => documents.filter(d => !expected.own.includes(d.split(' ')[0]));
    const matchedFound = new Set(pairs.map(([, d]) => d.key));
    const matchedExpected = new Set(pairs.map(([e]) => e.key));
    return {
        scores: {
            documents: multisetCount(cited(expected.documents), cited(found.documents)),
            tasks: { matched: pairs.length, found: found.tasks.length, expected: expected.tasks.length },
            leads, supports, mode,
            targets: { matched: targetPairs.length, found: found.targets.length, expected: expected.targets.length },
            deadlines,
            reports: multisetCount(expected.reports, found.reports),
            prose: { matched: prose.matched, found: prose.found, expected: prose.expected },
        },
        taskPairs: pairs.map(([e, d]) => [e.key, d.key]),
        unmatchedExpected: expected.tasks.filter(t => !matchedExpected.has(t.key)).map(shown),
        unmatchedFound: found.tasks.filter(t => !matchedFound.has(t.key)).map(shown),
        differences,
        recallMatched: { prose: prose.recallMatched },
    };
}

function shown(task: TaskFact): string {
    const text = task.text.split(' ').slice(0, 8).join(' ');
    return `${task.key} "${text}${text.length < task.text.length ? '…' : ''}"`;
}

/** Undefined when the draft states no fact of the category: nothing to be right or wrong about. */
export function precision(count: Count): number | undefined {
    return count.found === 0 ? undefined : count.matched / count.found;
}

export function recall(count: Count, recallMatched = count.matched): number | undefined {
    return count.expected === 0 ? undefined : recallMatched / count.expected;
}

/** Pools comparisons (several seeds) into one: sums of counts. */
export function pool(comparisons: readonly Comparison[]): Comparison {
    const scores = Object.fromEntries(CATEGORIES.map(c => [c, comparisons.reduce((n, x) => add(n, x.scores[c]), ZERO)])) as Scores;
    const prose = comparisons.reduce((n, x) => n + (x.recallMatched.prose ?? x.scores.prose.matched), 0);
    return { scores, taskPairs: [], unmatchedExpected: [], unmatchedFound: [], differences: [], recallMatched: { prose } };
}

/** Precision and recall of one category, as the table shows them. */
export function rates(comparison: Comparison, category: Category): { precision: number | undefined; recall: number | undefined; pass: boolean | undefined } {
    const count = comparison.scores[category];
    const p = precision(count);
    const r = recall(count, comparison.recallMatched[category]);
    const pass = p === undefined && r === undefined ? undefined
        : (p ?? 1) >= GOAL.precision && (r ?? 1) >= GOAL.recall;
    return { precision: p, recall: r, pass };
}

// -------------------------------------------------------------------------------------------------
// Loading

export interface LoadedPlan {
    json: PlanJson | undefined;
    plan: Plan | undefined;
    table: NameTable;
    /** Lexer and parser errors of the draft files. */
    syntaxErrors: number;
    /** References in the draft files that do not resolve. */
    unresolved: number;
    /** Why there is no compiled plan, when there is none. */
    problem?: string;
    /** Its facts; only prose when it could not be compiled. */
    facts: PlanFacts;
}

export type PlanServices = PlanspecServices;

let shared: PlanServices | undefined;

function evalServices(): PlanServices {
    shared ??= createPlanspecServices(EmptyFileSystem).Planspec;
    return shared;
}

/**
 * Loads a workspace held in memory (`files`: path → text) and compiles the first plan of `main`.
 * The registry table comes from every file but `main` and `extra` (the draft and its registry
 * additions), so the draft's own declarations never stand for the registry; `namespace` (by default
 * the draft's own) says whose bodies its names mean.
 */
export async function loadPlan(files: Record<string, string>, main: string, extra: readonly string[] = [], namespace?: string): Promise<LoadedPlan> {
    const services = evalServices();
    const langiumDocuments = services.shared.workspace.LangiumDocuments;
    // Through the builder, so the index forgets the previous workspace too.
    await services.shared.workspace.DocumentBuilder.update([], langiumDocuments.all.map(d => d.uri).toArray());
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, URI.parse(`file:///eval/${name}`));
        langiumDocuments.addDocument(document);
        documents.set(name, document);
    }
    await services.shared.workspace.DocumentBuilder.build([...documents.values()], { validation: false });
    const draftFiles = [main, ...extra].map(n => documents.get(n)).filter((d): d is LangiumDocument => d !== undefined);
    const syntaxErrors = draftFiles.reduce((n, d) => n + d.parseResult.lexerErrors.length + d.parseResult.parserErrors.length, 0);
    const unresolved = draftFiles.reduce((n, d) => n + d.references.filter(r => r.error !== undefined).length, 0);
    const model = documents.get(main)?.parseResult.value as Model | undefined;
    const registry = [...documents.entries()].filter(([n]) => n !== main && !extra.includes(n)).map(([, d]) => d);
    const table = nameTable(registry, namespace ?? model?.namespace?.name);
    const plan = model ? AstUtils.streamAst(model).find(isPlan) : undefined;
    const withoutJson = (problem: string): LoadedPlan => ({
        json: undefined, plan, table, syntaxErrors, unresolved, problem,
        facts: { documents: [], own: [], tasks: [], targets: [], reports: [], ...proseFacts(plan) },
    });
    if (!plan) {
        return withoutJson('không có kế hoạch (no plan in the draft)');
    }
    let json: PlanJson;
    try {
        json = compilePlan(plan, '/eval', services);
    } catch (error) {
        return withoutJson(`không biên dịch được (cannot compile): ${String(error)}`);
    }
    return { json, plan, table, syntaxErrors, unresolved, facts: extractFacts(json, plan, table) };
}

/** The facts of a loaded plan (computed as it was loaded, while its workspace stood). */
export function factsOf(loaded: LoadedPlan): PlanFacts {
    return loaded.facts;
}
