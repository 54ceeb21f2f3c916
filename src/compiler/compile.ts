import * as path from 'node:path';
import type { AstNode, Reference } from 'langium';
import { AstUtils } from 'langium';
import type {
    Article, Citable, Deadline, Document, DocumentMember, EventSubject, Funding, FundingSource, Party, Phase, Plan,
    PlanMember, Recipient, Recurrence, Report, ReportTiming, Section, SectionMember, Signer, Target, Task, TaskMember,
    TimePoint, Timing
} from '../language/generated/ast.js';
import {
    isAgency, isArticle, isDocument, isGroup, isOngoing, isOnRequest, isPhase, isPlan, isReport, isSection, isStart, isTarget,
    isTask, isUpon
} from '../language/generated/ast.js';
import type { DocumentKind } from '../language/keywords.js';
import { documentKind, documentKindLabel, signingAuthority, signingAuthorityPrefix, taskMode, textBlockKind } from '../language/keywords.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import type { ProseCitation } from '../semantics/citations.js';
import { citationsOf } from '../semantics/citations.js';
import type { CalendarDate } from '../semantics/dates.js';
import { parseDate, toIso } from '../semantics/dates.js';
import { effectiveRecipients, effectiveSigner, instrumentOf, recipientParties } from '../semantics/instruments.js';
import { inferredProperties, inferredReason } from '../semantics/provenance.js';
import {
    effectiveLeads, effectiveSupports, groupMembers, leadSource, leadsInOwnRemit, leadUnstated, modeOf, resolvedParties
} from '../semantics/responsibility.js';
import type { SemanticServices } from '../semantics/services.js';
import { itemPath, labelOf } from '../semantics/structure.js';
import { changeOf, commitmentOf, isRelativeChange, targetOp, targetOwners, targetStatement, targetUnit } from '../semantics/targets.js';
import type { Window } from '../semantics/time.js';
import {
    dayParts, deadlineRelation, deadlineWindow, dueOccurrences, effectiveDate, eventRelation, isRecurringPoint, isSecondHalf, monthParts,
    ownerOf, periodSpan, planDate, planSpan, pointDate, pointExtent, pointKind, quarterParts, recurrenceInterval,
    recurrenceMonths, sourceText, timingWindow
} from '../semantics/time.js';
import type {
    AgencyIndexEntry, AgencyRole, ArticleJson, CitationJson, CitationRef, ContentItem, FundingJson, FundingSourceJson,
    Inferred, InstrumentJson, Occurrence, PartyRef, PhaseJson, PlanJson, RecipientJson, RecurrenceJson, ReportJson,
    SignerJson, SigningAuthorityJson, TargetJson, TaskJson, TimePointJson, TimingJson
} from './plan-json.js';
import { PLAN_FORMAT_VERSION, PLAN_SCHEMA_ID } from './plan-json.js';

/**
 * Compiles one linked, error-free plan into its JSON form. `root` is the workspace root, so that the
 * source path in the output does not depend on where the compiler runs; `services` resolve the
 * number-symbols cited in prose against the workspace.
 */
export function compilePlan(plan: Plan, root: string, services: SemanticServices): PlanJson {
    return new PlanCompiler(plan, root, services).compile();
}

type Keyed = Task | Target | Phase | Report;

class PlanCompiler {
    private readonly keys = new Map<object, string>();
    private readonly tasks: TaskJson[] = [];
    private readonly targets: TargetJson[] = [];
    private readonly phases: PhaseJson[] = [];
    private readonly reports: ReportJson[] = [];
    private readonly footnotes: Array<{ number: string; text: string }> = [];
    private readonly citations: CitationJson[] = [];
    private readonly now: CalendarDate | undefined;

    constructor(private readonly plan: Plan, private readonly root: string, private readonly services: SemanticServices) {
        this.now = planDate(plan);
        // Keys first, so that a task can name a target declared further down. The tasks, targets
        // and reports written in the plan's issuing or forwarding instrument ("Giám đốc Sở đề nghị …")
        // join the plan's lists; a name the plan also uses is qualified by the instrument's id.
        const counters = { Task: 0, Target: 0, Phase: 0, Report: 0 };
        const used = new Set<string>();
        const owners: Array<Plan | Document> = [plan];
        for (const role of ['issuedWith', 'forwardedBy'] as const) {
            const instrument = plan[role]?.ref;
            if (isDocument(instrument) && !owners.includes(instrument)) {
                owners.push(instrument);
            }
        }
        for (const owner of owners) {
            for (const node of AstUtils.streamAllContents(owner)) {
                if (isTask(node) || isTarget(node) || isPhase(node) || isReport(node)) {
                    const n = ++counters[node.$type];
                    let key = node.name ?? `${node.$type.toLowerCase()}-${n}`;
                    if (used.has(key)) {
                        key = `${owner.name}.${key}`;
                    }
                    used.add(key);
                    this.keys.set(node, key);
                }
            }
        }
    }

    compile(): PlanJson {
        const plan = this.plan;
        const document = AstUtils.getDocument(plan);
        this.cite(plan);
        const body = this.items(plan.members, []);
        const span = planSpan(plan);
        const recipients = effectiveRecipients(plan);
        const signer = effectiveSigner(plan);
        const instrument = instrumentOf(plan);
        return {
            $schema: PLAN_SCHEMA_ID,
            formatVersion: PLAN_FORMAT_VERSION,
            id: qualify(namespaceOf(plan), plan.name),
            kind: (documentKind(plan.kind) ?? plan.kind) as DocumentKind,
            kindLabel: label(plan.kind),
            title: plan.title,
            number: plan.number ?? null,
            date: this.now ? toIso(this.now) : null,
            place: plan.place ?? null,
            issuer: partyRef(plan.issuer),
            signer: signer ? signerJson(signer.signer) : null,
            signerFrom: signer?.from ?? null,
            period: span ? { start: toIso(span.start), end: toIso(span.end) } : null,
            basis: citations(plan.basis),
            implements: citations(plan.implements),
            issuedWith: instrument?.role === 'issuedWith' ? this.instrument(instrument.document, 'issuedWith') : null,
            forwardedBy: plan.forwardedBy?.ref && plan.forwardedBy.ref !== plan ? this.instrument(plan.forwardedBy.ref, 'forwardedBy') : null,
            recipients: recipients.recipients.map(recipientJson),
            recipientsFrom: recipients.from,
            source: {
                file: path.relative(this.root, document.uri.fsPath).split(path.sep).join('/'),
                line: (plan.$cstNode?.range.start.line ?? 0) + 1,
            },
            body,
            tasks: this.tasks,
            targets: this.targets,
            phases: this.phases,
            reports: this.reports,
            footnotes: this.footnotes,
            citations: this.citations,
            agencies: this.agencyIndex(recipients.recipients),
            inferred: inferred(plan),
        };
    }

    private key(node: object): string {
        return this.keys.get(node)!;
    }

    // ---------------------------------------------------------------------------------------------
    // Content

    private items(members: ReadonlyArray<PlanMember | SectionMember | TaskMember | DocumentMember>, section: string[]): ContentItem[] {
        return members.map(member => this.item(member, section));
    }

    private item(member: PlanMember | SectionMember | TaskMember | DocumentMember, section: string[]): ContentItem {
        this.cite(member);
        switch (member.$type) {
            case 'Section':
                return {
                    type: 'section', number: member.number ?? null, label: labelOf(member) ?? null, heading: member.heading ?? null,
                    mode: member.mode ? taskMode(member.mode) ?? null : null, addressees: partyRefs(member.addressees),
                    separateRemits: member.ownRemit === true,
                    items: this.items(member.members, [...section, sectionLabel(member)]),
                };
            case 'Annex':
                return { type: 'annex', number: member.number ?? null, heading: member.heading, items: this.items(member.members, [...section, member.number ?? member.heading]) };
            case 'Paragraph': return { type: 'paragraph', label: labelOf(member) ?? null, text: member.text };
            case 'Objective': return { type: 'objective', label: labelOf(member) ?? null, text: member.text };
            case 'Funding': return { type: 'funding', ...this.funding(member) };
            case 'TextBlock': return { type: textBlockKind(member.kind) ?? 'scope', label: labelOf(member) ?? null, text: member.text };
            case 'Footnote':
                this.footnotes.push({ number: member.number, text: member.text });
                return { type: 'footnote', number: member.number, text: member.text };
            case 'Article': return { type: 'article', number: member.number };
            case 'Target': this.target(member, section); return { type: 'target', key: this.key(member) };
            case 'Task': this.task(member, section, null); return { type: 'task', key: this.key(member) };
            case 'Phase': this.phase(member, section); return { type: 'phase', key: this.key(member) };
            case 'Report': this.report(member, section); return { type: 'report', key: this.key(member) };
        }
    }

    private funding(funding: Funding): FundingJson {
        return { label: labelOf(funding) ?? null, text: funding.text, sources: funding.sources.map(s => this.fundingSource(s)) };
    }

    private fundingSource(source: FundingSource): FundingSourceJson {
        const span = periodSpan(source.period, { now: this.now });
        return {
            source: source.source,
            amount: source.amount ? { value: source.amount.value, unit: source.amount.unit ?? null } : null,
            period: span ? { start: toIso(span.start), end: toIso(span.end) } : null,
            year: source.year ?? null,
        };
    }

    private task(task: Task, section: string[], parent: string | null): void {
        const source = leadSource(task);
        const leadsFrom = !source ? null
            : source.node === task ? (source.property === 'leads' ? 'own' : source.property === 'cooperatesWith' ? 'cooperatesWith' : 'addressee')
                : isSection(source.node) ? 'heading' : 'task';
        const json: TaskJson = {
            key: this.key(task),
            name: task.name ?? null,
            label: labelOf(task) ?? null,
            path: itemPath(task),
            mode: modeOf(task),
            text: task.text,
            section,
            parent,
            leads: partyRefs(task.leads),
            addressees: partyRefs(task.addressees),
            effectiveLeads: partyRefs(effectiveLeads(task)),
            leadsFrom,
            separateRemits: leadsInOwnRemit(task),
            leadUnstated: leadUnstated(task),
            supports: partyRefs(task.supports),
            effectiveSupports: partyRefs(effectiveSupports(task)),
            requested: partyRefs(task.requested),
            timings: task.timings.map(t => this.timing(t)),
            recurrence: recurrence(task.recurrence),
            dueDates: dueOccurrences(task).map(o => toIso(o.due)),
            deliverables: task.deliverables,
            serves: task.serves.filter(s => s.ref).map(s => this.key(s.ref!)),
            cites: uniqueCitations(citationsOf(this.services, task).map(c => c.document).filter((d): d is Document | Plan => d !== undefined)),
            paragraphs: task.members.filter(m => m.$type === 'Paragraph').map(m => m.text),
            subtasks: [],
            reports: [],
            targets: [],
            funding: [],
            inferred: inferred(task),
        };
        this.tasks.push(json);
        for (const member of task.members) {
            this.cite(member);
            if (isTask(member)) {
                json.subtasks.push(this.key(member));
                this.task(member, section, json.key);
            } else if (isReport(member)) {
                json.reports.push(this.key(member));
                this.report(member, section);
            } else if (isTarget(member)) {
                json.targets.push(this.key(member));
                this.target(member, section);
            } else if (member.$type === 'Funding') {
                json.funding.push(this.funding(member));
            }
        }
    }

    private target(target: Target, section: string[]): void {
        const c = target.comparison;
        const indicator = target.indicator?.ref;
        const task = AstUtils.getContainerOfType(target.$container, isTask);
        this.targets.push({
            key: this.key(target),
            name: target.name ?? null,
            label: labelOf(target) ?? null,
            path: itemPath(target),
            text: target.text,
            section,
            task: task ? this.key(task) : null,
            owners: partyRefs(targetOwners(target)),
            indicator: indicator ? { id: qualify(namespaceOf(indicator), indicator.name), text: indicator.text, unit: indicator.unit ?? null } : null,
            commitment: commitmentOf(target) ?? null,
            comparison: c ? {
                op: targetOp(target)!,
                value: c.value?.value ?? null,
                upper: c.upper?.value ?? null,
                unit: targetUnit(target) ?? null,
                reference: c.reference ?? null,
                text: sourceText(c),
            } : null,
            change: changeOf(target) ?? null,
            relative: isRelativeChange(target),
            baseline: target.baseline
                ? target.baseline.previousYear ? { previousYear: true }
                    : target.baseline.year !== undefined ? { year: target.baseline.year } : { text: target.baseline.text ?? '' }
                : null,
            recurrence: recurrence(target.recurrence),
            timings: target.timings.map(t => this.timing(t)),
            dueDates: dueOccurrences(target).map(o => toIso(o.due)),
            scope: target.scope.map(s => ({ party: partyRef(s.party), text: s.text ?? s.party?.ref?.officialName ?? s.party?.$refText ?? '' })),
            statement: targetStatement(target),
            inferred: inferred(target),
        });
    }

    private phase(phase: Phase, section: string[]): void {
        const span = periodSpan(phase.period, { now: this.now });
        const json: PhaseJson = {
            key: this.key(phase),
            name: phase.name ?? null,
            label: labelOf(phase) ?? null,
            title: phase.title ?? null,
            start: span ? toIso(span.start) : null,
            end: span ? toIso(span.end) : null,
            items: [],
            inferred: inferred(phase),
        };
        this.phases.push(json);
        json.items = this.items(phase.members, section);
    }

    private report(report: Report, section: string[]): void {
        const task = AstUtils.getContainerOfType(report.$container, isTask);
        for (const member of report.members) {
            this.cite(member);
        }
        this.reports.push({
            key: this.key(report),
            name: report.name ?? null,
            label: labelOf(report) ?? null,
            path: itemPath(report),
            title: report.title,
            section,
            task: task ? this.key(task) : null,
            reporters: partyRefs(report.reporters),
            recipients: partyRefs(report.recipients),
            via: partyRef(report.via),
            preparedBy: partyRef(report.drafter),
            period: report.period?.start && report.period.end
                ? { start: this.point(report.period.start), end: this.point(report.period.end) } : null,
            timings: report.timings.map(t => this.timing(t)),
            recurrence: recurrence(report.recurrence),
            occurrences: dueOccurrences(report).map(o => this.occurrence(o.due, o.at, o.window, report)),
            paragraphs: report.members.map(m => m.text),
            inferred: inferred(report),
        });
    }

    private occurrence(due: CalendarDate, at: CalendarDate, window: Window, report: Report): Occurrence {
        const occurrence: Occurrence = { due: toIso(due) };
        if (window.earliest && window.latest && (window.earliest.year !== window.latest.year || window.earliest.month !== window.latest.month || window.earliest.day !== window.latest.day)) {
            occurrence.earliest = toIso(window.earliest);
        }
        const covered = report.period;
        if (covered?.start && covered.end) {
            // The covered period is read in the year of the day the deadline names.
            const year = at.year;
            const from = pointDate(covered.start, 'start', { year, now: this.now });
            const to = pointDate(covered.end, 'end', { year, now: this.now });
            if (from) occurrence.from = toIso(from);
            if (to) occurrence.to = toIso(to);
        }
        return occurrence;
    }

    // ---------------------------------------------------------------------------------------------
    // Time

    private point(point: TimePoint): TimePointJson {
        const kind = pointKind(point) ?? 'date';
        const extent = pointExtent(point, { now: this.now });
        const json: TimePointJson = { kind, text: sourceText(point), start: extent ? toIso(extent.start) : null, end: extent ? toIso(extent.end) : null };
        switch (kind) {
            case 'date': {
                const date = parseDate(point.day!);
                json.date = date ? toIso(date) : point.day!;
                break;
            }
            case 'dayMonth': {
                const dm = dayParts(point.day!);
                if (dm) json.monthDay = `--${pad(dm.month)}-${pad(dm.day)}`;
                if (point.previousYear) json.previousYear = true;
                if (point.nextYear) json.nextYear = true;
                break;
            }
            case 'month': {
                const m = monthParts(point.month!);
                if (m) {
                    json.month = `${String(m.year).padStart(4, '0')}-${pad(m.month)}`;
                    json.year = m.year;
                }
                break;
            }
            case 'quarter': {
                const q = quarterParts(point.quarter!);
                if (q) {
                    json.quarter = q.quarter;
                    json.year = q.year;
                }
                break;
            }
            case 'half':
                json.half = isSecondHalf(point.half!) ? 2 : 1;
                if (point.year !== undefined) json.year = point.year;
                break;
            case 'year':
            case 'endOfYear':
                if (point.year !== undefined) json.year = point.year;
                break;
        }
        return json;
    }

    private timing(timing: Timing | ReportTiming | Deadline): TimingJson {
        const text = sourceText(timing);
        const owner = ownerOf(timing);
        const window = timingWindow(timing, owner);
        const earliest = window?.earliest ? toIso(window.earliest) : null;
        const latest = window?.latest ? toIso(window.latest) : null;
        if (isStart(timing)) {
            return { kind: 'start', text, start: this.point(timing.start), end: timing.end ? this.point(timing.end) : null, earliest, latest };
        }
        if (isOngoing(timing)) {
            return { kind: 'ongoing', text, earliest, latest };
        }
        if (isUpon(timing)) {
            const subject = timing.subject?.ref;
            return {
                kind: 'event', relation: eventRelation(timing), text,
                party: isAgency(subject) || isGroup(subject) ? partyRef(timing.subject as Reference<Party>) : null,
                document: isDocument(subject) || isPlan(subject) ? citation(timing.subject as Reference<Citable>) : null,
                event: timing.event ?? null, takesEffect: timing.effective, earliest,
                latest: null,
            };
        }
        if (isOnRequest(timing)) {
            return { kind: 'onRequest', text };
        }
        const deadline = timing as Deadline;
        const recurring = deadline.points.some(isRecurringPoint);
        // A deadline at several points allows the earliest of their first days to the latest of their last.
        let first: CalendarDate | undefined;
        let last: CalendarDate | undefined;
        if (!recurring) {
            for (const point of deadline.points) {
                const w = deadlineWindow(deadlineRelation(deadline), point, { now: this.now });
                if (!w?.latest) {
                    first = last = undefined;
                    break;
                }
                first = w.earliest && (!first || compare(w.earliest, first) < 0) ? w.earliest : first;
                last = !last || compare(w.latest, last) > 0 ? w.latest : last;
            }
        }
        return {
            kind: 'deadline', relation: deadlineRelation(deadline), text, points: deadline.points.map(p => this.point(p)), recurring,
            earliest: first ? toIso(first) : null, latest: last ? toIso(last) : null,
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Instruments and citations

    private instrument(doc: Document | Plan, role: 'issuedWith' | 'forwardedBy'): InstrumentJson {
        const json: InstrumentJson = { ...citation(undefined, doc)!, role, basis: [], implements: [], proposals: [], addressees: [], articles: [], recipients: [], signer: null, body: [] };
        if (isDocument(doc)) {
            this.cite(doc);
            json.basis = citations(doc.basis);
            json.implements = citations(doc.implements);
            json.proposals = citations(doc.proposals);
            json.addressees = doc.addressees.map(recipientJson);
            json.recipients = doc.recipients.map(recipientJson);
            json.signer = doc.signer ? signerJson(doc.signer) : null;
            json.body = this.instrumentItems(doc.members);
            json.articles = doc.members.filter(isArticle).map(a => this.article(a));
        } else {
            json.basis = citations(doc.basis);
            json.implements = citations(doc.implements);
            json.recipients = doc.recipients.map(recipientJson);
            json.signer = doc.signer ? signerJson(doc.signer) : null;
        }
        return json;
    }

    /** The body of an instrument: its paragraphs and articles; tasks and targets in it join the plan's lists. */
    private instrumentItems(members: DocumentMember[]): ContentItem[] {
        return this.items(members, []);
    }

    private article(article: Article): ArticleJson {
        return {
            number: article.number,
            name: article.name ?? null,
            text: article.text,
            executors: partyRefs(article.executors),
            items: this.items(article.members, [`Điều ${article.number}`]),
        };
    }

    /** Records the citations in a node's own prose. */
    private cite(node: AstNode): void {
        for (const c of citationsOf(this.services, node)) {
            this.citations.push(this.citationJson(c));
        }
    }

    private citationJson(c: ProseCitation): CitationJson {
        const node = c.node;
        const keyed = isTask(node) || isTarget(node) || isPhase(node) || isReport(node);
        const field = c.property;
        return {
            document: c.document ? citation(undefined, c.document) : null,
            candidates: c.candidates.map(d => qualify(namespaceOf(d), d.name)),
            printed: c.found?.printed ?? null,
            kindWord: c.found?.kind ? documentKindLabel[c.found.kind] : null,
            printedDate: c.found?.dateText ?? null,
            malformed: c.found?.malformed ?? false,
            explicit: c.explicit !== undefined,
            inferred: c.explicit ? inferredReason(c.explicit, 'document') ?? inferredReason(c.explicit, 'phrase') ?? null : null,
            in: {
                type: typeName(node),
                key: keyed ? this.keys.get(node as Keyed) ?? null : null,
                path: itemPath(node),
                field,
                line: (node.$cstNode?.range.start.line ?? 0) + 1,
            },
            offset: c.start ?? null,
            length: c.start !== undefined && c.end !== undefined ? c.end - c.start : null,
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The per-agency index

    private agencyIndex(recipients: Recipient[]): AgencyIndexEntry[] {
        const entries = new Map<string, AgencyIndexEntry>();
        const entry = (party: PartyRef) => {
            let e = entries.get(party.id);
            if (!e) {
                e = {
                    agency: party, leads: [], supports: [], requested: [], reports: [], receivesReports: [], consolidatesReports: [],
                    prepares: [], ownsTargets: [], recipient: false, throughGroups: [],
                };
                entries.set(party.id, e);
            }
            return e;
        };
        const add = (refs: ReadonlyArray<Reference<Party>>, role: Exclude<AgencyRole, 'recipient'>, key: string) => {
            for (const party of resolvedParties(refs)) {
                const ref = partyOf(party);
                addOnce(entry(ref)[role], key);
                this.addThroughGroup(party, role, key, entry);
            }
        };
        const byKey = new Map<string, AstNode>();
        for (const [node, key] of this.keys) {
            byKey.set(key, node as AstNode);
        }
        for (const task of this.tasks) {
            const node = byKey.get(task.key);
            if (!isTask(node)) continue;
            add(effectiveLeads(node), 'leads', task.key);
            add(effectiveSupports(node), 'supports', task.key);
            add(node.requested, 'requested', task.key);
        }
        for (const report of this.reports) {
            const node = byKey.get(report.key);
            if (!isReport(node)) continue;
            add(node.reporters, 'reports', report.key);
            add(node.recipients, 'receivesReports', report.key);
            if (node.via) add([node.via], 'consolidatesReports', report.key);
            if (node.drafter) add([node.drafter], 'prepares', report.key);
        }
        for (const target of this.targets) {
            const node = byKey.get(target.key);
            if (!isTarget(node)) continue;
            add(targetOwners(node), 'ownsTargets', target.key);
        }
        for (const recipient of recipients) {
            for (const party of recipientParties(recipient)) {
                entry(partyOf(party)).recipient = true;
                this.addThroughGroup(party, 'recipient', null, entry);
            }
        }
        return [...entries.values()].sort((a, b) => (a.agency.id < b.agency.id ? -1 : a.agency.id > b.agency.id ? 1 : 0));
    }

    private addThroughGroup(party: Party, role: AgencyRole, key: string | null, entry: (p: PartyRef) => AgencyIndexEntry): void {
        if (!isGroup(party)) {
            return;
        }
        const groupId = partyOf(party).id;
        for (const { party: member } of groupMembers(party)) {
            const list = entry(partyOf(member)).throughGroups;
            if (!list.some(t => t.group === groupId && t.role === role && t.key === key)) {
                list.push({ group: groupId, role, key });
            }
        }
    }
}

function compare(a: CalendarDate, b: CalendarDate): number {
    return (a.year - b.year) || (a.month - b.month) || (a.day - b.day);
}

function pad(n: number): string {
    return String(n).padStart(2, '0');
}

function addOnce(list: string[], key: string): void {
    if (!list.includes(key)) list.push(key);
}

function label(kind: string): string {
    const k = documentKind(kind);
    return k ? documentKindLabel[k] : kind;
}

function sectionLabel(section: Section): string {
    return section.number ?? labelOf(section) ?? section.heading ?? '';
}

function typeName(node: AstNode): string {
    return node.$type.charAt(0).toLowerCase() + node.$type.slice(1);
}

function isoDate(text: string | undefined): string | null {
    const date = text ? parseDate(text) : undefined;
    return date ? toIso(date) : null;
}

function partyOf(party: Party): PartyRef {
    return { id: qualify(namespaceOf(party), party.name), name: party.officialName, type: isAgency(party) ? 'agency' : 'group' };
}

function partyRef(ref: Reference<Party> | undefined): PartyRef | null {
    const party = ref?.ref;
    return party ? partyOf(party) : null;
}

function partyRefs(refs: ReadonlyArray<Reference<Party>>): PartyRef[] {
    return resolvedParties(refs).map(partyOf);
}

function inferred(node: AstNode): Inferred {
    return Object.fromEntries(inferredProperties(node));
}

function citation(ref: Reference<Citable | EventSubject> | undefined, node?: Document | Plan): CitationRef | null {
    const target = node ?? ref?.ref;
    if (!isDocument(target) && !isPlan(target)) {
        return null;
    }
    const doc: Document | Plan = target;
    const ids = (refs: ReadonlyArray<Reference<Citable>>) => refs.filter(r => r.ref).map(r => qualify(namespaceOf(r.ref!), r.ref!.name));
    return {
        id: qualify(namespaceOf(doc), doc.name),
        kind: (documentKind(doc.kind) ?? doc.kind) as DocumentKind,
        kindLabel: label(doc.kind),
        number: doc.number ?? null,
        date: isPlan(doc) ? (planDate(doc) ? toIso(planDate(doc)!) : null) : isoDate(doc.date),
        year: isDocument(doc) && doc.year !== undefined ? doc.year : null,
        place: doc.place ?? null,
        summary: isDocument(doc) ? doc.summary ?? null : doc.title,
        issuer: partyRef(doc.issuer),
        coIssuers: isDocument(doc) ? partyRefs(doc.coIssuers) : [],
        effective: isDocument(doc) && doc.effective
            ? { date: effectiveDate(doc) ? toIso(effectiveDate(doc)!) : null, onSigning: doc.effective.onSigning }
            : null,
        replaces: isDocument(doc) ? ids(doc.replaces) : [],
        amends: isDocument(doc) ? ids(doc.amends) : [],
        details: isDocument(doc) ? ids(doc.details) : [],
        approves: isDocument(doc) ? ids(doc.approves) : [],
        partOf: isDocument(doc) ? ids(doc.partOf) : [],
        inferred: inferred(doc),
    };
}

function citations(refs: ReadonlyArray<Reference<Citable>>): CitationRef[] {
    return refs.map(r => citation(r)).filter((c): c is CitationRef => c !== null);
}

function uniqueCitations(docs: Array<Document | Plan>): CitationRef[] {
    return [...new Set(docs)].map(d => citation(undefined, d)!);
}

function signerJson(signer: Signer): SignerJson {
    const authorities = signer.authorities.flatMap((written, i): SigningAuthorityJson[] => {
        const kind = signingAuthority(written);
        const principal = signer.principals[i];
        return kind && principal !== undefined ? [{ kind, prefix: signingAuthorityPrefix[kind], principal }] : [];
    });
    const lines = [
        ...authorities.map(a => `${a.prefix} ${a.principal}`),
        signer.position,
        signer.person,
    ].filter((l): l is string => !!l);
    return { person: signer.person, position: signer.position ?? null, authority: authorities.at(-1) ?? null, authorities, text: lines.join(' / ') };
}

function recipientJson(recipient: Recipient): RecipientJson {
    const party = partyRef(recipient.party);
    const article = recipient.article?.ref;
    return {
        text: recipient.text ?? (party?.name ?? (recipient.article ? `Như Điều ${article?.number ?? recipient.article.$refText}` : recipient.asAbove ? 'Như trên' : '')),
        party,
        parties: recipientParties(recipient).map(partyOf),
        purpose: recipient.purpose ?? null,
        internal: recipient.internal,
        article: article?.number ?? null,
        asAbove: recipient.asAbove,
    };
}

function recurrence(rec: Recurrence | undefined): RecurrenceJson | null {
    if (!rec) {
        return null;
    }
    const interval = recurrenceInterval(rec);
    return { text: sourceText(rec), intervalMonths: recurrenceMonths(rec) ?? null, interval: interval ?? null };
}
