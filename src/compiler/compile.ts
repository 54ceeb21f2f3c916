import * as path from 'node:path';
import type { Reference } from 'langium';
import { AstUtils } from 'langium';
import type {
    Citable, Document, Party, Phase, Plan, Recurrence, Report, Section, SectionMember, Target, Task, TaskMember, TimePoint
} from '../language/generated/ast.js';
import { isAgency, isDocument, isPhase, isPlan, isReport, isTarget, isTask } from '../language/generated/ast.js';
import type { CalendarDate } from '../language/dates.js';
import { compareDates, daysInMonth, parseDate, parseDayMonthParts, toIso } from '../language/dates.js';
import { documentKind, documentKindLabel, periodUnit, recurrenceKind } from '../language/keywords.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import { changeOf, effectiveLeads, isRelativeChange, modeOf, targetOp, targetUnit } from '../language/semantics.js';
import type { Span } from '../language/time.js';
import { periodSpan, planSpan, pointDate } from '../language/time.js';
import type {
    AgencyIndexEntry, CitationRef, ContentItem, Occurrence, PartyRef, PhaseJson, PlanJson, Recipient, RecurrenceJson,
    ReportJson, TargetJson, TaskJson, TimePointJson
} from './plan-json.js';
import { PLAN_FORMAT_VERSION, PLAN_SCHEMA_ID } from './plan-json.js';


/**
 * Compiles one linked, error-free plan into its JSON form. `root` is the workspace root, so that the
 * source path in the output does not depend on where the compiler runs.
 */
export function compilePlan(plan: Plan, root: string): PlanJson {
    return new PlanCompiler(plan, root).compile();
}

class PlanCompiler {
    private readonly keys = new Map<object, string>();
    private readonly tasks: TaskJson[] = [];
    private readonly targets: TargetJson[] = [];
    private readonly phases: PhaseJson[] = [];
    private readonly reports: ReportJson[] = [];
    private readonly span: Span | undefined;

    constructor(private readonly plan: Plan, private readonly root: string) {
        this.span = planSpan(plan);
        // Keys first, so that a task can name a target declared further down.
        const counters = { Task: 0, Target: 0, Phase: 0, Report: 0 };
        for (const node of AstUtils.streamAllContents(plan)) {
            if (isTask(node) || isTarget(node) || isPhase(node) || isReport(node)) {
                const n = ++counters[node.$type];
                this.keys.set(node, node.name ?? `${node.$type.toLowerCase()}-${n}`);
            }
        }
    }

    compile(): PlanJson {
        const plan = this.plan;
        const document = AstUtils.getDocument(plan);
        const body = this.items(plan.members, []);
        return {
            $schema: PLAN_SCHEMA_ID,
            formatVersion: PLAN_FORMAT_VERSION,
            id: qualify(namespaceOf(plan), plan.name),
            kind: documentKind(plan.kind) ?? plan.kind,
            kindLabel: label(plan.kind),
            title: plan.title,
            number: plan.number ?? null,
            date: isoDate(plan.date),
            place: plan.place ?? null,
            issuer: partyRef(plan.issuer),
            signer: plan.signer ?? null,
            period: this.span ? { start: toIso(this.span.start), end: toIso(this.span.end) } : null,
            basis: citations(plan.basis),
            implements: citations(plan.implements),
            issuedWith: citation(plan.issuedWith),
            forwardedBy: citation(plan.forwardedBy),
            recipients: plan.recipients.map((r): Recipient => r.party ? partyRef(r.party)! : { text: r.text ?? '' }),
            source: {
                file: path.relative(this.root, document.uri.fsPath).split(path.sep).join('/'),
                line: (plan.$cstNode?.range.start.line ?? 0) + 1,
            },
            body,
            tasks: this.tasks,
            targets: this.targets,
            phases: this.phases,
            reports: this.reports,
            agencies: this.agencyIndex(),
        };
    }

    private key(node: object): string {
        return this.keys.get(node)!;
    }

    private items(members: Array<SectionMember | TaskMember>, section: string[]): ContentItem[] {
        return members.map(member => this.item(member, section));
    }

    private item(member: SectionMember | TaskMember, section: string[]): ContentItem {
        switch (member.$type) {
            case 'Section':
                return {
                    type: 'section', number: member.number ?? null, heading: member.heading,
                    items: this.items(member.members, [...section, sectionLabel(member)]),
                };
            case 'Paragraph': return { type: 'paragraph', text: member.text };
            case 'Objective': return { type: 'objective', text: member.text };
            case 'Funding': return { type: 'funding', text: member.text };
            case 'Target': this.target(member, section); return { type: 'target', key: this.key(member) };
            case 'Task': this.task(member, section, null); return { type: 'task', key: this.key(member) };
            case 'Phase': this.phase(member, section); return { type: 'phase', key: this.key(member) };
            case 'Report': this.report(member, section); return { type: 'report', key: this.key(member) };
        }
    }

    private task(task: Task, section: string[], parent: string | null): void {
        const json: TaskJson = {
            key: this.key(task),
            name: task.name ?? null,
            mode: modeOf(task),
            text: task.text,
            section,
            parent,
            leads: partyRefs(task.leads),
            effectiveLeads: partyRefs(effectiveLeads(task)),
            supports: partyRefs(task.supports),
            due: timePoint(task.due),
            recurrence: recurrence(task.recurrence),
            dueDates: this.occurrences(task.due, task.recurrence).map(o => o.due),
            deliverable: task.deliverable ?? null,
            serves: task.serves.filter(s => s.ref).map(s => this.key(s.ref!)),
            cites: citations(task.cites),
            paragraphs: task.members.filter(m => m.$type === 'Paragraph').map(m => m.text),
            subtasks: [],
            reports: [],
        };
        this.tasks.push(json);
        for (const member of task.members) {
            if (isTask(member)) {
                json.subtasks.push(this.key(member));
                this.task(member, section, json.key);
            } else if (isReport(member)) {
                json.reports.push(this.key(member));
                this.report(member, section);
            }
        }
    }

    private target(target: Target, section: string[]): void {
        const c = target.comparison;
        const indicator = target.indicator?.ref;
        this.targets.push({
            key: this.key(target),
            name: target.name ?? null,
            text: target.text,
            section,
            indicator: indicator ? { id: qualify(namespaceOf(indicator), indicator.name), text: indicator.text, unit: indicator.unit ?? null } : null,
            comparison: c ? { op: targetOp(target)!, value: c.value.value, upper: c.upper?.value ?? null, unit: targetUnit(target) ?? null } : null,
            change: changeOf(target) ?? null,
            relative: isRelativeChange(target),
            baseline: target.baseline
                ? target.baseline.previousYear ? { previousYear: true }
                    : target.baseline.year !== undefined ? { year: target.baseline.year } : { text: target.baseline.text ?? '' }
                : null,
            recurrence: recurrence(target.recurrence),
            due: timePoint(target.due),
            dueDates: this.occurrences(target.due, target.recurrence).map(o => o.due),
        });
    }

    private phase(phase: Phase, section: string[]): void {
        const span = periodSpan(phase.period);
        const json: PhaseJson = {
            key: this.key(phase),
            name: phase.name ?? null,
            title: phase.title ?? null,
            start: span ? toIso(span.start) : null,
            end: span ? toIso(span.end) : null,
            items: [],
        };
        this.phases.push(json);
        json.items = this.items(phase.members, section);
    }

    private report(report: Report, section: string[]): void {
        this.reports.push({
            key: this.key(report),
            name: report.name ?? null,
            title: report.title,
            section,
            reporters: partyRefs(report.reporters),
            recipients: partyRefs(report.recipients),
            via: partyRef(report.via),
            period: report.period ? { start: timePoint(report.period.start)!, end: timePoint(report.period.end)! } : null,
            due: timePoint(report.due),
            recurrence: recurrence(report.recurrence),
            occurrences: this.occurrences(report.due, report.recurrence, report.period),
            paragraphs: report.members.map(m => m.text),
        });
    }

    /**
     * Concrete due dates within the plan period. A full date is itself; a year is its last day; a
     * day/month recurs at the given interval (yearly when none is given) across the plan period,
     * and cannot be expanded when the plan has no period.
     */
    private occurrences(due: TimePoint | undefined, rec: Recurrence | undefined, covered?: { start: TimePoint; end: TimePoint }): Occurrence[] {
        if (!due) {
            return [];
        }
        if (!due.dayMonth) {
            const date = pointDate(due, 'end');
            return date ? [this.occurrence(date, covered)] : [];
        }
        const dm = parseDayMonthParts(due.dayMonth);
        if (!dm || !this.span) {
            return [];
        }
        const interval = recurrence(rec)?.intervalMonths ?? 12;
        const result: Occurrence[] = [];
        // Start from the earliest month of the cycle that the day/month belongs to.
        let month = ((dm.month - 1) % interval) + 1;
        let year = this.span.start.year;
        for (; ;) {
            const date = parseDate(`${dm.day}/${month}/${year}`) ?? lastDayOf(year, month);
            if (compareDates(date, this.span.end) > 0) {
                break;
            }
            if (compareDates(date, this.span.start) >= 0) {
                result.push(this.occurrence(date, covered));
            }
            month += interval;
            while (month > 12) {
                month -= 12;
                year += 1;
            }
        }
        return result;
    }

    private occurrence(due: CalendarDate, covered?: { start: TimePoint; end: TimePoint }): Occurrence {
        const occurrence: Occurrence = { due: toIso(due) };
        if (covered) {
            const from = pointDate(covered.start, 'start', due.year);
            const to = pointDate(covered.end, 'end', due.year);
            if (from) occurrence.from = toIso(from);
            if (to) occurrence.to = toIso(to);
        }
        return occurrence;
    }

    private agencyIndex(): AgencyIndexEntry[] {
        const entries = new Map<string, AgencyIndexEntry>();
        const entry = (party: PartyRef) => {
            let e = entries.get(party.id);
            if (!e) {
                e = { agency: party, leads: [], supports: [], reports: [], receivesReports: [], consolidatesReports: [], recipient: false };
                entries.set(party.id, e);
            }
            return e;
        };
        for (const task of this.tasks) {
            task.effectiveLeads.forEach(p => addOnce(entry(p).leads, task.key));
            task.supports.forEach(p => addOnce(entry(p).supports, task.key));
        }
        for (const report of this.reports) {
            report.reporters.forEach(p => addOnce(entry(p).reports, report.key));
            report.recipients.forEach(p => addOnce(entry(p).receivesReports, report.key));
            if (report.via) addOnce(entry(report.via).consolidatesReports, report.key);
        }
        for (const recipient of this.plan.recipients) {
            const ref = partyRef(recipient.party);
            if (ref) entry(ref).recipient = true;
        }
        return [...entries.values()].sort((a, b) => (a.agency.id < b.agency.id ? -1 : a.agency.id > b.agency.id ? 1 : 0));
    }
}

function addOnce(list: string[], key: string): void {
    if (!list.includes(key)) list.push(key);
}

function label(kind: string): string {
    const k = documentKind(kind);
    return k ? documentKindLabel[k] : kind;
}

function sectionLabel(section: Section): string {
    return section.number ?? section.heading;
}

function isoDate(text: string | undefined): string | null {
    const date = text ? parseDate(text) : undefined;
    return date ? toIso(date) : null;
}

function partyRef(ref: Reference<Party> | undefined): PartyRef | null {
    const party = ref?.ref;
    if (!party) {
        return null;
    }
    return { id: qualify(namespaceOf(party), party.name), name: party.officialName, type: isAgency(party) ? 'agency' : 'group' };
}

function partyRefs(refs: Array<Reference<Party>>): PartyRef[] {
    return refs.map(partyRef).filter((p): p is PartyRef => p !== null);
}

function citation(ref: Reference<Citable> | undefined): CitationRef | null {
    const target = ref?.ref;
    if (!target) {
        return null;
    }
    const doc: Document | Plan = target;
    return {
        id: qualify(namespaceOf(doc), doc.name),
        kind: documentKind(doc.kind) ?? doc.kind,
        kindLabel: label(doc.kind),
        number: doc.number ?? null,
        date: isoDate(doc.date),
        place: doc.place ?? null,
        summary: isDocument(doc) ? doc.summary ?? null : isPlan(doc) ? doc.title : null,
        issuer: partyRef(doc.issuer),
    };
}

function citations(refs: Array<Reference<Citable>>): CitationRef[] {
    return refs.map(citation).filter((c): c is CitationRef => c !== null);
}

function timePoint(point: TimePoint | undefined): TimePointJson | null {
    if (!point) {
        return null;
    }
    if (point.date) {
        return { date: isoDate(point.date) ?? point.date };
    }
    if (point.dayMonth) {
        const dm = parseDayMonthParts(point.dayMonth)!;
        const json: TimePointJson = { monthDay: `--${String(dm.month).padStart(2, '0')}-${String(dm.day).padStart(2, '0')}` };
        if (point.previousYear) json.previousYear = true;
        return json;
    }
    const json: TimePointJson = { year: point.year };
    if (point.endOfYear) json.endOfYear = true;
    return json;
}

function recurrence(rec: Recurrence | undefined): RecurrenceJson | null {
    if (!rec) {
        return null;
    }
    if (rec.every) {
        const kind = recurrenceKind(rec.every);
        return { intervalMonths: kind === 'monthly' ? 1 : kind === 'quarterly' ? 3 : 12 };
    }
    const months = (rec.count ?? 1) * (periodUnit(rec.unit ?? '') === 'year' ? 12 : 1);
    return { intervalMonths: months };
}

function lastDayOf(year: number, month: number): CalendarDate {
    return { year, month, day: daysInMonth(year, month) };
}
