/**
 * The compiled form of a plan (format 1.0), for tracking systems and other tools. The JSON Schema of
 * this shape ships as schemas/plan.schema.json; tests validate every example's output against it.
 */

export const PLAN_FORMAT_VERSION = '1.0';
export const PLAN_SCHEMA_ID = 'urn:planspec:schema:plan:1.0';

export interface PartyRef {
    /** Qualified id: `Namespace.ID`, or `ID` for a national body. */
    id: string;
    name: string;
    type: 'agency' | 'group';
}

export interface CitationRef {
    id: string;
    kind: string;
    kindLabel: string;
    number: string | null;
    date: string | null;
    place: string | null;
    summary: string | null;
    issuer: PartyRef | null;
}

export type Recipient = PartyRef | { text: string };

export interface TimePointJson {
    /** ISO 8601 date when the point is a full date. */
    date?: string;
    /** ISO 8601 recurring month-day ("--07-20") when the point recurs every year. */
    monthDay?: string;
    /** For a month-day: it falls in the year before the one it is counted in. */
    previousYear?: boolean;
    year?: number;
    endOfYear?: boolean;
}

export interface RecurrenceJson {
    /** Months between two occurrences: 12 yearly, 6 half-yearly, 3 quarterly, 1 monthly. */
    intervalMonths: number;
}

export interface Occurrence {
    due: string;
    /** The period a report covers, when the plan gives it. */
    from?: string;
    to?: string;
}

export type ContentItem =
    | { type: 'section'; number: string | null; heading: string; items: ContentItem[] }
    | { type: 'paragraph'; text: string }
    | { type: 'objective'; text: string }
    | { type: 'funding'; text: string }
    | { type: 'target' | 'task' | 'phase' | 'report'; key: string };

export interface TaskJson {
    key: string;
    name: string | null;
    mode: 'directed' | 'requested';
    text: string;
    section: string[];
    parent: string | null;
    leads: PartyRef[];
    /** Own lead units, or those inherited from the enclosing task. */
    effectiveLeads: PartyRef[];
    supports: PartyRef[];
    due: TimePointJson | null;
    recurrence: RecurrenceJson | null;
    dueDates: string[];
    deliverable: string | null;
    serves: string[];
    /** Documents the task's text cites ("căn cứ" inside the task). */
    cites: CitationRef[];
    paragraphs: string[];
    subtasks: string[];
    /** Keys of the reports written inside the task. */
    reports: string[];
}

export interface TargetJson {
    key: string;
    name: string | null;
    text: string;
    section: string[];
    indicator: { id: string; text: string; unit: string | null } | null;
    /** Null when the target states only a direction ("giảm so với năm trước"). */
    comparison: {
        op: 'above' | 'atLeast' | 'below' | 'atMost' | 'exactly' | 'between';
        value: number;
        upper: number | null;
        unit: string | null;
    } | null;
    change: 'decrease' | 'increase' | null;
    /** True when the value is a change relative to a baseline, false when it is a level to reach. */
    relative: boolean;
    baseline: { previousYear: true } | { year: number } | { text: string } | null;
    recurrence: RecurrenceJson | null;
    due: TimePointJson | null;
    dueDates: string[];
}

export interface PhaseJson {
    key: string;
    name: string | null;
    title: string | null;
    start: string | null;
    end: string | null;
    items: ContentItem[];
}

export interface ReportJson {
    key: string;
    name: string | null;
    title: string;
    section: string[];
    reporters: PartyRef[];
    recipients: PartyRef[];
    via: PartyRef | null;
    period: { start: TimePointJson; end: TimePointJson } | null;
    due: TimePointJson | null;
    recurrence: RecurrenceJson | null;
    occurrences: Occurrence[];
    paragraphs: string[];
}

export interface AgencyIndexEntry {
    agency: PartyRef;
    /** Keys of the tasks it leads (including inherited leads of sub-tasks). */
    leads: string[];
    supports: string[];
    reports: string[];
    receivesReports: string[];
    consolidatesReports: string[];
    recipient: boolean;
}

export interface PlanJson {
    $schema: string;
    formatVersion: string;
    id: string;
    kind: string;
    kindLabel: string;
    title: string;
    number: string | null;
    date: string | null;
    place: string | null;
    issuer: PartyRef | null;
    signer: string | null;
    period: { start: string; end: string } | null;
    basis: CitationRef[];
    implements: CitationRef[];
    issuedWith: CitationRef | null;
    forwardedBy: CitationRef | null;
    recipients: Recipient[];
    source: { file: string; line: number };
    body: ContentItem[];
    tasks: TaskJson[];
    targets: TargetJson[];
    phases: PhaseJson[];
    reports: ReportJson[];
    agencies: AgencyIndexEntry[];
}
