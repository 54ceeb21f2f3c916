/**
 * Hover: what the thing under the cursor means in this plan, Vietnamese first, then English. A body
 * (its names, parent, whether the issuer can direct it, what it leads and supports), a document (or
 * a number-symbol cited in prose), a target in words, a task (who leads, inherited or not, and when
 * it falls due), a date (weekday, inside the plan period or not) and a keyword (its meaning and its
 * twin in the other language). Doc comments (`/** … *\/`) come first, as before. All meaning comes
 * from src/semantics.
 */
import type { AstNode, CstNode, DocumentationProvider, GrammarConfig, LangiumDocument, MaybePromise, References } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isLeafCstNode } from 'langium';
import type { HoverProvider } from 'langium/lsp';
import type { Hover, HoverParams } from 'vscode-languageserver';
import type {
    Citable, Deadline, Group, Indicator, Party, Plan, Report, Section, Target, Task, TimePoint
} from '../language/generated/ast.js';
import {
    isAgency, isDeadline, isDocument, isEffective, isGroup, isIndicator, isModel, isPeriod, isPlan, isReport,
    isTarget, isTask, isTimePoint
} from '../language/generated/ast.js';
import { documentKindLabel } from '../language/keywords.js';
import { StringMap } from '../language/string-map.js';
import { citationsOf, proseTextsOf } from '../semantics/citations.js';
import type { CalendarDate } from '../semantics/dates.js';
import { compareDates, dateProblem, formatDate, parseDate, parseDateParts } from '../semantics/dates.js';
import { dateOf, kindEnglish, kindLabel, kindOf } from '../semantics/documents.js';
import { inferredProperties, inferredReason } from '../semantics/provenance.js';
import {
    authorityOver, effectiveLeads, effectiveSupports, groupMembers, isIndependent, leadSource, leadsInOwnRemit, leadUnstated, modeOf, resolvedParties
} from '../semantics/responsibility.js';
import { labelOf } from '../semantics/structure.js';
import { changeOf, commitmentOf, comparisonText, isRelativeChange, targetOp, targetOwners, targetStatement } from '../semantics/targets.js';
import type { Span } from '../semantics/time.js';
import {
    deadlineRelation, deadlineWindow, effectiveDate, occurrencesOf, ownerOf, planDate, planSpan, pointExtent, pointKind, sourceText,
    statedPlanSpan
} from '../semantics/time.js';
import {
    code, dateWithWeekday, md, partyLabel, weekday, plansAround, refLabel, refsLabel, shorten, spanText, taskLabel, windowText
} from './describe.js';
import { keywordMeaning } from './keyword-docs.js';
import type { IdeServices } from './services.js';
import { dueLine, planPeriodText, recurrenceEnglish, recurrenceText, timingLines } from './timing-words.js';

/** Properties whose tokens name the node they belong to (hovering them describes the node). */
const HEADER_PROPERTIES = new Set(['name', 'text', 'title', 'officialName', 'aliases', 'number', 'summary', 'label', 'mode', 'kind', 'heading']);

/** Rules of written dates, whose words are part of the value rather than clause keywords. */
const DATE_RULES = new Set(['DateValue', 'DayValue', 'MonthValue', 'QuarterValue']);

/** How many task names a body's hover lists for each role. */
const LISTED = 3;

export class PlanspecHoverProvider implements HoverProvider {
    protected readonly references: References;
    protected readonly grammarConfig: GrammarConfig;
    protected readonly documentation: DocumentationProvider;

    constructor(protected readonly services: IdeServices) {
        this.references = services.references.References;
        this.grammarConfig = services.parser.GrammarConfig;
        this.documentation = services.documentation.DocumentationProvider;
    }

    getHoverContent(document: LangiumDocument, params: HoverParams): MaybePromise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) {
            return undefined;
        }
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findDeclarationNodeAtOffset(root, offset, this.grammarConfig.nameRegexp);
        if (!leaf || leaf.offset + leaf.length <= offset) {
            return undefined;
        }
        const sections = this.contentAt(document, leaf, offset);
        if (sections.length === 0) {
            return undefined;
        }
        return { contents: { kind: 'markdown', value: sections.join('\n\n---\n\n') }, range: leaf.range };
    }

    /** The hover sections for a token, best first. */
    protected contentAt(document: LangiumDocument, leaf: CstNode, offset: number): string[] {
        // A reference or a declared name: the declaration it names.
        const declarations = this.references.findDeclarations(leaf);
        if (declarations.length > 0) {
            return declarations.flatMap(target => this.describeWithDocs(document, target, leaf.astNode));
        }
        const node = leaf.astNode;
        const property = GrammarUtils.findAssignment(leaf)?.feature;
        // A number-symbol (or a `trích dẫn` phrase) in prose.
        if (property && isStringToken(leaf)) {
            const cited = this.citationAt(document, node, property, offset);
            if (cited) {
                return cited;
            }
        }
        const keyword = GrammarAST.isKeyword(leaf.grammarSource) ? leaf.grammarSource : undefined;
        const meaning = keyword ? this.keywordSection(keyword, leaf.text) : undefined;
        // A date or another point in time.
        const point = AstUtils.getContainerOfType(node, isTimePoint);
        if (point) {
            return [this.describePoint(point), meaning].filter(isText);
        }
        if (property === 'date' && (isDocument(node) || isPlan(node) || isEffective(node))) {
            const written = GrammarUtils.findNodesForProperty(node.$cstNode, 'date').find(n => n.offset <= leaf.offset && leaf.end <= n.end);
            const date = this.describeDateValue(node.date, written?.text ?? node.date ?? '', node);
            return [date, meaning].filter(isText);
        }
        // The head of a declaration, task, target or report: its keyword, id, text.
        const headed = (property && HEADER_PROPERTIES.has(property)) || (keyword && isHeadKeyword(leaf)) ? headOf(node) : undefined;
        if (headed) {
            return [...this.describeWithDocs(document, headed, node), meaning].filter(isText);
        }
        return meaning ? [meaning] : [];
    }

    protected describeWithDocs(document: LangiumDocument, target: AstNode, at: AstNode | undefined): string[] {
        // Comments keep the spelling typed; shown in NFC like every other text.
        const docs = this.documentation.getDocumentation(target)?.normalize('NFC');
        const meaning = this.describe(document, target, at);
        return [docs, meaning].filter(isText);
    }

    protected describe(document: LangiumDocument, node: AstNode, at: AstNode | undefined): string | undefined {
        if (isAgency(node) || isGroup(node)) {
            return this.describeParty(document, node, at);
        }
        if (isDocument(node) || isPlan(node)) {
            return this.describeCitable(document, node);
        }
        if (isTarget(node)) {
            return this.describeTarget(node);
        }
        if (isTask(node)) {
            return this.describeTask(node);
        }
        if (isReport(node)) {
            return this.describeReport(node);
        }
        if (isIndicator(node)) {
            return describeIndicator(node);
        }
        return undefined;
    }

    // ---------------------------------------------------------------------------------------------
    // Bodies

    protected describeParty(document: LangiumDocument, party: Party, at: AstNode | undefined): string {
        const lines: string[] = [];
        const what = isGroup(party) ? 'nhóm / group' : 'cơ quan / agency';
        lines.push(`**${md(party.officialName ?? '')}** \`${party.name ?? ''}\` — ${what}`);
        const aliases = party.aliases ?? [];
        if (aliases.length > 0) {
            lines.push(`Tên viết tắt / Aliases: ${aliases.map(a => `"${md(a)}"`).join(', ')}`);
        }
        if (party.parent) {
            lines.push(`Thuộc / Under: ${refLabel(party.parent)}`);
        }
        if (isGroup(party)) {
            const members = groupMembers(party).map(m => m.party);
            if (members.length > 0) {
                const shown = members.slice(0, 5).map(partyLabel).join(', ');
                lines.push(`Gồm ${members.length} / Members (${members.length}): ${shown}${members.length > 5 ? ', …' : ''}`);
            } else {
                lines.push('Không liệt kê thành viên / Members not listed');
            }
        }
        if (isIndependent(party)) {
            lines.push('**Độc lập**: không thuộc thẩm quyền của cơ quan ban hành; kế hoạch phải đề nghị, không giao / **Independent**: never under the issuer\'s authority; a plan must request, not direct');
        }
        const around = plansAround(this.services, document, at);
        let shown = 0;
        for (const plan of around.plans) {
            const roles = this.roleLines(plan, party, around.workspace);
            if (roles && shown < 5) {
                lines.push(roles);
                shown++;
            }
        }
        if (around.workspace && shown === 0) {
            lines.push('Không có nhiệm vụ hay báo cáo nào trong các kế hoạch của không gian làm việc / No task or report in the plans of the workspace');
        }
        return lines.join('\n\n');
    }

    /** Whether the plan's issuer can direct the body, and what the body does in the plan. */
    protected roleLines(plan: Plan, party: Party, onlyWithRole: boolean): string | undefined {
        const lines: string[] = [];
        const planName = plan.name ? `\`${plan.name}\`` : md(shorten(plan.title ?? '', 40));
        lines.push(`*Trong kế hoạch ${planName} / In plan ${planName}:*`);
        const issuer = plan.issuer?.ref;
        let authority: string | undefined;
        if (!issuer) {
            lines.push('- Kế hoạch không nêu cơ quan ban hành / The plan names no issuer');
        } else if (issuer === party) {
            lines.push('- Là cơ quan ban hành kế hoạch / Issues the plan');
        } else if ((authority = authorityOver(party, issuer).authority) === 'under') {
            lines.push(`- Thuộc thẩm quyền của cơ quan ban hành (${md(issuer.officialName ?? '')}): được giao nhiệm vụ / Under the issuer's authority: can be directed`);
        } else if (authority === 'unknown') {
            lines.push(`- Không rõ có thuộc thẩm quyền của cơ quan ban hành (${md(issuer.officialName ?? '')}) hay không: danh mục không nêu "thuộc", "gồm" hay "độc lập" / Whether it is under the issuer's authority is unknown: the registry states no parent, members or "độc lập"`);
        } else {
            lines.push(`- Không thuộc thẩm quyền của cơ quan ban hành (${md(issuer.officialName ?? '')}): chỉ được đề nghị / Outside the issuer's authority: can only be requested`);
        }
        const members = new Map<Group, Set<Party>>();
        const through = (refs: ReadonlyArray<{ ref?: Party }>): Group | undefined => {
            for (const ref of refs) {
                const group = ref.ref;
                if (isGroup(group) && group !== party) {
                    let set = members.get(group);
                    if (!set) {
                        set = new Set(groupMembers(group).map(m => m.party));
                        members.set(group, set);
                    }
                    if (set.has(party)) {
                        return group;
                    }
                }
            }
            return undefined;
        };
        const leads: Task[] = [];
        const supports: Task[] = [];
        const requested: Task[] = [];
        const viaGroups = new Map<Group, number>();
        const reports: Report[] = [];
        const receives: Report[] = [];
        const consolidates: Report[] = [];
        const prepares: Report[] = [];
        for (const node of AstUtils.streamAllContents(plan)) {
            if (isTask(node)) {
                const lead = effectiveLeads(node);
                const support = effectiveSupports(node);
                if (resolvedParties(lead).includes(party)) {
                    leads.push(node);
                } else if (resolvedParties(support).includes(party)) {
                    supports.push(node);
                } else if (resolvedParties(node.requested ?? []).includes(party)) {
                    requested.push(node);
                } else {
                    const group = through(lead) ?? through(support);
                    if (group) {
                        viaGroups.set(group, (viaGroups.get(group) ?? 0) + 1);
                    }
                }
            } else if (isReport(node)) {
                if (resolvedParties(node.reporters ?? []).includes(party)) reports.push(node);
                if (resolvedParties(node.recipients ?? []).includes(party)) receives.push(node);
                if (node.via?.ref === party) consolidates.push(node);
                if (node.drafter?.ref === party) prepares.push(node);
            }
        }
        const list = (tasks: Array<Task | Report>) => {
            const names = tasks.slice(0, LISTED).map(t => (isTask(t) ? taskLabel(t) : reportLabel(t)));
            return `${names.join(', ')}${tasks.length > LISTED ? ', …' : ''}`;
        };
        if (leads.length > 0) {
            const requestedCount = leads.filter(t => modeOf(t) === 'requested').length;
            const asked = requestedCount > 0 ? ` (${requestedCount} được đề nghị / ${requestedCount} requested)` : '';
            lines.push(`- Chủ trì ${leads.length} nhiệm vụ${asked} / Leads ${leads.length} task${plural(leads.length)}: ${list(leads)}`);
        }
        if (supports.length > 0) {
            lines.push(`- Phối hợp ${supports.length} nhiệm vụ / Supports ${supports.length} task${plural(supports.length)}: ${list(supports)}`);
        }
        if (requested.length > 0) {
            lines.push(`- Được đồng thời đề nghị ở ${requested.length} nhiệm vụ / Also requested in ${requested.length} task${plural(requested.length)}: ${list(requested)}`);
        }
        for (const [group, count] of viaGroups) {
            lines.push(`- Qua nhóm \`${group.name}\`: ${count} nhiệm vụ / Through group \`${group.name}\`: ${count} task${plural(count)}`);
        }
        if (reports.length > 0) {
            lines.push(`- Báo cáo / Reports: ${list(reports)}`);
        }
        if (receives.length > 0) {
            lines.push(`- Nhận báo cáo / Receives reports: ${list(receives)}`);
        }
        if (consolidates.length > 0) {
            lines.push(`- Đầu mối tổng hợp báo cáo (qua) / Reports go through it: ${list(consolidates)}`);
        }
        if (prepares.length > 0) {
            lines.push(`- Tham mưu báo cáo / Prepares reports: ${list(prepares)}`);
        }
        if (leads.length + supports.length + requested.length + viaGroups.size + reports.length + receives.length
            + consolidates.length + prepares.length === 0) {
            if (onlyWithRole) {
                return undefined;
            }
            lines.push('- Không có nhiệm vụ hay báo cáo nào / No task or report');
        }
        return lines.join('\n');
    }

    // ---------------------------------------------------------------------------------------------
    // Documents

    protected describeCitable(document: LangiumDocument, node: Citable): string {
        const lines: string[] = [];
        const kind = kindOf(node);
        const label = kindLabel(node);
        lines.push(`**${md(label)}${node.number ? ` số ${md(node.number)}` : ''}** \`${node.name ?? ''}\``);
        lines.push(`Loại / Kind: ${md(label)} / ${kind ? kindEnglish(kind) : md(node.kind ?? '')}`);
        lines.push(node.number
            ? `Số, ký hiệu / Number: ${md(node.number)}${inferredNote(node, 'number')}`
            : 'Số, ký hiệu: không nêu / Number: not stated');
        const date = dateOf(node);
        if (date) {
            const via = date.via ? ` — ngày của ${citableName(date.via)} / the date of the document that issues it` : '';
            lines.push(`Ngày / Date: ${dateWithWeekday(date.date)}${via}${inferredNote(node, 'date')}`);
        } else if (node.date) {
            const parts = parseDateParts(node.date);
            const problem = parts ? dateProblem(parts) : undefined;
            lines.push(`Ngày / Date: ${md(node.date)}${problem ? ` — ${problem}` : ''}`);
        } else if (isDocument(node) && node.year !== undefined) {
            lines.push(`Năm / Year: ${node.year}${inferredNote(node, 'year')}`);
        } else {
            lines.push('Ngày: không nêu / Date: not stated');
        }
        if (node.issuer) {
            const co = isDocument(node) && node.coIssuers.length > 0 ? `; cùng ban hành / with: ${refsLabel(node.coIssuers)}` : '';
            lines.push(`Cơ quan ban hành / Issuer: ${refLabel(node.issuer)}${co}${inferredNote(node, 'issuer')}`);
        }
        if (node.place) {
            lines.push(`Tại / Place: ${md(node.place)}`);
        }
        if (isDocument(node) && node.effective) {
            const effective = effectiveDate(node);
            const written = md(sourceText(node.effective));
            lines.push(`Hiệu lực / In force: ${written}${effective ? ` — ${dateWithWeekday(effective)}` : ''}`);
        }
        const summary = isDocument(node) ? node.summary : node.title;
        if (summary) {
            lines.push(`Trích yếu / Summary: "${md(shorten(summary, 300))}"`);
        }
        if (isPlan(node)) {
            lines.push(planPeriodLine(node));
        }
        lines.push(...this.relationLines(document, node));
        for (const [property, reason] of inferredProperties(node)) {
            if (!['number', 'date', 'issuer', 'year'].includes(property)) {
                lines.push(`Suy ra / Inferred (${property}): "${md(reason)}"`);
            }
        }
        return lines.join('\n\n');
    }

    protected relationLines(document: LangiumDocument, node: Citable): string[] {
        const lines: string[] = [];
        const names = (refs: ReadonlyArray<{ ref?: Citable; $refText: string }>) =>
            refs.map(r => (r.ref ? citableName(r.ref) : `\`${r.$refText}\` (chưa khai báo / not declared)`)).join(', ');
        const own: Array<[string, ReadonlyArray<{ ref?: Citable; $refText: string }>]> = isDocument(node)
            ? [
                ['Thay thế / Replaces', node.replaces], ['Sửa đổi, bổ sung / Amends', node.amends],
                ['Quy định chi tiết / Details', node.details], ['Phê duyệt / Approves', node.approves],
                ['Thuộc / Part of', node.partOf], ['Căn cứ / Basis', node.basis], ['Thực hiện / Implements', node.implements],
            ]
            : [
                ['Ban hành kèm theo / Issued with', node.issuedWith ? [node.issuedWith] : []],
                ['Chuyển bởi / Forwarded by', node.forwardedBy ? [node.forwardedBy] : []],
                ['Thực hiện / Implements', node.implements], ['Căn cứ / Basis', node.basis],
            ];
        for (const [title, refs] of own) {
            if (refs && refs.length > 0) {
                lines.push(`${title}: ${names(refs)}`);
            }
        }
        // The other side of each relation, from the declarations of the workspace.
        const reverse: Array<[string, Citable[]]> = [
            ['Ban hành kế hoạch / Issues', []], ['Chuyển kế hoạch / Forwards', []], ['Được phê duyệt bởi / Approved by', []],
            ['Bao gồm / Includes', []], ['Bị thay thế bởi / Replaced by', []], ['Được sửa đổi, bổ sung bởi / Amended by', []],
            ['Được quy định chi tiết bởi / Detailed by', []],
        ];
        const points = (refs: ReadonlyArray<{ ref?: Citable }> | undefined) => (refs ?? []).some(r => r.ref === node);
        const roots = this.services.workspace.Roots;
        const root = roots.rootOf(document.uri);
        for (const doc of this.services.shared.workspace.LangiumDocuments.all) {
            const model = doc.parseResult?.value;
            if (!isModel(model) || roots.rootOf(doc.uri) !== root) {
                continue;
            }
            for (const element of model.elements) {
                if (element === node) {
                    continue;
                }
                if (isPlan(element)) {
                    if (element.issuedWith?.ref === node) reverse[0][1].push(element);
                    if (element.forwardedBy?.ref === node) reverse[1][1].push(element);
                } else if (isDocument(element)) {
                    if (points(element.approves)) reverse[2][1].push(element);
                    if (points(element.partOf)) reverse[3][1].push(element);
                    if (points(element.replaces)) reverse[4][1].push(element);
                    if (points(element.amends)) reverse[5][1].push(element);
                    if (points(element.details)) reverse[6][1].push(element);
                }
            }
        }
        for (const [title, list] of reverse) {
            if (list.length > 0) {
                lines.push(`${title}: ${list.map(citableName).join(', ')}`);
            }
        }
        return lines;
    }

    /** A number-symbol or `trích dẫn` phrase under the cursor, in the prose of `node`. */
    protected citationAt(document: LangiumDocument, node: AstNode, property: string, offset: number): string[] | undefined {
        if (!proseTextsOf(node).some(p => p.property === property)) {
            return undefined;
        }
        const citations = citationsOf(this.services, node).filter(c => c.property === property && c.start !== undefined && c.end !== undefined);
        if (citations.length === 0) {
            return undefined;
        }
        const map = StringMap.of(document, node, property);
        const position = document.textDocument.positionAt(offset);
        for (const citation of citations) {
            const range = map?.range(citation.start!, citation.end!);
            if (!range || !within(position, range)) {
                continue;
            }
            const found = citation.found;
            const printed = found ? found.printed : citation.explicit?.phrase ?? '';
            const head = `Trích dẫn trong lời văn / Cited in the text: "${md(printed)}"`;
            if (!citation.document) {
                const kind = found?.kind ? `${md(documentKindLabel[found.kind])} ` : 'Văn bản ';
                return [`${head}\n\n${kind}số ${md(found?.compact ?? printed)} chưa được khai báo, nên không liên kết được / not declared, so the citation links to nothing`];
            }
            const sections = [head, ...this.describeWithDocs(document, citation.document, node)];
            if (citation.candidates.length > 1) {
                sections.push(`Có thể là / Could also be: ${citation.candidates.slice(1).map(citableName).join(', ')}`);
            }
            return sections;
        }
        return undefined;
    }

    // ---------------------------------------------------------------------------------------------
    // Targets, tasks, reports

    protected describeTarget(target: Target): string {
        const lines: string[] = [];
        lines.push(`**Chỉ tiêu / Target**${target.name ? ` \`${target.name}\`` : ''}`);
        lines.push(md(targetStatement(target)));
        const english = targetEnglish(target);
        if (english) {
            lines.push(`*${md(english)}*`);
        }
        const indicator = target.indicator?.ref;
        if (indicator) {
            lines.push(`Chỉ số / Indicator: \`${indicator.name}\` "${md(indicator.text ?? '')}"${indicator.unit ? ` (${md(indicator.unit)})` : ''}`);
        }
        const commitment = commitmentOf(target);
        lines.push(commitment === 'aspirational' ? 'Cam kết / Commitment: phấn đấu / aspirational'
            : commitment === 'firm' ? 'Cam kết / Commitment: bảo đảm / firm'
                : 'Cam kết: không nêu / Commitment: not stated');
        const owners = targetOwners(target);
        if (owners.length > 0) {
            const task = AstUtils.getContainerOfType(target.$container, isTask);
            const from = task ? ` — chủ trì nhiệm vụ ${taskLabel(task)} / the lead of the task` : ' — cơ quan của tiêu đề phần / the heading\'s body';
            lines.push(`Chịu trách nhiệm / Owner: ${refsLabel(owners)}${from}`);
        } else {
            lines.push('Chịu trách nhiệm: kế hoạch không giao cho cơ quan nào / Owner: the plan names no body');
        }
        const timings = timingLines(target);
        const recurrence = recurrenceText(target);
        if (timings.length > 0) {
            lines.push(`Hạn / Due: ${timings.join('; ')}`);
        } else if (recurrence) {
            lines.push(`Hạn: mỗi kỳ, bản gốc không nêu ngày / Due: every period, no day stated (${planPeriodText(target)})`);
        } else {
            lines.push(`Hạn: không nêu hạn riêng, đến hết thời gian kế hoạch / Due: no deadline of its own, by the end of the plan (${planPeriodText(target)})`);
        }
        if (recurrence) {
            lines.push(`Lặp lại / Recurs: ${recurrence}`);
        }
        const due = timings.length > 0 ? dueLine(target) : undefined;
        if (due) {
            lines.push(due);
        }
        return lines.join('\n\n');
    }

    protected describeTask(task: Task): string {
        const lines: string[] = [];
        const mode = modeOf(task) === 'requested' ? 'đề nghị / requested' : 'giao / directed';
        const label = labelOf(task);
        lines.push(`**Nhiệm vụ / Task** ${task.name ? `\`${task.name}\` ` : ''}${label ? `[${md(label)}] ` : ''}— ${mode}`);
        const leads = effectiveLeads(task);
        const source = leadSource(task);
        if (leads.length > 0 && source) {
            lines.push(`Chủ trì / Lead: ${refsLabel(leads)}${leadOrigin(task, source)}`);
            if (leadsInOwnRemit(task)) {
                lines.push('Mỗi đơn vị chủ trì phần việc theo chức năng, nhiệm vụ của mình, không cùng chủ trì một việc / Each leads its own part, in its own remit, not one duty jointly');
            }
        } else if (leadUnstated(task)) {
            lines.push('Chủ trì: bản gốc không nêu / Lead: not stated in the original');
        } else {
            lines.push('Chủ trì: chưa có / Lead: none');
        }
        const supports = effectiveSupports(task);
        if (supports.length > 0) {
            const own = new Set(task.supports.map(r => r.ref ?? r.$refText));
            const parts = supports.map(r => {
                if (own.has(r.ref ?? r.$refText)) {
                    return refLabel(r);
                }
                const addressee = task.cooperatesWith.length > 0 && task.leads.length === 0;
                return `${refLabel(r)} (${addressee ? 'cơ quan được giao, phối hợp với chủ trì / the addressee, cooperating with the lead' : 'kế thừa / inherited'})`;
            });
            lines.push(`Phối hợp / Support: ${parts.join(', ')}`);
        }
        if (task.requested.length > 0) {
            lines.push(`Đồng thời đề nghị / Also requested: ${refsLabel(task.requested)}`);
        }
        const timings = timingLines(task);
        if (timings.length > 0) {
            lines.push(`Thời hạn / Timing: ${timings.join('; ')}`);
        }
        const recurrence = recurrenceText(task);
        if (recurrence) {
            lines.push(`Lặp lại / Recurs: ${recurrence}`);
        }
        const due = dueLine(task);
        if (due) {
            lines.push(due);
        }
        if (timings.length === 0 && !recurrence) {
            lines.push(`Thời hạn: không nêu / Timing: not stated (${planPeriodText(task)})`);
        }
        return lines.join('\n\n');
    }

    protected describeReport(report: Report): string {
        const lines: string[] = [];
        lines.push(`**Báo cáo / Report** ${report.name ? `\`${report.name}\` ` : ''}"${md(shorten(report.title ?? '', 80))}"`);
        if (report.reporters.length > 0) lines.push(`Cơ quan báo cáo / From: ${refsLabel(report.reporters)}`);
        if (report.recipients.length > 0) lines.push(`Gửi / To: ${refsLabel(report.recipients)}`);
        if (report.via) lines.push(`Qua / Via: ${refLabel(report.via)}`);
        if (report.drafter) lines.push(`Tham mưu / Prepared by: ${refLabel(report.drafter)}`);
        if (report.period) lines.push(`Kỳ báo cáo / Covering: ${code(sourceText(report.period))}`);
        const timings = timingLines(report);
        if (timings.length > 0) lines.push(`Hạn gửi / Due: ${timings.join('; ')}`);
        const recurrence = recurrenceText(report);
        if (recurrence) lines.push(`Lặp lại / Recurs: ${recurrence}`);
        const due = dueLine(report);
        if (due) lines.push(due);
        return lines.join('\n\n');
    }

    // ---------------------------------------------------------------------------------------------
    // Dates

    protected describePoint(point: TimePoint): string | undefined {
        const owner = ownerOf(point);
        const now = owner ? planDate(owner) : undefined;
        const kind = pointKind(point);
        const lines: string[] = [];
        const deadline = isDeadline(point.$container) ? point.$container : undefined;
        const inPlanPeriod = isPeriod(point.$container) && isPlan(point.$container.$container);
        if (kind === 'dayMonth') {
            lines.push(`**${md(point.day ?? '')}** — ngày và tháng, lặp lại mỗi năm / a day and month, every year`);
            const dates = deadline ? this.recurringDates(deadline, point) : undefined;
            if (dates) {
                lines.push(dates);
            }
            return lines.join('\n\n');
        }
        if (kind === 'date') {
            const parts = parseDateParts(point.day ?? '');
            const problem = parts ? dateProblem(parts) : undefined;
            if (problem) {
                return `**${md(point.day ?? '')}** — ${problem}`;
            }
        }
        const extent = pointExtent(point, { now });
        if (!extent) {
            if (kind === 'now') {
                return '**nay** — ngày của kế hoạch, nhưng kế hoạch không có ngày / the plan\'s date, but the plan has none';
            }
            return undefined;
        }
        const written = md(sourceText(point));
        if (compareDates(extent.start, extent.end) === 0) {
            const nowNote = kind === 'now' ? ' — ngày của kế hoạch / the plan\'s date' : '';
            lines.push(`${dayLine(sourceText(point), extent.start)}${nowNote}`);
        } else {
            lines.push(`**${written}** — ${spanText(extent)}`);
            lines.push(`Ngày đầu / First day: ${dateWithWeekday(extent.start)}; ngày cuối / last day: ${dateWithWeekday(extent.end)}`);
        }
        if (deadline) {
            const window = deadlineWindow(deadlineRelation(deadline), point, { now });
            const text = window ? windowText(window) : undefined;
            if (text && deadlineRelation(deadline) === 'before' && window?.latest) {
                lines.push(`${code(sourceText(deadline))}: ${text} — ${dateWithWeekday(window.latest)}`);
            } else if (text) {
                lines.push(`${code(sourceText(deadline))}: ${text}`);
            }
        }
        if (!inPlanPeriod && isPlan(owner)) {
            lines.push(periodRelation(extent, owner));
        }
        return lines.join('\n\n');
    }

    /** The dates a recurring deadline point falls on within the plan period, or why none. */
    protected recurringDates(deadline: Deadline, point: TimePoint): string | undefined {
        const duty = deadline.$container;
        const owner = ownerOf(deadline);
        const span = statedPlanSpan(owner);
        if (!span) {
            return `Không có năm cụ thể / No concrete year: ${planPeriodText(duty)}`;
        }
        const occurrences = occurrencesOf(deadlineRelation(deadline), point, duty.recurrence, span, owner ? planDate(owner) : undefined, 50);
        if (occurrences.length === 0) {
            return 'Không có ngày nào trong thời gian của kế hoạch / No date within the plan period';
        }
        const shown = occurrences.slice(0, 4).map(o => dateWithWeekday(o.due)).join(', ');
        const more = occurrences.length > 4 ? `, … (${occurrences.length} lần / times)` : '';
        return `Đến hạn / Due: ${shown}${more}`;
    }

    protected describeDateValue(text: string | undefined, written: string, node: AstNode): string | undefined {
        if (!text) {
            return undefined;
        }
        const parts = parseDateParts(text);
        const problem = parts ? dateProblem(parts) : undefined;
        if (problem) {
            return `**${md(written)}** — ${problem}`;
        }
        const date = parseDate(text);
        if (!date) {
            return undefined;
        }
        const lines = [dayLine(written, date)];
        const owner = ownerOf(node);
        if (isPlan(owner)) {
            lines.push(periodRelation({ start: date, end: date }, owner));
        }
        return lines.join('\n\n');
    }

    // ---------------------------------------------------------------------------------------------
    // Keywords

    protected keywordSection(keyword: GrammarAST.Keyword, typed: string): string | undefined {
        const rule = AstUtils.getContainerOfType(keyword, GrammarAST.isParserRule)?.name;
        if (rule && DATE_RULES.has(rule)) {
            // "tháng", "năm" inside "16 tháng 6 năm 2025": the date says it all.
            return undefined;
        }
        const meaning = keywordMeaning(keyword.value, rule) ?? keywordMeaning(typed, rule);
        if (!meaning) {
            return undefined;
        }
        const twin = meaning.twin ? ` ↔ *${md(meaning.twin)}*` : '';
        return `**${md(meaning.keyword)}**${twin} — từ khóa / keyword\n\n${meaning.viMeaning} / ${meaning.enMeaning}`;
    }
}

// -------------------------------------------------------------------------------------------------

function isText(x: string | undefined): x is string {
    return typeof x === 'string' && x.trim() !== '';
}

/** "**16 tháng 6 năm 2020** = 16/6/2020 (Thứ Ba / Tuesday)", or without the repeat when written so. */
function dayLine(written: string, date: CalendarDate): string {
    const text = written.normalize('NFC').replace(/\s+/g, ' ').trim();
    const w = weekday(date);
    return text === formatDate(date) ? `**${md(text)}** — ${w.vi} / ${w.en}` : `**${md(text)}** = ${dateWithWeekday(date)}`;
}

function plural(n: number): string {
    return n === 1 ? '' : 's';
}

function isStringToken(leaf: CstNode): boolean {
    return leaf.text.startsWith('"');
}

/** The first keyword of a declaration, target or report ("cơ quan", "chỉ tiêu", "báo cáo"). */
function isHeadKeyword(leaf: CstNode): boolean {
    const owner = leaf.astNode;
    if (!(isAgency(owner) || isGroup(owner) || isDocument(owner) || isTarget(owner) || isReport(owner) || isIndicator(owner))) {
        return false;
    }
    const first = owner.$cstNode && CstUtils.streamCst(owner.$cstNode).find(n => isLeafCstNode(n) && !n.hidden && !/^\[/.test(n.text));
    return first === leaf;
}

/** The node whose head a token is part of, when it is one hover describes. */
function headOf(node: AstNode): AstNode | undefined {
    return isAgency(node) || isGroup(node) || isDocument(node) || isPlan(node) || isTarget(node) || isTask(node) || isReport(node)
        || isIndicator(node) ? node : undefined;
}

function within(position: { line: number; character: number }, range: { start: { line: number; character: number }; end: { line: number; character: number } }): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character < range.end.character);
    return after && before;
}

/** "Quyết định số 1073/QĐ-UBND" or "Kế hoạch KH_QD634". */
function citableName(node: Citable): string {
    const label = md(kindLabel(node));
    const id = node.name ? ` (\`${node.name}\`)` : '';
    return node.number ? `${label} số ${md(node.number)}${id}` : `${label}${id}`;
}

function reportLabel(report: Report): string {
    return report.name ? `\`${report.name}\`` : `"${md(shorten(report.title ?? '', 40))}"`;
}

function inferredNote(node: AstNode, property: string): string {
    const reason = inferredReason(node, property);
    return reason !== undefined ? ` (suy ra / inferred: "${md(reason)}")` : '';
}

function describeIndicator(indicator: Indicator): string {
    return `**Chỉ số / Indicator** \`${indicator.name ?? ''}\` "${md(indicator.text ?? '')}"${indicator.unit ? `\n\nĐơn vị / Unit: ${md(indicator.unit)}` : ''}`;
}

function planPeriodLine(plan: Plan): string {
    if (!plan.period) {
        return 'Thời gian thực hiện: không nêu / Period: not stated';
    }
    const span = planSpan(plan);
    const inferred = inferredNote(plan, 'period');
    return span
        ? `Thời gian thực hiện / Period: ${code(sourceText(plan.period))} — ${spanText(span)}${inferred}`
        : `Thời gian thực hiện / Period: ${code(sourceText(plan.period))}${inferred}`;
}

/** Whether days fall inside the plan period, stated or inferred (said so). */
function periodRelation(extent: Span, plan: Plan): string {
    const span = plan.period ? planSpan(plan) : undefined;
    if (!span) {
        return plan.period
            ? 'Không so được với thời gian của kế hoạch / Cannot be compared with the plan period'
            : 'Kế hoạch không nêu thời gian thực hiện / The plan states no period';
    }
    const inferred = inferredReason(plan, 'period') !== undefined ? ' (suy ra / inferred)' : '';
    const period = `${formatDate(span.start)}–${formatDate(span.end)}${inferred}`;
    if (compareDates(extent.start, span.start) >= 0 && compareDates(extent.end, span.end) <= 0) {
        return `Trong thời gian của kế hoạch (${period}) / Within the plan period`;
    }
    if (compareDates(extent.end, span.start) < 0 || compareDates(extent.start, span.end) > 0) {
        return `**Ngoài** thời gian của kế hoạch (${period}) / **Outside** the plan period`;
    }
    return `Một phần ngoài thời gian của kế hoạch (${period}) / Partly outside the plan period`;
}

/** Where a task's lead comes from, when not its own `chủ trì`. */
function leadOrigin(task: Task, source: NonNullable<ReturnType<typeof leadSource>>): string {
    if (source.node === task) {
        if (source.property === 'cooperatesWith') {
            return ' — cơ quan mà bên được giao phối hợp với / the body the addressee cooperates with';
        }
        return source.property === 'addressees' ? ' — cơ quan được giao (`cho`) / the addressee' : '';
    }
    if (isTask(source.node)) {
        return ` — kế thừa từ nhiệm vụ ${taskLabel(source.node)} / inherited from the enclosing task`;
    }
    return ` — kế thừa từ tiêu đề ${sectionLabel(source.node)} / inherited from the heading`;
}

function sectionLabel(section: Section): string {
    const number = section.number ?? labelOf(section);
    const heading = section.heading ? ` "${md(shorten(section.heading, 50))}"` : '';
    return `phần${number ? ` "${md(number)}"` : ''}${heading}`;
}

// -------------------------------------------------------------------------------------------------
// A target in English, from its meaning (the Vietnamese is the plan's own words, targetStatement).

const OP_EN: Record<string, string> = {
    above: 'above', atLeast: 'at least', below: 'below', atMost: 'at most', exactly: 'exactly', approximately: 'approximately', between: 'between',
};

function numberEn(n: number | undefined): string {
    // Exact, never rounded: the editor must not change a value the plan states.
    return typeof n === 'number' && Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 20 }) : '?';
}

function quantityEn(q: { value: number; unit?: string } | undefined): string {
    if (!q) {
        return '?';
    }
    const unit = q.unit ? (q.unit === '%' ? '%' : ` ${q.unit}`) : '';
    return `${numberEn(q.value)}${unit}`;
}

export function targetEnglish(target: Target): string | undefined {
    const parts: string[] = [];
    const commitment = commitmentOf(target);
    if (commitment) parts.push(commitment === 'aspirational' ? 'strive to' : 'ensure');
    const change = changeOf(target);
    const c = target.comparison;
    if (change) {
        parts.push(change === 'decrease' ? 'decrease' : 'increase');
        if (c) parts.push(isRelativeChange(target) ? 'by' : 'to');
    } else if (commitment === 'aspirational' && c) {
        parts.push('reach');
    }
    if (c) {
        const op = targetOp(target);
        if (c.reference !== undefined) {
            parts.push(`${OP_EN[op ?? 'atLeast']} "${c.reference}"`);
        } else if (op === 'between' && c.upper) {
            parts.push(`between ${quantityEn(c.value)} and ${quantityEn(c.upper)}`);
        } else if (op === 'between') {
            parts.push(`${quantityEn(c.value)} or more`);
        } else {
            parts.push(`${OP_EN[op ?? 'atLeast']} ${quantityEn(c.value)}`);
        }
    }
    const b = target.baseline;
    if (b) {
        parts.push(b.previousYear ? 'compared with the previous year' : b.year !== undefined ? `compared with ${b.year}` : `compared with "${b.text ?? ''}"`);
    }
    const recurrence = recurrenceEnglish(target);
    if (recurrence) parts.push(recurrence);
    for (const deadline of target.timings ?? []) {
        const relation = deadlineRelation(deadline);
        const points = (deadline.points ?? []).map(pointEnglish).join(' and ');
        parts.push(`${relation === 'before' ? 'before' : relation === 'during' ? 'during' : 'by'} ${points}`);
    }
    if ((target.scope ?? []).length > 0) {
        parts.push(`for ${target.scope.map(s => s.text ?? s.party?.ref?.officialName ?? s.party?.$refText ?? '').join(', ')}`);
    }
    const text = parts.join(' ').trim();
    return text ? text.charAt(0).toUpperCase() + text.slice(1) : comparisonText(target) || undefined;
}

function pointEnglish(point: TimePoint): string {
    switch (pointKind(point)) {
        case 'date': {
            const date = parseDate(point.day ?? '');
            return date ? formatDate(date) : point.day ?? '';
        }
        case 'dayMonth': return `${point.day} each year`;
        case 'month': return `month ${point.month}`;
        case 'quarter': return `quarter ${point.quarter}`;
        case 'half': return `the ${/cuối|second/iu.test(point.half ?? '') ? 'second' : 'first'} half of ${point.year}`;
        case 'endOfYear': return `the end of ${point.year}`;
        case 'year': return `${point.year}`;
        case 'now': return 'now (the plan\'s date)';
        default: return sourceText(point);
    }
}

