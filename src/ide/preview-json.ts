/**
 * What the `planspec/preview` request returns: a document's plans as the preview shows them (the
 * plan in its original numbering, a responsibility matrix and a timeline), with the source range of
 * every item so that a click can reveal it. Plain JSON, read by the webview renderer of the VS Code
 * extension (src/extension/preview/render.ts), which imports these types only.
 *
 * Everything comes from the compiler's output (src/compiler/plan-json.ts) and src/semantics; `null`
 * means the plan does not say. Texts are as printed, in NFC.
 */
import type { IsoDate, Occurrence, PartyRef, TaskJson } from '../compiler/plan-json.js';

export type { IsoDate, Occurrence, PartyRef };

/** The custom request: `{ uri }` → `PreviewModel`. */
export const PREVIEW_REQUEST = 'planspec/preview';

export interface PreviewParams {
    uri: string;
}

/** An LSP position and range (0-based lines, UTF-16 characters), in the previewed document. */
export interface SourcePosition {
    line: number;
    character: number;
}

export interface SourceRange {
    start: SourcePosition;
    end: SourcePosition;
}

export interface PreviewModel {
    uri: string;
    /** The plans of the document, in source order (a registry file has none). */
    plans: PreviewPlan[];
    /** What the editor reports on the document: syntax errors, and errors and warnings of every kind. */
    problems: { syntax: number; errors: number; warnings: number };
}

/** A document the plan names: "Quyết định số 634/QĐ-TTg ngày 13/5/2020". */
export interface PreviewDocRef {
    id: string;
    /** Its kind, number and date (or year) as Vietnamese writes them; its kind and id without a number. */
    label: string;
    summary: string | null;
    /** Where the plan names it. */
    range: SourceRange | null;
}

export interface PreviewPlan {
    id: string;
    kind: string;
    kindLabel: string;
    title: string;
    number: string | null;
    date: IsoDate | null;
    /** Whose date it is: the plan's own, or that of the decision issuing it (a plan printed after its decision has none of its own). */
    dateFrom: 'own' | 'issuedWith' | null;
    place: string | null;
    issuer: PartyRef | null;
    /** The signature block as printed ("KT. CHỦ TỊCH / PHÓ CHỦ TỊCH / Trần Hồng Quân"), and whose it is. */
    signer: string | null;
    signerFrom: 'own' | 'issuedWith' | 'forwardedBy' | null;
    /** The period as written ("từ nay đến hết năm 2020"); its days when they can be computed; the writer's reason when inferred. */
    period: { text: string; start: IsoDate | null; end: IsoDate | null; inferred: string | null } | null;
    basis: PreviewDocRef[];
    implements: PreviewDocRef[];
    /** The decision that issues the plan and the letter that forwards it, with what is written in them. */
    instruments: PreviewInstrument[];
    /** The plan's declaration (keyword, id and title). */
    range: SourceRange | null;
    body: PreviewBlock[];
    tasks: PreviewTask[];
    targets: PreviewTarget[];
    reports: PreviewReport[];
    phases: PreviewPhase[];
    matrix: PreviewMatrix;
    timeline: PreviewTimeline;
    /** Why the plan could not be compiled (it is shown from what parses), or null. */
    error: string | null;
}

export interface PreviewInstrument extends PreviewDocRef {
    role: 'issuedWith' | 'forwardedBy';
    body: PreviewBlock[];
}

export type TextKind = 'paragraph' | 'objective' | 'scope' | 'beneficiaries' | 'funding' | 'footnote';

/** The plan as printed: sections and annexes hold text and the keyed items (looked up by key). */
export type PreviewBlock =
    | {
        type: 'section'; number: string | null; label: string | null; heading: string | null; mode: 'directed' | 'requested' | null; addressees: PartyRef[];
        /** The addressees each act in their own remit (`giao A, B theo chức năng`). */
        separateRemits: boolean;
        range: SourceRange | null; items: PreviewBlock[];
    }
    | { type: 'annex'; number: string | null; heading: string; range: SourceRange | null; items: PreviewBlock[] }
    | { type: 'article'; number: string; text: string; executors: PartyRef[]; range: SourceRange | null; items: PreviewBlock[] }
    /** `details`: a funding's sources in words. */
    | { type: 'text'; kind: TextKind; label: string | null; text: string; details: string[]; range: SourceRange | null }
    | { type: 'task' | 'target' | 'report' | 'phase'; key: string };

/** A timing as written, with the window of days it allows in words (both languages). */
export interface PreviewTiming {
    kind: 'deadline' | 'start' | 'ongoing' | 'event' | 'onRequest';
    text: string;
    words: string | null;
    earliest: IsoDate | null;
    latest: IsoDate | null;
    recurring: boolean;
}

export interface PreviewSupport extends PartyRef {
    /** Not named by the task itself: from the enclosing task or heading. */
    inherited: boolean;
    /** The body the task is addressed to, which cooperates with the lead it names (`phối hợp với`). */
    addressee: boolean;
}

export interface PreviewTask {
    key: string;
    name: string | null;
    label: string | null;
    /** The numbers that address it (["III", "2", "a"]). */
    path: string[];
    mode: 'directed' | 'requested';
    text: string;
    leads: PartyRef[];
    leadsFrom: TaskJson['leadsFrom'];
    /** The leads come from the enclosing task or heading. */
    leadsInherited: boolean;
    /** The leads each lead their own part, in their own remit (`theo chức năng`), not one duty jointly. */
    separateRemits: boolean;
    leadUnstated: boolean;
    supports: PreviewSupport[];
    requested: PartyRef[];
    timings: PreviewTiming[];
    /** "hằng năm / every year". */
    recurrence: string | null;
    dueDates: IsoDate[];
    /** Why a recurring task has no concrete due date (both languages). */
    noDates: string | null;
    deliverables: string[];
    /** Its paragraphs, sub-tasks, targets, reports and funding, in source order. */
    items: PreviewBlock[];
    range: SourceRange | null;
}

export interface PreviewTarget {
    key: string;
    name: string | null;
    label: string | null;
    text: string;
    /** The target in words, as the plan states it, and in English. */
    statement: string;
    english: string | null;
    owners: PartyRef[];
    commitment: 'aspirational' | 'firm' | null;
    timings: PreviewTiming[];
    dueDates: IsoDate[];
    range: SourceRange | null;
}

export interface PreviewReport {
    key: string;
    name: string | null;
    label: string | null;
    title: string;
    reporters: PartyRef[];
    recipients: PartyRef[];
    via: PartyRef | null;
    preparedBy: PartyRef | null;
    /** The period it covers, as written. */
    period: string | null;
    timings: PreviewTiming[];
    recurrence: string | null;
    occurrences: Occurrence[];
    noDates: string | null;
    paragraphs: string[];
    range: SourceRange | null;
}

export interface PreviewPhase {
    key: string;
    name: string | null;
    label: string | null;
    title: string | null;
    /** The period as written. */
    period: string;
    start: IsoDate | null;
    end: IsoDate | null;
    inferred: string | null;
    items: PreviewBlock[];
    range: SourceRange | null;
}

export type MatrixRole = 'lead' | 'support' | 'requested' | 'reports';

export interface MatrixColumn {
    key: string;
    kind: 'task' | 'report';
    /** Its id, else its item path ("III.1"), else its number in the plan. */
    label: string;
    /** Its text, for a tooltip. */
    title: string;
    mode: 'directed' | 'requested' | null;
    range: SourceRange | null;
}

export interface MatrixMark {
    column: number;
    role: MatrixRole;
    /** A lead or support the task inherits from its enclosing task or heading. */
    inherited: boolean;
    /** The group it holds the role through (a member of "Các sở, ban, ngành tỉnh"), or null. */
    via: string | null;
}

export interface MatrixRow {
    party: PartyRef;
    marks: MatrixMark[];
    /** Tasks or reports per role: its own, and through a group it belongs to. */
    counts: Record<MatrixRole, number>;
    viaGroups: Record<MatrixRole, number>;
}

/** Agencies × tasks and reports (the compiler's per-agency index). */
export interface PreviewMatrix {
    columns: MatrixColumn[];
    rows: MatrixRow[];
}

export type TimelineEventKind = 'deadline' | 'start' | 'report' | 'target';

export interface TimelineEvent {
    kind: TimelineEventKind;
    key: string;
    label: string;
    /** The day it falls due (the latest day allowed; the first day for a start). */
    date: IsoDate;
    /** The first day of its window, when it spans several days ("trong tháng 12/2025"). */
    start: IsoDate | null;
    /** The timing as written. */
    text: string;
    range: SourceRange | null;
}

export interface PreviewTimeline {
    /** The plan period with days; `inferred` is the writer's reason when the original does not state it. */
    period: { start: IsoDate; end: IsoDate; inferred: string | null } | null;
    /** What the axis spans: the period and every dated item; null when nothing has a date. */
    axis: { start: IsoDate; end: IsoDate } | null;
    phases: Array<{ key: string; label: string; start: IsoDate; end: IsoDate; range: SourceRange | null }>;
    events: TimelineEvent[];
    /** Recurring duties without concrete dates, and why. */
    undated: Array<{ kind: 'task' | 'report' | 'target'; key: string; label: string; reason: string; range: SourceRange | null }>;
    /** Tasks that state no timing at all. */
    tasksWithoutTiming: number;
}
