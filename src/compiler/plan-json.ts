/**
 * The compiled form of a plan (format 2.1: 2.0 and `signer.authorities`), for tracking systems and
 * other tools. The JSON Schema of this shape ships as schemas/plan.schema.json; tests validate every
 * example's output against it.
 *
 * Conventions: dates are ISO 8601; `null` means the plan does not say; `inferred` maps the name of a
 * field to the reason the writer gave for supplying a value the original does not state.
 */

import type { DocumentKind } from '../language/keywords.js';

export const PLAN_FORMAT_VERSION = '2.1';
export const PLAN_SCHEMA_ID = 'urn:planspec:schema:plan:2.1';

/**
 * An ISO 8601 calendar date.
 * @format date
 */
export type IsoDate = string;

/**
 * A qualified id: `Namespace.ID`, or `ID` for a national declaration.
 * @pattern ^[^.\s]+(\.[^.\s]+)*$
 */
export type QualifiedId = string;

/** Fields whose value the original does not state, with the writer's reason. */
export type Inferred = Record<string, string>;

export interface PartyRef {
    id: QualifiedId;
    name: string;
    type: 'agency' | 'group';
}

export interface CitationRef {
    id: QualifiedId;
    kind: DocumentKind;
    kindLabel: string;
    number: string | null;
    date: IsoDate | null;
    /** The year it is known by, when it has no full date ("Luật … năm 2015"). */
    year: number | null;
    place: string | null;
    summary: string | null;
    issuer: PartyRef | null;
    /** The other issuers of a joint document. */
    coIssuers: PartyRef[];
    /** When it takes effect, if it says. */
    effective: { date: IsoDate | null; onSigning: boolean } | null;
    /** Documents it replaces, amends, details, approves, and is part of (ids). */
    replaces: string[];
    amends: string[];
    details: string[];
    approves: string[];
    partOf: string[];
    inferred: Inferred;
}

export interface SigningAuthorityJson {
    kind: 'onBehalfOf' | 'signingFor' | 'byOrderOf' | 'byAuthorityOf' | 'acting';
    /** As printed before the principal: "TM.", "KT.", "TL.", "TUQ.", "Q.". */
    prefix: string;
    principal: string;
}

export interface SignerJson {
    /** The signer's name (or the whole block, when written as one string). */
    person: string;
    position: string | null;
    /**
     * "KT. CHỦ TỊCH": signing for the principal ("ký thay"), on behalf of ("thay mặt"), … The one
     * printed last, right above the signer's position (of "TM. ỦY BAN NHÂN DÂN / KT. CHỦ TỊCH", KT.).
     */
    authority: SigningAuthorityJson | null;
    /** Every authority of the block, in the order printed ("TM. ỦY BAN NHÂN DÂN", then "KT. CHỦ TỊCH"). */
    authorities: SigningAuthorityJson[];
    /** The signature block as printed, one line per part ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Hồng Quân"). */
    text: string;
}

export interface RecipientJson {
    /** The line as printed, when written as text; the body's name otherwise. */
    text: string;
    /** The body, when the line is one declared body. */
    party: PartyRef | null;
    /** The bodies the line names ("Như Điều 3" → the bodies of Điều 3; "Như trên" → the addressees). */
    parties: PartyRef[];
    purpose: string | null;
    /** An office-internal line ("Lưu: VT", "Chánh VP, PCVP"). */
    internal: boolean;
    /** The article it refers to ("Như Điều 3" → "3"). */
    article: string | null;
    asAbove: boolean;
}

export interface ArticleJson {
    number: string;
    name: string | null;
    text: string;
    /** The bodies responsible for executing it ("chịu trách nhiệm thi hành"). */
    executors: PartyRef[];
    items: ContentItem[];
}

/** The decision that issues a plan, or the letter that forwards it, with everything written in it. */
export interface InstrumentJson extends CitationRef {
    role: 'issuedWith' | 'forwardedBy';
    basis: CitationRef[];
    implements: CitationRef[];
    /** Proposals it was issued on ("Theo đề nghị của … tại Tờ trình số …"). */
    proposals: CitationRef[];
    addressees: RecipientJson[];
    articles: ArticleJson[];
    recipients: RecipientJson[];
    signer: SignerJson | null;
    body: ContentItem[];
}

export type PointKind = 'date' | 'dayMonth' | 'month' | 'quarter' | 'half' | 'year' | 'endOfYear' | 'now';

export interface TimePointJson {
    kind: PointKind;
    /** As written ("tháng 12/2025", "Quí IV-2025", "ngày 16 tháng 6 năm 2025"). */
    text: string;
    /** ISO date for a full date. */
    date?: IsoDate;
    /**
     * ISO recurring month-day ("--07-20") for a day and month that recurs every year.
     * @pattern ^--\d{2}-\d{2}$
     */
    monthDay?: string;
    /** For a month-day: it falls in the year before (`previousYear`) or after (`nextYear`) the one it is counted in. */
    previousYear?: boolean;
    nextYear?: boolean;
    /**
     * "2025-12" for a month.
     * @pattern ^\d{4}-\d{2}$
     */
    month?: string;
    /**
     * @minimum 1
     * @maximum 4
     */
    quarter?: number;
    half?: 1 | 2;
    year?: number;
    /** The days the point denotes; null when they cannot be computed (a day and month, an invalid point). */
    start: IsoDate | null;
    end: IsoDate | null;
}

export type TimingJson =
    | { kind: 'deadline'; relation: 'by' | 'before' | 'during'; text: string; points: TimePointJson[]; recurring: boolean; earliest: IsoDate | null; latest: IsoDate | null }
    | { kind: 'start'; text: string; start: TimePointJson; end: TimePointJson | null; earliest: IsoDate | null; latest: IsoDate | null }
    | { kind: 'ongoing'; text: string; earliest: IsoDate | null; latest: IsoDate | null }
    | { kind: 'event'; relation: 'when' | 'after' | 'immediatelyAfter' | 'before'; text: string; party: PartyRef | null; document: CitationRef | null; event: string | null; takesEffect: boolean; earliest: IsoDate | null; latest: IsoDate | null }
    | { kind: 'onRequest'; text: string };

export interface RecurrenceJson {
    text: string;
    /** Months between two occurrences (12 yearly, 6 half-yearly, 3 quarterly, 1 monthly); null for weeks or when unstated. */
    intervalMonths: number | null;
    /** The interval as written; null for "định kỳ" without an interval. */
    interval: { count: number; unit: 'week' | 'month' | 'year' } | null;
}

export interface Occurrence {
    /** The latest day of this occurrence. */
    due: IsoDate;
    /** The first day it may fall on, when the deadline is a span ("trong tháng …"). */
    earliest?: IsoDate;
    /** The period a report covers in this occurrence, when the plan gives it. */
    from?: IsoDate;
    to?: IsoDate;
}

export interface FundingSourceJson {
    source: string;
    amount: { value: number; unit: string | null } | null;
    period: { start: IsoDate; end: IsoDate } | null;
    year: number | null;
}

export interface FundingJson {
    label: string | null;
    text: string;
    sources: FundingSourceJson[];
}

export type ContentItem =
    | {
        type: 'section'; number: string | null; label: string | null; heading: string | null; mode: 'directed' | 'requested' | null; addressees: PartyRef[];
        /** The addressees each act in their own remit (`giao A, B theo chức năng`). */
        separateRemits: boolean;
        items: ContentItem[];
    }
    | { type: 'annex'; number: string | null; heading: string; items: ContentItem[] }
    | { type: 'paragraph' | 'objective'; label: string | null; text: string }
    | { type: 'funding'; label: string | null; text: string; sources: FundingSourceJson[] }
    | { type: 'scope' | 'beneficiaries'; label: string | null; text: string }
    | { type: 'footnote'; number: string; text: string }
    | { type: 'article'; number: string }
    | { type: 'target' | 'task' | 'phase' | 'report'; key: string };

export interface TaskJson {
    key: string;
    name: string | null;
    /** The item label as printed ("1.", "a)"), and the numbers that address it (["III", "2", "a"]). */
    label: string | null;
    path: string[];
    mode: 'directed' | 'requested';
    text: string;
    section: string[];
    parent: string | null;
    /** Own lead units (chủ trì). */
    leads: PartyRef[];
    /** The bodies it is addressed to with `cho` ("Đề nghị Ủy ban MTTQ tỉnh phối hợp với …"). */
    addressees: PartyRef[];
    /** Own lead units, or those it cooperates with, or its addressees, or those of the enclosing task or heading. */
    effectiveLeads: PartyRef[];
    leadsFrom: 'own' | 'cooperatesWith' | 'addressee' | 'task' | 'heading' | null;
    /**
     * The effective leads each lead their own part, in their own remit (`chủ trì A, B theo chức năng`,
     * "theo chức năng, nhiệm vụ được giao"), as stated where they are named: not one duty led jointly.
     */
    separateRemits: boolean;
    /** The original names no lead (`chủ trì không nêu`). */
    leadUnstated: boolean;
    /** Own cooperating units (phối hợp). */
    supports: PartyRef[];
    /** Own, plus the addressee that "phối hợp với" the leads, plus those inherited from the enclosing task. */
    effectiveSupports: PartyRef[];
    /** Bodies the same duty requests (`đồng thời đề nghị`). */
    requested: PartyRef[];
    timings: TimingJson[];
    recurrence: RecurrenceJson | null;
    /** Every concrete due date, within the plan period the plan states. */
    dueDates: IsoDate[];
    /** What the task must produce ("sản phẩm"), as written. */
    deliverables: string[];
    serves: string[];
    /** Documents the task cites (`căn cứ`, `trích dẫn`, and number-symbols in its text). */
    cites: CitationRef[];
    paragraphs: string[];
    subtasks: string[];
    reports: string[];
    targets: string[];
    funding: FundingJson[];
    inferred: Inferred;
}

export interface TargetJson {
    key: string;
    name: string | null;
    label: string | null;
    path: string[];
    text: string;
    section: string[];
    /** The task it is written in, if any. */
    task: string | null;
    /** Who answers for it: the leads of its task, or the bodies of its heading. */
    owners: PartyRef[];
    indicator: { id: string; text: string; unit: string | null } | null;
    /** "phấn đấu" (strive: aspirational), "bảo đảm" (ensure: firm), or null when unstated. */
    commitment: 'aspirational' | 'firm' | null;
    /** Null when the target states only a direction ("giảm so với năm trước"). */
    comparison: {
        op: 'above' | 'atLeast' | 'below' | 'atMost' | 'exactly' | 'approximately' | 'between';
        value: number | null;
        upper: number | null;
        unit: string | null;
        /** A level given in words ("đạt và vượt chỉ tiêu Quốc hội giao"). */
        reference: string | null;
        text: string;
    } | null;
    change: 'decrease' | 'increase' | null;
    /** True when the value is a change relative to a baseline, false when it is a level to reach. */
    relative: boolean;
    baseline: { previousYear: true } | { year: number } | { text: string } | null;
    recurrence: RecurrenceJson | null;
    timings: TimingJson[];
    dueDates: IsoDate[];
    /** The places or bodies it applies to. */
    scope: Array<{ party: PartyRef | null; text: string }>;
    /** The target in words. */
    statement: string;
    inferred: Inferred;
}

export interface PhaseJson {
    key: string;
    name: string | null;
    label: string | null;
    title: string | null;
    start: IsoDate | null;
    end: IsoDate | null;
    items: ContentItem[];
    inferred: Inferred;
}

export interface ReportJson {
    key: string;
    name: string | null;
    label: string | null;
    path: string[];
    title: string;
    section: string[];
    task: string | null;
    reporters: PartyRef[];
    recipients: PartyRef[];
    /** The channel it goes through ("qua"). */
    via: PartyRef | null;
    /** The body that prepares it ("tham mưu"). */
    preparedBy: PartyRef | null;
    period: { start: TimePointJson; end: TimePointJson } | null;
    timings: TimingJson[];
    recurrence: RecurrenceJson | null;
    occurrences: Occurrence[];
    paragraphs: string[];
    inferred: Inferred;
}

/** A document named in the prose of the plan. */
export interface CitationJson {
    /** The declared document it resolves to; null when none is declared. */
    document: CitationRef | null;
    /** Other declared documents it could equally mean. */
    candidates: string[];
    /** The number-symbol as printed, for a recognised one. */
    printed: string | null;
    /** The kind named before it ("Quyết định") and the date printed after it. */
    kindWord: string | null;
    printedDate: string | null;
    /** Blanks inside the printed number-symbol. */
    malformed: boolean;
    /** Linked with `trích dẫn` rather than recognised. */
    explicit: boolean;
    /** Why the writer linked this document when the text does not name it unambiguously (`suy ra`). */
    inferred: string | null;
    /** Where: the kind of item and its key (tasks, targets, reports) or path, the field and its line. */
    in: { type: string; key: string | null; path: string[]; field: string; line: number };
    /** Position in that field's text (characters), when known. */
    offset: number | null;
    length: number | null;
}

export type AgencyRole = 'leads' | 'supports' | 'requested' | 'reports' | 'receivesReports' | 'consolidatesReports' | 'prepares' | 'ownsTargets' | 'recipient';

export interface AgencyIndexEntry {
    agency: PartyRef;
    /** Keys of the tasks it leads (including inherited leads of sub-tasks). */
    leads: string[];
    supports: string[];
    requested: string[];
    reports: string[];
    receivesReports: string[];
    consolidatesReports: string[];
    prepares: string[];
    ownsTargets: string[];
    recipient: boolean;
    /** What it holds as a member of a group the plan names ("Các sở, ban, ngành"), marked with the group. */
    throughGroups: Array<{ group: string; role: AgencyRole; key: string | null }>;
}

export interface PlanJson {
    $schema: 'urn:planspec:schema:plan:2.1';
    formatVersion: '2.1';
    id: QualifiedId;
    kind: DocumentKind;
    kindLabel: string;
    title: string;
    number: string | null;
    date: IsoDate | null;
    place: string | null;
    issuer: PartyRef | null;
    signer: SignerJson | null;
    /** Whose signer it is: the plan's own, or its instrument's. */
    signerFrom: 'own' | 'issuedWith' | 'forwardedBy' | null;
    /** The period the plan states (or the writer inferred: see `inferred.period`). */
    period: { start: IsoDate; end: IsoDate } | null;
    basis: CitationRef[];
    implements: CitationRef[];
    issuedWith: InstrumentJson | null;
    forwardedBy: InstrumentJson | null;
    recipients: RecipientJson[];
    recipientsFrom: 'own' | 'issuedWith' | 'forwardedBy';
    source: { file: string; line: number };
    body: ContentItem[];
    tasks: TaskJson[];
    targets: TargetJson[];
    phases: PhaseJson[];
    reports: ReportJson[];
    footnotes: Array<{ number: string; text: string }>;
    /** Every document named in the prose of the plan (and of its instrument), where it is named. */
    citations: CitationJson[];
    agencies: AgencyIndexEntry[];
    inferred: Inferred;
}
