/**
 * The preview of a document's plans (see preview-json.ts): the plan as printed, who does what, and
 * when. Built from the compiler's output, walked side by side with the syntax tree for the source
 * range of each item (the compiler keeps one content item per member, in order). The compiler
 * expects a linked, error-free plan; on a plan being typed it may fail, and the preview then shows
 * what parses, with the reason, instead of nothing. Nothing here throws.
 */
import type { AstNode, LangiumDocument, Reference } from 'langium';
import { AstUtils } from 'langium';
import type { Range } from 'vscode-languageserver';
import type {
    AgencyIndexEntry, ArticleJson, ContentItem, FundingJson, PartyRef, PhaseJson, PlanJson, ReportJson, TargetJson, TaskJson, TimingJson
} from '../compiler/plan-json.js';
import { compilePlan } from '../compiler/compile.js';
import type { Article, Citable, Document, Funding, Party, Phase, Plan, Report, Target, Task } from '../language/generated/ast.js';
import {
    isAgency, isAnnex, isArticle, isDocument, isFootnote, isFunding, isModel, isObjective, isPhase, isPlan, isReport, isSection,
    isTarget, isTask, isTextBlock
} from '../language/generated/ast.js';
import { taskMode, textBlockKind } from '../language/keywords.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import { formatDate, parseDate, toIso } from '../semantics/dates.js';
import { dateOf, kindLabel, kindOf } from '../semantics/documents.js';
import { instrumentOf } from '../semantics/instruments.js';
import { inferredReason } from '../semantics/provenance.js';
import {
    addresseeSource, effectiveLeads, effectiveSupports, leadSource, leadsInOwnRemit, leadUnstated, modeOf, resolvedParties
} from '../semantics/responsibility.js';
import { headerRange, itemPath, labelOf } from '../semantics/structure.js';
import { commitmentOf, targetOwners, targetStatement } from '../semantics/targets.js';
import { sourceText } from '../semantics/time.js';
import { windowText } from './describe.js';
import { targetEnglish } from './hover.js';
import type {
    MatrixColumn, MatrixMark, MatrixRole, MatrixRow, PreviewBlock, PreviewDocRef, PreviewInstrument, PreviewMatrix, PreviewModel,
    PreviewPhase, PreviewPlan, PreviewReport, PreviewTarget, PreviewTask, PreviewTimeline, PreviewTiming, SourceRange, TextKind,
    TimelineEvent
} from './preview-json.js';
import type { IdeServices } from './services.js';
import { isRecurring, recurrenceEnglish, recurringDue } from './timing-words.js';

/** The preview of every plan of a document. */
export function previewModel(services: IdeServices, document: LangiumDocument): PreviewModel {
    const model = document.parseResult?.value;
    const plans = isModel(model) ? model.elements.filter(isPlan) : [];
    const diagnostics = document.diagnostics ?? [];
    return nfcDeep({
        uri: document.uri.toString(),
        plans: plans.map(plan => planPreview(services, document, plan)),
        problems: {
            syntax: (document.parseResult?.lexerErrors.length ?? 0) + (document.parseResult?.parserErrors.length ?? 0),
            errors: diagnostics.filter(d => d.severity === 1).length,
            warnings: diagnostics.filter(d => d.severity === 2).length,
        },
    });
}

function planPreview(services: IdeServices, document: LangiumDocument, plan: Plan): PreviewPlan {
    let json: PlanJson | undefined;
    let error: string | null = null;
    try {
        json = compilePlan(plan, services.workspace.Roots.rootOf(document.uri), services);
    } catch (e) {
        error = `Không biên dịch được kế hoạch; hiển thị phần đọc được / The plan could not be compiled; showing what parses (${messageOf(e)})`;
    }
    try {
        return new PreviewBuilder(document, plan, json, error).build();
    } catch (e) {
        // Only the header: the tree is too broken to walk.
        return emptyPlan(document, plan, `Không hiển thị được kế hoạch / The plan cannot be shown (${messageOf(e)})`);
    }
}

type Keyed = Task | Target | Report | Phase;

class PreviewBuilder {
    private readonly taskJson = new Map<string, TaskJson>();
    private readonly targetJson = new Map<string, TargetJson>();
    private readonly reportJson = new Map<string, ReportJson>();
    private readonly phaseJson = new Map<string, PhaseJson>();
    private readonly tasks: PreviewTask[] = [];
    private readonly targets: PreviewTarget[] = [];
    private readonly reports: PreviewReport[] = [];
    private readonly phases: PreviewPhase[] = [];
    /** The keyed nodes seen in the walk, by key. */
    private readonly nodes = new Map<string, Keyed>();
    private readonly fallbackCounts = { Task: 0, Target: 0, Report: 0, Phase: 0 };

    constructor(private readonly document: LangiumDocument, private readonly plan: Plan, private readonly json: PlanJson | undefined,
        private readonly error: string | null) {
        for (const t of json?.tasks ?? []) this.taskJson.set(t.key, t);
        for (const t of json?.targets ?? []) this.targetJson.set(t.key, t);
        for (const r of json?.reports ?? []) this.reportJson.set(r.key, r);
        for (const p of json?.phases ?? []) this.phaseJson.set(p.key, p);
    }

    build(): PreviewPlan {
        const plan = this.plan;
        const json = this.json;
        const body = this.blocks(plan.members, json?.body);
        const instruments = this.instruments();
        const period = plan.period ? {
            text: sourceText(plan.period),
            start: json?.period?.start ?? null,
            end: json?.period?.end ?? null,
            inferred: inferredReason(plan, 'period') ?? null,
        } : null;
        const issuer = plan.issuer?.ref;
        const date = dateOf(plan);
        return {
            ...this.header(),
            kind: json?.kind ?? kindOf(plan) ?? text(plan.kind),
            kindLabel: json?.kindLabel ?? kindLabel(plan),
            number: plan.number ?? null,
            date: json ? json.date : date ? toIso(date.date) : null,
            dateFrom: date ? (date.via ? 'issuedWith' : 'own') : null,
            place: plan.place ?? null,
            issuer: json ? json.issuer : issuer ? partyOf(issuer) : null,
            signer: json?.signer?.text ?? null,
            signerFrom: json?.signerFrom ?? null,
            period,
            basis: this.docRefs(plan, plan.basis),
            implements: this.docRefs(plan, plan.implements),
            instruments,
            body,
            tasks: this.tasks,
            targets: this.targets,
            reports: this.reports,
            phases: this.phases,
            matrix: this.matrix(),
            timeline: this.timeline(),
            error: this.error,
        };
    }

    private header(): Pick<PreviewPlan, 'id' | 'title' | 'range'> {
        return {
            id: this.json?.id ?? qualify(namespaceOf(this.plan), text(this.plan.name)),
            title: text(this.plan.title),
            range: this.rangeOf(this.plan, 'title'),
        };
    }

    // ---------------------------------------------------------------------------------------------
    // The plan as printed

    private blocks(members: readonly AstNode[], items: readonly ContentItem[] | undefined, articles?: ArticleJson[]): PreviewBlock[] {
        // The compiler writes one item per member, in order; anything else is not this tree.
        const aligned = items && items.length === members.length ? items : undefined;
        return members.map((member, i) => this.block(member, aligned?.[i], articles));
    }

    private block(member: AstNode, item: ContentItem | undefined, articles: ArticleJson[] | undefined): PreviewBlock {
        if (isSection(member)) {
            const json = item?.type === 'section' ? item : undefined;
            return {
                type: 'section',
                number: member.number ?? null,
                label: labelOf(member) ?? null,
                heading: member.heading ?? null,
                mode: member.mode ? taskMode(member.mode) ?? null : null,
                addressees: json ? json.addressees : parties(member.addressees),
                separateRemits: json ? json.separateRemits : member.ownRemit === true,
                range: this.rangeOf(member, member.heading !== undefined ? 'heading' : 'label'),
                items: this.blocks(member.members, json?.items),
            };
        }
        if (isAnnex(member)) {
            return {
                type: 'annex', number: member.number ?? null, heading: text(member.heading), range: this.rangeOf(member, 'heading'),
                items: this.blocks(member.members, item?.type === 'annex' ? item.items : undefined),
            };
        }
        if (isArticle(member)) {
            return this.article(member, articles?.shift());
        }
        if (isTask(member) || isTarget(member) || isReport(member) || isPhase(member)) {
            const key = item && 'key' in item && item.type === member.$type.toLowerCase() ? item.key : this.fallbackKey(member);
            this.keyed(member, key);
            return { type: member.$type.toLowerCase() as 'task' | 'target' | 'report' | 'phase', key };
        }
        if (isFunding(member)) {
            const json = item?.type === 'funding' ? item : undefined;
            return this.funding(member, json);
        }
        return this.textBlock(member);
    }

    private textBlock(member: AstNode): PreviewBlock {
        const range = this.rangeOf(member);
        const node = member as { label?: string; text?: string; number?: string };
        let kind: TextKind = 'paragraph';
        if (isObjective(member)) kind = 'objective';
        else if (isTextBlock(member)) kind = textBlockKind(member.kind ?? '') ?? 'scope';
        else if (isFootnote(member)) kind = 'footnote';
        const label = isFootnote(member) ? text(node.number) : labelOf(member) ?? null;
        return { type: 'text', kind, label, text: text(node.text), details: [], range };
    }

    private funding(member: Funding, json: FundingJson | undefined): PreviewBlock {
        const details = json
            ? json.sources.map(s => [
                s.source,
                s.amount ? `${formatAmount(s.amount.value)}${s.amount.unit ? ` ${s.amount.unit}` : ''}` : null,
                s.period ? `${formatIso(s.period.start)}–${formatIso(s.period.end)}` : s.year !== null ? `năm ${s.year}` : null,
            ].filter((p): p is string => !!p).join(', '))
            : member.sources.map(s => sourceText(s));
        return { type: 'text', kind: 'funding', label: labelOf(member) ?? null, text: text(member.text), details, range: this.rangeOf(member) };
    }

    private article(article: Article, json: ArticleJson | undefined): PreviewBlock {
        return {
            type: 'article',
            number: text(article.number),
            text: text(article.text),
            executors: json ? json.executors : parties(article.executors),
            range: this.rangeOf(article, 'text'),
            items: this.blocks(article.members, json?.items),
        };
    }

    private instruments(): PreviewInstrument[] {
        const result: PreviewInstrument[] = [];
        const issuing = instrumentOf(this.plan);
        const candidates: Array<[Document | Plan | undefined, 'issuedWith' | 'forwardedBy', Reference<Citable> | undefined]> = [
            [issuing?.role === 'issuedWith' ? issuing.document : undefined, 'issuedWith', this.plan.issuedWith],
            [this.plan.forwardedBy?.ref !== this.plan ? this.plan.forwardedBy?.ref : undefined, 'forwardedBy', this.plan.forwardedBy],
        ];
        for (const [node, role, ref] of candidates) {
            if (!node) continue;
            const json = role === 'issuedWith' ? this.json?.issuedWith : this.json?.forwardedBy;
            const where = ref?.$refNode?.range;
            result.push({
                ...docRef(node, where && this.inDocument(this.plan) ? toRange(where) : null),
                role,
                body: isDocument(node) ? this.blocks(node.members, json?.body, json ? [...json.articles] : undefined) : [],
            });
        }
        return result;
    }

    private docRefs(owner: AstNode, refs: ReadonlyArray<Reference<Citable>>): PreviewDocRef[] {
        return refs.map(ref => {
            const where = ref.$refNode?.range;
            const range = where && this.inDocument(owner) ? toRange(where) : null;
            return ref.ref
                ? docRef(ref.ref, range)
                : { id: ref.$refText, label: `${ref.$refText} (chưa khai báo / not declared)`, summary: null, range };
        });
    }

    // ---------------------------------------------------------------------------------------------
    // Tasks, targets, reports, phases

    /** Lists the item, in source order (before the items it holds), and walks what it holds. */
    private keyed(node: Keyed, key: string): void {
        this.nodes.set(key, node);
        if (isTask(node)) this.task(node, key);
        else if (isTarget(node)) this.targets.push(this.target(node, key));
        else if (isReport(node)) this.reports.push(this.report(node, key));
        else this.phase(node, key);
    }

    private task(node: Task, key: string): void {
        const json = this.taskJson.get(key);
        const view: PreviewTask = {
            key,
            name: node.name ?? null,
            label: labelOf(node) ?? null,
            path: itemPath(node),
            mode: json?.mode ?? modeOf(node),
            text: text(node.text),
            leads: [],
            leadsFrom: null,
            leadsInherited: false,
            separateRemits: json?.separateRemits ?? leadsInOwnRemit(node),
            leadUnstated: json?.leadUnstated ?? leadUnstated(node),
            supports: [],
            requested: json ? json.requested : parties(node.requested),
            timings: json ? json.timings.map(timingView) : node.timings.map(t => writtenTiming(sourceText(t))),
            recurrence: this.recurrence(node, json?.recurrence?.text ?? (node.recurrence ? sourceText(node.recurrence) : null)),
            dueDates: json?.dueDates ?? [],
            noDates: null,
            deliverables: json?.deliverables ?? node.deliverables ?? [],
            items: [],
            range: this.rangeOf(node, 'text'),
        };
        // With `phối hợp với X`, the addressee supports X: its own (`cho`), or the enclosing task's or heading's.
        const addressee = node.cooperatesWith.length > 0 && node.leads.length === 0 ? addresseeSource(node) : undefined;
        const addressees = new Set(parties(addressee?.refs ?? []).map(p => p.id));
        const support = (p: PartyRef, own: boolean) => {
            const isAddressee = addressees.has(p.id);
            return { ...p, inherited: !own && !(isAddressee && addressee?.node === node), addressee: isAddressee };
        };
        if (json) {
            view.leads = json.effectiveLeads;
            view.leadsFrom = json.leadsFrom;
            const own = new Set(json.supports.map(s => s.id));
            view.supports = json.effectiveSupports.map(s => support(s, own.has(s.id)));
        } else {
            const source = leadSource(node);
            view.leads = parties(effectiveLeads(node));
            view.leadsFrom = !source ? null : source.node === node
                ? (source.property === 'leads' ? 'own' : source.property === 'cooperatesWith' ? 'cooperatesWith' : 'addressee')
                : isSection(source.node) ? 'heading' : 'task';
            const own = new Set(resolvedParties(node.supports));
            view.supports = resolvedParties(effectiveSupports(node)).map(p => support(partyOf(p), own.has(p)));
        }
        view.leadsInherited = view.leadsFrom === 'task' || view.leadsFrom === 'heading';
        view.noDates = this.noDates(node, view.dueDates);
        this.tasks.push(view);
        // Its members in source order; the compiler lists each kind apart, in the same order.
        const queues = {
            Task: [...(json?.subtasks ?? [])], Report: [...(json?.reports ?? [])], Target: [...(json?.targets ?? [])],
            Funding: [...(json?.funding ?? [])],
        };
        for (const member of node.members) {
            if (isTask(member) || isReport(member) || isTarget(member)) {
                const key = queues[member.$type].shift() ?? this.fallbackKey(member);
                this.keyed(member, key);
                view.items.push({ type: member.$type.toLowerCase() as 'task' | 'report' | 'target', key });
            } else if (isFunding(member)) {
                view.items.push(this.funding(member, queues.Funding.shift()));
            } else {
                view.items.push(this.textBlock(member));
            }
        }
    }

    private target(node: Target, key: string): PreviewTarget {
        const json = this.targetJson.get(key);
        return {
            key,
            name: node.name ?? null,
            label: labelOf(node) ?? null,
            text: text(node.text),
            statement: json?.statement ?? safe(() => targetStatement(node), text(node.text)),
            english: safe(() => targetEnglish(node) ?? null, null),
            owners: json ? json.owners : parties(targetOwners(node)),
            commitment: json ? json.commitment : commitmentOf(node) ?? null,
            timings: json ? json.timings.map(timingView) : node.timings.map(t => writtenTiming(sourceText(t))),
            dueDates: json?.dueDates ?? [],
            range: this.rangeOf(node),
        };
    }

    private report(node: Report, key: string): PreviewReport {
        const json = this.reportJson.get(key);
        const occurrences = json?.occurrences ?? [];
        return {
            key,
            name: node.name ?? null,
            label: labelOf(node) ?? null,
            title: text(node.title),
            reporters: json ? json.reporters : parties(node.reporters),
            recipients: json ? json.recipients : parties(node.recipients),
            via: json ? json.via : node.via?.ref ? partyOf(node.via.ref) : null,
            preparedBy: json ? json.preparedBy : node.drafter?.ref ? partyOf(node.drafter.ref) : null,
            period: node.period ? sourceText(node.period) : null,
            timings: json ? json.timings.map(timingView) : node.timings.map(t => writtenTiming(sourceText(t))),
            recurrence: this.recurrence(node, json?.recurrence?.text ?? (node.recurrence ? sourceText(node.recurrence) : null)),
            occurrences,
            noDates: this.noDates(node, occurrences.map(o => o.due)),
            paragraphs: json?.paragraphs ?? node.members.map(m => text(m.text)),
            range: this.rangeOf(node, 'title'),
        };
    }

    private phase(node: Phase, key: string): void {
        const json = this.phaseJson.get(key);
        const view: PreviewPhase = {
            key,
            name: node.name ?? null,
            label: labelOf(node) ?? null,
            title: node.title ?? null,
            period: sourceText(node.period),
            start: json?.start ?? null,
            end: json?.end ?? null,
            inferred: inferredReason(node, 'period') ?? null,
            items: [],
            range: this.rangeOf(node, 'period'),
        };
        this.phases.push(view);
        view.items = this.blocks(node.members, json?.items);
    }

    private recurrence(node: Task | Report, written: string | null): string | null {
        if (written === null) {
            return null;
        }
        const english = recurrenceEnglish(node);
        return english ? `${written} / ${english}` : written;
    }

    /** Why a recurring duty has no concrete due date, when it has none. */
    private noDates(node: Task | Report | Target, dates: readonly string[]): string | null {
        if (dates.length > 0 || !safe(() => isRecurring(node), false)) {
            return null;
        }
        return safe(() => recurringDue(node).none ?? null, null);
    }

    // ---------------------------------------------------------------------------------------------
    // Who does what

    private matrix(): PreviewMatrix {
        const tasks = this.json?.tasks ?? this.tasks.map(t => ({ key: t.key, name: t.name, path: t.path, text: t.text, mode: t.mode }));
        const reports = this.json?.reports ?? this.reports.map(r => ({ key: r.key, name: r.name, path: [] as string[], title: r.title }));
        const columns: MatrixColumn[] = [
            ...tasks.map((t, i) => ({
                key: t.key, kind: 'task' as const, label: t.name ?? (t.path.length > 0 ? t.path.join('.') : `${i + 1}`), title: text(t.text),
                mode: t.mode, range: this.keyRange(t.key),
            })),
            ...reports.map((r, i) => ({
                key: r.key, kind: 'report' as const, label: r.name ?? (r.path.length > 0 ? r.path.join('.') : `${i + 1}`), title: text(r.title),
                mode: null, range: this.keyRange(r.key),
            })),
        ];
        const entries = this.json?.agencies ?? this.fallbackAgencies();
        const column = new Map<string, number>();
        columns.forEach((c, i) => column.set(`${c.kind}:${c.key}`, i));
        const task = new Map(this.tasks.map(t => [t.key, t]));
        const rows: MatrixRow[] = [];
        for (const entry of entries) {
            const row = matrixRow(entry, column, task);
            if (row.marks.length > 0) {
                rows.push(row);
            }
        }
        const total = (r: MatrixRow) => r.counts.lead + r.counts.support + r.counts.requested + r.counts.reports;
        rows.sort((a, b) => (b.counts.lead - a.counts.lead) || (total(b) - total(a))
            || a.party.name.localeCompare(b.party.name, 'vi') || (a.party.id < b.party.id ? -1 : a.party.id > b.party.id ? 1 : 0));
        return { columns, rows };
    }

    /** Without the compiler's index: each task's leads, supports and requests, and each report's senders. */
    private fallbackAgencies(): AgencyIndexEntry[] {
        const entries = new Map<string, AgencyIndexEntry>();
        const entry = (p: PartyRef) => {
            let e = entries.get(p.id);
            if (!e) {
                e = {
                    agency: p, leads: [], supports: [], requested: [], reports: [], receivesReports: [], consolidatesReports: [], prepares: [],
                    ownsTargets: [], recipient: false, throughGroups: [],
                };
                entries.set(p.id, e);
            }
            return e;
        };
        for (const t of this.tasks) {
            t.leads.forEach(p => entry(p).leads.push(t.key));
            t.supports.forEach(p => entry(p).supports.push(t.key));
            t.requested.forEach(p => entry(p).requested.push(t.key));
        }
        for (const r of this.reports) {
            r.reporters.forEach(p => entry(p).reports.push(r.key));
        }
        return [...entries.values()];
    }

    // ---------------------------------------------------------------------------------------------
    // When

    private timeline(): PreviewTimeline {
        const json = this.json;
        const period = json?.period ? { start: json.period.start, end: json.period.end, inferred: json.inferred.period ?? null } : null;
        const phases = this.phases
            .filter((p): p is PreviewPhase & { start: string; end: string } => p.start !== null && p.end !== null && p.start <= p.end)
            .map(p => ({ key: p.key, label: p.title ?? p.name ?? p.label ?? p.period, start: p.start, end: p.end, range: p.range }));
        const events: TimelineEvent[] = [];
        const undated: PreviewTimeline['undated'] = [];
        const seen = new Set<string>();
        const add = (event: TimelineEvent) => {
            const id = `${event.kind}|${event.key}|${event.start}|${event.date}`;
            if (!seen.has(id)) {
                seen.add(id);
                events.push(event);
            }
        };
        let tasksWithoutTiming = 0;
        for (const t of this.tasks) {
            const label = itemLabel(t.name, t.path, t.label, t.text);
            if (t.timings.length === 0 && t.recurrence === null) {
                tasksWithoutTiming++;
            }
            for (const timing of t.timings) {
                if (timing.recurring) continue;
                if (timing.kind === 'deadline' && timing.latest) {
                    add({ kind: 'deadline', key: t.key, label, date: timing.latest, start: timing.earliest !== timing.latest ? timing.earliest : null, text: timing.text, range: t.range });
                } else if ((timing.kind === 'start' || timing.kind === 'event') && (timing.earliest || timing.latest)) {
                    const date = (timing.latest ?? timing.earliest)!;
                    add({ kind: 'start', key: t.key, label, date, start: timing.latest ? timing.earliest : null, text: timing.text, range: t.range });
                }
            }
            const recurring = t.timings.filter(x => x.recurring).map(x => x.text).join('; ');
            if (recurring) {
                for (const due of t.dueDates) {
                    add({ kind: 'deadline', key: t.key, label, date: due, start: null, text: recurring, range: t.range });
                }
            }
            if (t.noDates) {
                undated.push({ kind: 'task', key: t.key, label, reason: t.noDates, range: t.range });
            }
        }
        for (const r of this.reports) {
            const label = itemLabel(r.name, [], r.label, r.title);
            const written = r.timings.map(x => x.text).join('; ');
            for (const o of r.occurrences) {
                add({ kind: 'report', key: r.key, label, date: o.due, start: o.earliest ?? null, text: written, range: r.range });
            }
            if (r.occurrences.length === 0) {
                for (const timing of r.timings) {
                    if (!timing.recurring && timing.latest) {
                        add({ kind: 'report', key: r.key, label, date: timing.latest, start: null, text: timing.text, range: r.range });
                    }
                }
            }
            if (r.noDates) {
                undated.push({ kind: 'report', key: r.key, label, reason: r.noDates, range: r.range });
            }
        }
        for (const g of this.targets) {
            const label = itemLabel(g.name, [], g.label, g.text);
            const dates = g.dueDates.length > 0 ? g.dueDates : g.timings.filter(x => !x.recurring && x.latest).map(x => x.latest!);
            for (const date of dates) {
                add({ kind: 'target', key: g.key, label, date, start: null, text: g.timings.map(x => x.text).join('; '), range: g.range });
            }
        }
        events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
        const days = [
            ...(period ? [period.start, period.end] : []),
            ...phases.flatMap(p => [p.start, p.end]),
            ...events.flatMap(e => (e.start ? [e.start, e.date] : [e.date])),
        ].sort();
        const axis = days.length > 0 ? { start: days[0], end: days[days.length - 1] } : null;
        return { period, axis, phases, events, undated, tasksWithoutTiming };
    }

    // ---------------------------------------------------------------------------------------------
    // Keys and ranges

    private fallbackKey(node: Keyed): string {
        const n = ++this.fallbackCounts[node.$type];
        return node.name ?? `${node.$type.toLowerCase()}-${n}`;
    }

    private keyRange(key: string): SourceRange | null {
        const node = this.nodes.get(key);
        if (!node) return null;
        return isTask(node) ? this.rangeOf(node, 'text') : isReport(node) ? this.rangeOf(node, 'title') : this.rangeOf(node);
    }

    private inDocument(node: AstNode): boolean {
        try {
            return AstUtils.getDocument(node) === this.document;
        } catch {
            return false;
        }
    }

    /** The node's range, or from its start to the end of `property` (a task's keyword to its text). */
    private rangeOf(node: AstNode, property?: string): SourceRange | null {
        if (!this.inDocument(node)) {
            return null;
        }
        const range = property ? headerRange(node, property) : node.$cstNode?.range;
        return range ? toRange(range) : null;
    }
}

function matrixRow(entry: AgencyIndexEntry, column: Map<string, number>, tasks: Map<string, PreviewTask>): MatrixRow {
    const marks: MatrixMark[] = [];
    const has = new Set<string>();
    const counts: Record<MatrixRole, number> = { lead: 0, support: 0, requested: 0, reports: 0 };
    const viaGroups: Record<MatrixRole, number> = { lead: 0, support: 0, requested: 0, reports: 0 };
    const inheritedFor = (role: MatrixRole, key: string, party: string) => {
        const task = tasks.get(key);
        if (!task) return false;
        if (role === 'lead') return task.leadsInherited;
        if (role === 'support') return task.supports.find(s => s.id === party)?.inherited ?? false;
        return false;
    };
    const mark = (role: MatrixRole, key: string, via: string | null) => {
        const at = column.get(`${role === 'reports' ? 'report' : 'task'}:${key}`);
        const id = `${role}|${key}`;
        if (at === undefined || has.has(id)) {
            return false;
        }
        has.add(id);
        marks.push({ column: at, role, inherited: inheritedFor(role, key, via ?? entry.agency.id), via });
        return true;
    };
    const roles: Array<[MatrixRole, string[]]> = [['lead', entry.leads], ['support', entry.supports], ['requested', entry.requested], ['reports', entry.reports]];
    for (const [role, keys] of roles) {
        for (const key of keys) {
            if (mark(role, key, null)) counts[role]++;
        }
    }
    const roleOf: Partial<Record<string, MatrixRole>> = { leads: 'lead', supports: 'support', requested: 'requested', reports: 'reports' };
    for (const through of entry.throughGroups) {
        const role = roleOf[through.role];
        if (role && through.key !== null && mark(role, through.key, through.group)) {
            viaGroups[role]++;
        }
    }
    marks.sort((a, b) => a.column - b.column);
    return { party: entry.agency, marks, counts, viaGroups };
}

// -------------------------------------------------------------------------------------------------

function timingView(t: TimingJson): PreviewTiming {
    const earliest = 'earliest' in t ? t.earliest : null;
    const latest = 'latest' in t ? t.latest : null;
    const recurring = t.kind === 'deadline' && t.recurring;
    let words: string | null = null;
    switch (t.kind) {
        case 'deadline':
        case 'start':
            words = recurring ? null : windowWords(earliest, latest);
            break;
        case 'ongoing':
            words = 'thường xuyên, không có hạn / ongoing, no deadline';
            break;
        case 'event':
            words = windowWords(earliest, latest) ?? 'khi sự kiện xảy ra, không có ngày cụ thể / when the event happens, no concrete date';
            break;
        case 'onRequest':
            words = 'khi có yêu cầu / whenever asked';
            break;
    }
    return { kind: t.kind, text: t.text, words, earliest, latest, recurring };
}

function writtenTiming(written: string): PreviewTiming {
    return { kind: 'deadline', text: written, words: null, earliest: null, latest: null, recurring: false };
}

function windowWords(earliest: string | null, latest: string | null): string | null {
    const e = earliest ? parseDate(earliest) : undefined;
    const l = latest ? parseDate(latest) : undefined;
    return e || l ? windowText({ earliest: e, latest: l }) ?? null : null;
}

/** "Quyết định số 634/QĐ-TTg ngày 13/5/2020", "Luật Ngân sách nhà nước năm 2015", "Kế hoạch KH_X". */
function docRef(node: Citable, range: SourceRange | null): PreviewDocRef {
    const kind = kindLabel(node);
    const date = dateOf(node);
    const when = date ? ` ngày ${formatDate(date.date)}` : isDocument(node) && node.year !== undefined ? ` năm ${node.year}` : '';
    const label = node.number ? `${kind} số ${node.number}${when}` : when ? `${kind}${when}` : `${kind} ${text(node.name)}`;
    const summary = isDocument(node) ? node.summary ?? null : node.title ?? null;
    return { id: qualify(namespaceOf(node), text(node.name)), label, summary, range };
}

function partyOf(party: Party): PartyRef {
    return { id: qualify(namespaceOf(party), text(party.name)), name: text(party.officialName), type: isAgency(party) ? 'agency' : 'group' };
}

function parties(refs: ReadonlyArray<Reference<Party>>): PartyRef[] {
    return resolvedParties(refs).map(partyOf);
}

function itemLabel(name: string | null, path: string[], label: string | null, body: string): string {
    const words = body.normalize('NFC').replace(/\s+/g, ' ').trim();
    const head = name ?? (path.length > 0 ? path.join('.') : label ?? '');
    const short = words.length > 60 ? `${words.slice(0, 59).trimEnd()}…` : words;
    return head ? `${head} ${short}`.trim() : short;
}

function emptyPlan(document: LangiumDocument, plan: Plan, error: string): PreviewPlan {
    let range: SourceRange | null = null;
    try {
        const r = headerRange(plan, 'title');
        range = r && AstUtils.getDocument(plan) === document ? toRange(r) : null;
    } catch {
        range = null;
    }
    let id = text(plan.name);
    try {
        id = qualify(namespaceOf(plan), id);
    } catch {
        // The bare name will do.
    }
    return {
        id, kind: text(plan.kind), kindLabel: text(plan.kind), title: text(plan.title), number: plan.number ?? null, date: null, dateFrom: null, place: null,
        issuer: null, signer: null, signerFrom: null, period: null, basis: [], implements: [], instruments: [], range, body: [], tasks: [],
        targets: [], reports: [], phases: [], matrix: { columns: [], rows: [] },
        timeline: { period: null, axis: null, phases: [], events: [], undated: [], tasksWithoutTiming: 0 }, error,
    };
}

function toRange(range: Range): SourceRange {
    return { start: { line: range.start.line, character: range.start.character }, end: { line: range.end.line, character: range.end.character } };
}

function text(value: string | undefined | null): string {
    return typeof value === 'string' ? value : '';
}

function formatIso(iso: string): string {
    const date = parseDate(iso);
    return date ? formatDate(date) : iso;
}

/** An amount as Vietnamese writes it: dots between thousands, a decimal comma. */
function formatAmount(value: number): string {
    const [whole, fraction] = String(value).split('.');
    const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
    return fraction ? `${grouped},${fraction}` : grouped;
}

function safe<T>(f: () => T, fallback: T): T {
    try {
        return f();
    } catch {
        return fallback;
    }
}

function messageOf(e: unknown): string {
    return e instanceof Error ? e.message : String(e);
}

/** Every string in NFC: a plan typed in decomposed Unicode previews like its composed twin. */
function nfcDeep<T>(value: T): T {
    if (typeof value === 'string') {
        return value.normalize('NFC') as T;
    }
    if (Array.isArray(value)) {
        return value.map(nfcDeep) as T;
    }
    if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, nfcDeep(v)])) as T;
    }
    return value;
}
