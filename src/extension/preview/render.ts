/**
 * The preview webview's HTML, from the model the language server computes (`planspec/preview`):
 * three panels, the plan as printed (#document), who does what (#matrix) and when (#timeline).
 * Pure string building, no VS Code API, so that it can be tested and bundled alone.
 *
 * Security: every text from a plan is HTML-escaped; the page loads nothing (no remote or local
 * resource), and its Content-Security-Policy allows only the style and script elements carrying
 * the nonce. Inline style attributes are not allowed by that policy, so none are written: the
 * SVG is styled by classes too.
 */
import type {
    IsoDate, MatrixMark, MatrixRole, PartyRef, PreviewBlock, PreviewDocRef, PreviewModel, PreviewPhase, PreviewPlan, PreviewReport,
    PreviewSupport, PreviewTarget, PreviewTask, PreviewTiming, SourceRange, TimelineEvent
} from '../../ide/preview-json.js';

export interface RenderOptions {
    /** A fresh random value per page: only the elements carrying it may run or style. */
    nonce: string;
    /** The webview's own origin (`webview.cspSource`), allowed for images. */
    cspSource: string;
    /** The language of the preview's own labels; texts from the plan are shown as printed. Both by default. */
    language?: 'vi' | 'en' | 'both';
}

type Lang = NonNullable<RenderOptions['language']>;

/** The whole page. */
export function renderPreview(model: PreviewModel, options: RenderOptions): string {
    const t = labels(options.language ?? 'both');
    const title = model.plans.length > 0 ? model.plans.map(p => p.id).join(', ') : fileName(model.uri);
    return page(`${t('Xem trước', 'Preview')}: ${title}`, `${tabs(t)}<main id="content">${renderContent(model, options)}</main>`, options);
}

/** A page with a message only (loading, or the server could not answer). */
export function renderMessage(heading: string, message: string, options: RenderOptions): string {
    return page(heading, `<main id="content"><div class="message"><h1>${esc(heading)}</h1><p>${esc(message)}</p></div></main>`, options);
}

/** The three panels: what an `update` message replaces. */
export function renderContent(model: PreviewModel, options: Pick<RenderOptions, 'language'> = {}): string {
    const t = labels(options.language ?? 'both');
    const banner = problemsBanner(model, t);
    if (model.plans.length === 0) {
        const empty = `<p class="empty">${esc(t('Tệp này không có kế hoạch nào', 'This file holds no plan'))}</p>`;
        return `${banner}${['document', 'matrix', 'timeline'].map(id => `<section id="${id}" class="panel" role="tabpanel" aria-labelledby="tab-${id}">${empty}</section>`).join('')}`;
    }
    const several = model.plans.length > 1;
    const documentPanel = model.plans.map((plan, i) => documentOf(plan, i, t)).join('');
    const matrixPanel = model.plans.map((plan, i) => planWrap(plan, i, several, matrixOf(plan, t), t)).join('');
    const timelinePanel = model.plans.map((plan, i) => planWrap(plan, i, several, timelineOf(plan, t), t)).join('');
    return `${banner}`
        + `<section id="document" class="panel" role="tabpanel" aria-labelledby="tab-document">${documentPanel}</section>`
        + `<section id="matrix" class="panel" role="tabpanel" aria-labelledby="tab-matrix">${matrixPanel}</section>`
        + `<section id="timeline" class="panel" role="tabpanel" aria-labelledby="tab-timeline">${timelinePanel}</section>`;
}

// -------------------------------------------------------------------------------------------------
// Page

function page(title: string, body: string, options: RenderOptions): string {
    const nonce = attr(options.nonce);
    const csp = [
        "default-src 'none'",
        `style-src 'nonce-${options.nonce}'`,
        `script-src 'nonce-${options.nonce}'`,
        `img-src ${options.cspSource} data:`,
        `font-src ${options.cspSource}`,
    ].join('; ');
    const lang = options.language === 'en' ? 'en' : 'vi';
    return '<!DOCTYPE html>\n'
        + `<html lang="${lang}"><head><meta charset="utf-8">`
        + `<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">`
        + '<meta name="viewport" content="width=device-width, initial-scale=1">'
        + `<title>${esc(title)}</title><style nonce="${nonce}">${STYLE}</style></head>`
        + `<body>${body}<script nonce="${nonce}">${SCRIPT}</script></body></html>`;
}

function tabs(t: Labels): string {
    const tab = (id: string, vi: string, en: string, selected: boolean) =>
        `<button type="button" role="tab" id="tab-${id}" data-tab="${id}" aria-controls="${id}" aria-selected="${selected}">${esc(t(vi, en))}</button>`;
    return `<nav class="tabs" role="tablist">${tab('document', 'Văn bản', 'Document', true)}${tab('matrix', 'Ma trận trách nhiệm', 'Responsibility matrix', false)}${tab('timeline', 'Tiến độ', 'Timeline', false)}</nav>`;
}

function problemsBanner(model: PreviewModel, t: Labels): string {
    const parts: string[] = [];
    const { syntax, errors } = model.problems;
    if (syntax > 0) {
        parts.push(t(`Tệp có ${syntax} lỗi cú pháp: bản xem trước chỉ gồm phần đọc được`, `The file has ${syntax} syntax error${syntax === 1 ? '' : 's'}: the preview shows what parses`));
    } else if (errors > 0) {
        parts.push(t(`Tệp có ${errors} lỗi`, `The file has ${errors} error${errors === 1 ? '' : 's'}`));
    }
    for (const plan of model.plans) {
        if (plan.error) parts.push(plan.error);
    }
    return parts.length > 0 ? `<div class="banner" role="status">${parts.map(p => `<p>${esc(p)}</p>`).join('')}</div>` : '';
}

function planWrap(plan: PreviewPlan, index: number, several: boolean, inner: string, t: Labels): string {
    const head = several ? `<h2 class="plan-name"${src(plan.range, t)}>${esc(plan.kindLabel)} ${esc(plan.title)}</h2>` : '';
    return `<div class="plan" data-plan="${index}">${head}${inner}</div>`;
}

// -------------------------------------------------------------------------------------------------
// The plan as printed

function documentOf(plan: PreviewPlan, index: number, t: Labels): string {
    const ctx: Context = { plan, t, tasks: new Map(plan.tasks.map(x => [x.key, x])), targets: new Map(plan.targets.map(x => [x.key, x])),
        reports: new Map(plan.reports.map(x => [x.key, x])), phases: new Map(plan.phases.map(x => [x.key, x])) };
    const instruments = plan.instruments.map(inst => {
        const role = inst.role === 'issuedWith' ? t('Ban hành kèm theo', 'Issued with') : t('Chuyển bởi', 'Forwarded by');
        const body = inst.body.length > 0 ? `<div class="instrument-body">${blocks(inst.body, ctx, 2)}</div>` : '';
        return `<details class="instrument"><summary><span class="tag">${esc(role)}</span> <span${src(inst.range, t)}>${esc(inst.label)}</span>`
            + `${inst.summary ? ` <span class="summary">${esc(inst.summary)}</span>` : ''}</summary>${body}</details>`;
    }).join('');
    return `<article class="plan plan-document" data-plan="${index}">${header(plan, t)}${instruments}<div class="body">${blocks(plan.body, ctx, 0)}</div></article>`;
}

function header(plan: PreviewPlan, t: Labels): string {
    const rows: Array<[string, string]> = [];
    const unstated = `<span class="unstated">${esc(t('không nêu', 'not stated'))}</span>`;
    rows.push([t('Số', 'Number'), plan.number ? esc(plan.number) : unstated]);
    const dateFrom = plan.dateFrom === 'issuedWith' ? ` <span class="note">(${esc(t('ngày của văn bản ban hành', 'the date of the issuing document'))})</span>` : '';
    rows.push([t('Ngày', 'Date'), plan.date ? `${esc(formatIso(plan.date))}${dateFrom}` : unstated]);
    if (plan.place) rows.push([t('Tại', 'Place'), esc(plan.place)]);
    rows.push([t('Cơ quan ban hành', 'Issuer'), plan.issuer ? party(plan.issuer) : unstated]);
    if (plan.period) {
        const days = plan.period.start && plan.period.end ? ` — ${esc(formatIso(plan.period.start))}–${esc(formatIso(plan.period.end))}` : '';
        const inferred = plan.period.inferred !== null ? ` <span class="note">(${esc(t('suy ra', 'inferred'))}: “${esc(plan.period.inferred)}”)</span>` : '';
        rows.push([t('Thời gian thực hiện', 'Period'), `“${esc(plan.period.text)}”${days}${inferred}`]);
    } else {
        rows.push([t('Thời gian thực hiện', 'Period'), unstated]);
    }
    const docs = (list: PreviewDocRef[]) => `<ul class="refs">${list.map(d => `<li${src(d.range, t)}>${esc(d.label)}${d.summary ? ` <span class="summary">${esc(d.summary)}</span>` : ''}</li>`).join('')}</ul>`;
    if (plan.basis.length > 0) rows.push([t('Căn cứ', 'Basis'), docs(plan.basis)]);
    if (plan.implements.length > 0) rows.push([t('Thực hiện', 'Implements'), docs(plan.implements)]);
    if (plan.signer) {
        const from = plan.signerFrom && plan.signerFrom !== 'own' ? ` <span class="note">(${esc(t('của văn bản ban hành', 'of the issuing document'))})</span>` : '';
        rows.push([t('Người ký', 'Signed by'), `${esc(plan.signer)}${from}`]);
    }
    const counts = t(
        `${plan.tasks.length} nhiệm vụ, ${plan.targets.length} chỉ tiêu, ${plan.reports.length} báo cáo, ${plan.phases.length} giai đoạn`,
        [count(plan.tasks.length, 'task'), count(plan.targets.length, 'target'), count(plan.reports.length, 'report'), count(plan.phases.length, 'phase')].join(', '));
    return `<header class="plan-head"><div class="kind">${esc(plan.kindLabel)} <code class="id">${esc(plan.id)}</code></div>`
        + `<h1 class="title"${src(plan.range, t)}>${esc(plan.title)}</h1>`
        + `<dl class="meta">${rows.map(([k, v]) => `<div><dt>${esc(k)}</dt><dd>${v}</dd></div>`).join('')}</dl>`
        + `<p class="counts">${esc(counts)}</p></header>`;
}

interface Context {
    plan: PreviewPlan;
    t: Labels;
    tasks: Map<string, PreviewTask>;
    targets: Map<string, PreviewTarget>;
    reports: Map<string, PreviewReport>;
    phases: Map<string, PreviewPhase>;
}

/** Deeper than this, items are drawn without further indentation (a hostile file nests 64 levels). */
const MAX_INDENT = 8;

function blocks(list: readonly PreviewBlock[], ctx: Context, depth: number): string {
    return list.map(b => block(b, ctx, depth)).join('');
}

function block(b: PreviewBlock, ctx: Context, depth: number): string {
    const { t } = ctx;
    const nested = Math.min(depth + 1, MAX_INDENT);
    switch (b.type) {
        case 'section': {
            const level = Math.min(2 + depth, 6);
            const number = b.number ?? b.label;
            const mode = b.addressees.length > 0
                ? ` <span class="chip mode-${b.mode ?? 'directed'}">${esc(b.mode === 'requested' ? t('đề nghị', 'requested') : t('giao', 'directed'))}: ${b.addressees.map(party).join(', ')}${b.separateRemits ? ` (${esc(t(...OWN_REMIT))})` : ''}</span>`
                : '';
            const head = number !== null || b.heading !== null
                ? `<h${level} class="sec-head"${src(b.range, t)}>${number !== null ? `<span class="num">${esc(number)}</span> ` : ''}${b.heading !== null ? `<span class="heading">${esc(b.heading)}</span>` : ''}${mode}</h${level}>`
                : '';
            return `<section class="sec">${head}<div class="sec-body">${blocks(b.items, ctx, nested)}</div></section>`;
        }
        case 'annex':
            return `<section class="sec annex"><h2 class="sec-head"${src(b.range, t)}><span class="tag">${esc(t('Phụ lục', 'Annex'))}</span> ${b.number !== null ? `<span class="num">${esc(b.number)}</span> ` : ''}<span class="heading">${esc(b.heading)}</span></h2><div class="sec-body">${blocks(b.items, ctx, nested)}</div></section>`;
        case 'article': {
            const executors = b.executors.length > 0 ? `<dl class="facts">${fact(t('Thi hành', 'Executed by'), b.executors.map(party).join(', '))}</dl>` : '';
            return `<div class="article"><p${src(b.range, t)}><span class="num">${esc(t('Điều', 'Article'))} ${esc(b.number)}.</span> ${esc(b.text)}</p>${executors}${blocks(b.items, ctx, nested)}</div>`;
        }
        case 'text': {
            const tag = TEXT_TAGS[b.kind];
            const label = b.label !== null ? `<span class="label">${esc(b.kind === 'footnote' ? `(${b.label})` : b.label)}</span> ` : '';
            const details = b.details.length > 0 ? `<ul class="sources">${b.details.map(d => `<li>${esc(d)}</li>`).join('')}</ul>` : '';
            return `<div class="para kind-${b.kind}"${src(b.range, t)}><p>${label}${tag ? `<span class="tag">${esc(t(tag[0], tag[1]))}</span> ` : ''}${esc(b.text)}</p>${details}</div>`;
        }
        case 'task': {
            const task = ctx.tasks.get(b.key);
            return task ? taskBlock(task, ctx, depth) : '';
        }
        case 'target': {
            const target = ctx.targets.get(b.key);
            return target ? targetBlock(target, t) : '';
        }
        case 'report': {
            const report = ctx.reports.get(b.key);
            return report ? reportBlock(report, t) : '';
        }
        case 'phase': {
            const phase = ctx.phases.get(b.key);
            return phase ? phaseBlock(phase, ctx, depth) : '';
        }
    }
}

const TEXT_TAGS: Record<string, [string, string] | undefined> = {
    objective: ['Mục tiêu', 'Objective'], scope: ['Phạm vi', 'Scope'], beneficiaries: ['Đối tượng', 'Beneficiaries'],
    funding: ['Kinh phí', 'Funding'], footnote: ['Chú thích', 'Footnote'],
};

/** `theo chức năng`: each body leads its own part, not one duty jointly. */
const OWN_REMIT: [string, string] = ['mỗi đơn vị theo chức năng, nhiệm vụ của mình', 'each in its own remit'];

const LEADS_FROM: Record<string, [string, string]> = {
    cooperatesWith: ['cơ quan mà bên được giao phối hợp với', 'the body the addressee cooperates with'],
    addressee: ['cơ quan được giao', 'the addressee'],
    task: ['kế thừa từ nhiệm vụ bao quanh', 'inherited from the enclosing task'],
    heading: ['kế thừa từ tiêu đề', 'inherited from the heading'],
};

function taskBlock(task: PreviewTask, ctx: Context, depth: number): string {
    const { t } = ctx;
    const facts: string[] = [];
    if (task.leads.length > 0) {
        const notes = [task.separateRemits ? t(...OWN_REMIT) : '', task.leadsFrom && LEADS_FROM[task.leadsFrom] ? t(...LEADS_FROM[task.leadsFrom]) : ''].filter(Boolean);
        const from = notes.length > 0 ? ` <span class="note">(${esc(notes.join('; '))})</span>` : '';
        facts.push(fact(t('Chủ trì', 'Lead'), `${task.leads.map(party).join(', ')}${from}`, task.leadsInherited ? 'inherited' : ''));
    } else if (task.leadUnstated) {
        facts.push(fact(t('Chủ trì', 'Lead'), `<span class="unstated">${esc(t('bản gốc không nêu', 'not stated in the original'))}</span>`));
    } else {
        facts.push(fact(t('Chủ trì', 'Lead'), `<span class="missing">${esc(t('chưa có', 'none'))}</span>`));
    }
    if (task.supports.length > 0) {
        const note = (s: PreviewSupport) => {
            const notes = [
                s.addressee ? t('cơ quan được giao, phối hợp với chủ trì', 'the addressee, cooperating with the lead') : '',
                s.inherited ? t('kế thừa', 'inherited') : '',
            ].filter(Boolean);
            return notes.length > 0 ? ` <span class="note">(${esc(notes.join('; '))})</span>` : '';
        };
        facts.push(fact(t('Phối hợp', 'Support'), task.supports.map(s => `${party(s)}${note(s)}`).join(', ')));
    }
    if (task.requested.length > 0) {
        facts.push(fact(t('Đồng thời đề nghị', 'Also requested'), task.requested.map(party).join(', ')));
    }
    facts.push(...timingFacts(task.timings, task.recurrence, task.dueDates, task.noDates, t));
    if (task.deliverables.length > 0) {
        facts.push(fact(t('Sản phẩm', 'Deliverables'), task.deliverables.map(esc).join('; ')));
    }
    const label = task.label !== null ? `<span class="label">${esc(task.label)}</span> ` : '';
    const mode = `<span class="chip mode-${task.mode}">${esc(task.mode === 'requested' ? t('đề nghị', 'requested') : t('giao', 'directed'))}</span>`;
    const id = task.name ? ` <code class="id">${esc(task.name)}</code>` : '';
    const children = task.items.length > 0 ? `<div class="children">${blocks(task.items, ctx, Math.min(depth + 1, MAX_INDENT))}</div>` : '';
    return `<div class="item task mode-${task.mode}" data-key="${attr(task.key)}"><p class="item-text"${src(task.range, t)}>${label}${esc(task.text)} ${mode}${id}</p>`
        + `<dl class="facts">${facts.join('')}</dl>${children}</div>`;
}

function targetBlock(target: PreviewTarget, t: Labels): string {
    const facts: string[] = [];
    const english = target.english ? `<p class="en" lang="en">${esc(target.english)}</p>` : '';
    facts.push(fact(t('Chịu trách nhiệm', 'Owner'), target.owners.length > 0 ? target.owners.map(party).join(', ')
        : `<span class="unstated">${esc(t('kế hoạch không giao cho cơ quan nào', 'the plan names no body'))}</span>`));
    const commitment = target.commitment === 'aspirational' ? t('phấn đấu', 'aspirational') : target.commitment === 'firm' ? t('bảo đảm', 'firm') : null;
    if (commitment) facts.push(fact(t('Cam kết', 'Commitment'), esc(commitment)));
    facts.push(...timingFacts(target.timings, null, target.dueDates, null, t));
    const label = target.label !== null ? `<span class="label">${esc(target.label)}</span> ` : '';
    const id = target.name ? ` <code class="id">${esc(target.name)}</code>` : '';
    return `<div class="item target" data-key="${attr(target.key)}"><p class="item-text"${src(target.range, t)}>${label}<span class="tag">${esc(t('Chỉ tiêu', 'Target'))}</span> ${esc(target.statement)}${id}</p>`
        + `${english}<dl class="facts">${facts.join('')}</dl></div>`;
}

function reportBlock(report: PreviewReport, t: Labels): string {
    const facts: string[] = [];
    if (report.reporters.length > 0) facts.push(fact(t('Cơ quan báo cáo', 'From'), report.reporters.map(party).join(', ')));
    if (report.recipients.length > 0) facts.push(fact(t('Gửi', 'To'), report.recipients.map(party).join(', ')));
    if (report.via) facts.push(fact(t('Qua', 'Via'), party(report.via)));
    if (report.preparedBy) facts.push(fact(t('Tham mưu', 'Prepared by'), party(report.preparedBy)));
    if (report.period) facts.push(fact(t('Kỳ báo cáo', 'Covering'), `“${esc(report.period)}”`));
    facts.push(...timingFacts(report.timings, report.recurrence, report.occurrences.map(o => o.due), report.noDates, t, t('Hạn gửi', 'Due')));
    const paragraphs = report.paragraphs.map(p => `<p class="report-para">${esc(p)}</p>`).join('');
    const label = report.label !== null ? `<span class="label">${esc(report.label)}</span> ` : '';
    const id = report.name ? ` <code class="id">${esc(report.name)}</code>` : '';
    return `<div class="item report" data-key="${attr(report.key)}"><p class="item-text"${src(report.range, t)}>${label}<span class="tag">${esc(t('Báo cáo', 'Report'))}</span> ${esc(report.title)}${id}</p>`
        + `<dl class="facts">${facts.join('')}</dl>${paragraphs}</div>`;
}

function phaseBlock(phase: PreviewPhase, ctx: Context, depth: number): string {
    const { t } = ctx;
    const days = phase.start && phase.end ? ` — ${esc(formatIso(phase.start))}–${esc(formatIso(phase.end))}` : '';
    const inferred = phase.inferred !== null ? ` <span class="note">(${esc(t('suy ra', 'inferred'))}: “${esc(phase.inferred)}”)</span>` : '';
    const label = phase.label !== null ? `<span class="label">${esc(phase.label)}</span> ` : '';
    const title = phase.title !== null ? `${esc(phase.title)} ` : '';
    const id = phase.name ? ` <code class="id">${esc(phase.name)}</code>` : '';
    const children = phase.items.length > 0 ? `<div class="children">${blocks(phase.items, ctx, Math.min(depth + 1, MAX_INDENT))}</div>` : '';
    return `<div class="item phase" data-key="${attr(phase.key)}"><p class="item-text"${src(phase.range, t)}>${label}<span class="tag">${esc(t('Giai đoạn', 'Phase'))}</span> ${title}<span class="when">“${esc(phase.period)}”${days}</span>${inferred}${id}</p>${children}</div>`;
}

function timingFacts(timings: PreviewTiming[], recurrence: string | null, dueDates: IsoDate[], noDates: string | null, t: Labels,
    title = t('Thời hạn', 'Timing')): string[] {
    const facts: string[] = [];
    if (timings.length > 0) {
        facts.push(fact(title, timings.map(x => `“${esc(x.text)}”${x.words ? ` — ${esc(x.words)}` : ''}`).join('; ')));
    }
    if (recurrence) facts.push(fact(t('Lặp lại', 'Recurs'), esc(recurrence)));
    // A single deadline's date is already in its words; the dates of a recurring duty are not.
    const recurring = recurrence !== null || timings.some(x => x.recurring);
    if (dueDates.length > 0 && recurring) {
        const shown = dueDates.slice(0, 12).map(formatIso).join(', ');
        const more = dueDates.length > 12 ? `, … (${dueDates.length} ${t('lần', 'times')})` : '';
        facts.push(fact(t('Các ngày đến hạn', 'Due dates'), esc(shown + more)));
    } else if (noDates) {
        facts.push(fact(t('Các ngày đến hạn', 'Due dates'), `<span class="unstated">${esc(noDates)}</span>`));
    }
    return facts;
}

function fact(term: string, html: string, cls = ''): string {
    return `<div${cls ? ` class="${cls}"` : ''}><dt>${esc(term)}</dt><dd>${html}</dd></div>`;
}

function party(p: PartyRef): string {
    return `<span class="party ${p.type}" title="${attr(p.id)}">${esc(p.name || p.id)}</span>`;
}

// -------------------------------------------------------------------------------------------------
// Who does what

const ROLE_LETTER: Record<MatrixRole, [string, string]> = { lead: ['L', 'L'], support: ['P', 'S'], requested: ['Đ', 'R'], reports: ['B', 'Rp'] };
const ROLE_NAME: Record<MatrixRole, [string, string]> = {
    lead: ['Chủ trì', 'Lead'], support: ['Phối hợp', 'Support'], requested: ['Đề nghị', 'Requested'], reports: ['Báo cáo', 'Reports'],
};
const ROLES: MatrixRole[] = ['lead', 'support', 'requested', 'reports'];

function matrixOf(plan: PreviewPlan, t: Labels): string {
    const { columns, rows } = plan.matrix;
    if (rows.length === 0 || columns.length === 0) {
        return `<p class="empty">${esc(t('Kế hoạch không giao nhiệm vụ hay báo cáo cho cơ quan nào', 'The plan gives no task or report to any body'))}</p>`;
    }
    // The letters are Vietnamese (L, P, Đ, B), as the legend says, unless the labels are English only.
    const letter = (role: MatrixRole) => (t('vi', 'en') === 'en' ? ROLE_LETTER[role][1] : ROLE_LETTER[role][0]);
    const legend = `<p class="legend">${ROLES.map(r => `<span class="mark ${r}">${esc(letter(r))}</span> ${esc(t(...ROLE_NAME[r]))}`).join(' · ')}`
        + ` · <span class="mark lead inherited">${esc(letter('lead'))}</span> ${esc(t('kế thừa từ nhiệm vụ hay tiêu đề bao quanh', 'inherited from the enclosing task or heading'))}`
        + ` · <span class="mark lead via">${esc(letter('lead'))}</span> ${esc(t('qua nhóm mà cơ quan là thành viên', 'through a group the body belongs to'))}`
        + ` · <i>${esc(t('cột in nghiêng: nhiệm vụ đề nghị (không giao)', 'italic column: a requested (not directed) task'))}</i></p>`;
    const tasks = columns.filter(c => c.kind === 'task').length;
    // Bullets share their path ("III.1"): the n-th of a repeated label is marked so.
    const seen = new Map<string, number>();
    const repeated = new Set(columns.map(c => c.label).filter((l, i, all) => all.indexOf(l) !== i));
    const names = columns.map(c => {
        const k = (seen.get(c.label) ?? 0) + 1;
        seen.set(c.label, k);
        return repeated.has(c.label) ? `${c.label} ·${k}` : c.label;
    });
    const reports = columns.length - tasks;
    const groupRow = `<tr class="groups"><th class="corner" rowspan="2">${esc(t('Cơ quan', 'Body'))}</th>`
        + ROLES.map((r, i) => `<th class="count-head r${i}" rowspan="2" title="${attr(t(...ROLE_NAME[r]))}">${esc(letter(r))}</th>`).join('')
        + (tasks > 0 ? `<th class="group-head" colspan="${tasks}">${esc(t('Nhiệm vụ', 'Tasks'))}</th>` : '')
        + (reports > 0 ? `<th class="group-head reports" colspan="${reports}">${esc(t('Báo cáo', 'Reports'))}</th>` : '') + '</tr>';
    const columnRow = `<tr class="columns">${columns.map((c, i) => {
        const tip = `${names[i]}${c.mode === 'requested' ? ` (${t('đề nghị', 'requested')})` : ''}: ${c.title}`;
        return `<th class="col ${c.kind}${c.mode === 'requested' ? ' requested' : ''}${i === tasks ? ' first-report' : ''}" title="${attr(tip)}"${src(c.range, t, false)}><span>${esc(names[i])}</span></th>`;
    }).join('')}</tr>`;
    const body = rows.map(row => {
        const byColumn = new Map<number, MatrixMark[]>();
        for (const m of row.marks) {
            const list = byColumn.get(m.column) ?? [];
            list.push(m);
            byColumn.set(m.column, list);
        }
        const counts = ROLES.map((r, i) => {
            const via = row.viaGroups[r] > 0 ? ` <span class="via-count" title="${attr(t('qua nhóm', 'through groups'))}">+${row.viaGroups[r]}</span>` : '';
            return `<td class="count r${i}${row.counts[r] === 0 && row.viaGroups[r] === 0 ? ' zero' : ''}" data-role="${r}">${row.counts[r]}${via}</td>`;
        }).join('');
        const cells = columns.map((c, i) => {
            const marks = byColumn.get(i) ?? [];
            const first = i === tasks ? ' first-report' : '';
            if (marks.length === 0) return `<td class="cell${first}"></td>`;
            const html = marks.map(m => {
                const notes = [m.inherited ? t('kế thừa', 'inherited') : '', m.via ? `${t('qua nhóm', 'through group')} ${m.via}` : ''].filter(Boolean).join(', ');
                const tip = `${t(...ROLE_NAME[m.role])}${notes ? ` (${notes})` : ''} — ${names[i]}`;
                return `<span class="mark ${m.role}${m.inherited ? ' inherited' : ''}${m.via ? ' via' : ''}" title="${attr(tip)}">${esc(letter(m.role))}</span>`;
            }).join('');
            return `<td class="cell${first}"${src(c.range, t, false)}>${html}</td>`;
        }).join('');
        const kind = row.party.type === 'group' ? ` <span class="kind-group">${esc(t('nhóm', 'group'))}</span>` : '';
        return `<tr data-party="${attr(row.party.id)}"><th class="agency" scope="row" title="${attr(row.party.id)}">${esc(row.party.name || row.party.id)}${kind}</th>${counts}${cells}</tr>`;
    }).join('');
    const summary = t(`${rows.length} cơ quan × ${tasks} nhiệm vụ, ${reports} báo cáo`,
        `${rows.length} ${rows.length === 1 ? 'body' : 'bodies'} × ${count(tasks, 'task')}, ${count(reports, 'report')}`);
    return `${legend}<p class="counts">${esc(summary)}</p><div class="matrix-wrap" tabindex="0"><table class="matrix"><thead>${groupRow}${columnRow}</thead><tbody>${body}</tbody></table></div>`;
}

// -------------------------------------------------------------------------------------------------
// When

const WIDTH = 980;
const LABEL_WIDTH = 300;
const X0 = LABEL_WIDTH + 16;
const X1 = WIDTH - 16;
const ROW = 22;
const AXIS_HEIGHT = 34;
/** Rows drawn at most; the rest are counted below the chart. */
const MAX_ROWS = 400;

interface Row {
    kind: 'heading' | 'period' | 'phase' | 'item';
    label: string;
    range: SourceRange | null;
    draw: (y: number) => string;
}

function timelineOf(plan: PreviewPlan, t: Labels): string {
    const tl = plan.timeline;
    const notes: string[] = [];
    if (!tl.period) {
        notes.push(plan.period
            ? t(`Không tính được ngày của thời gian “${plan.period.text}”`, `The days of the period “${plan.period.text}” cannot be computed`)
            : t('Kế hoạch không nêu thời gian thực hiện', 'The plan states no period'));
    } else if (tl.period.inferred !== null) {
        notes.push(t(`Thời gian của kế hoạch là suy ra: “${tl.period.inferred}”`, `The plan period is inferred: “${tl.period.inferred}”`));
    }
    const undated = tl.undated.length > 0
        ? `<h3>${esc(t('Không có ngày cụ thể', 'No concrete date'))}</h3><ul class="undated">${tl.undated.map(u => `<li${src(u.range, t)}><span class="tag">${esc(u.kind === 'task' ? t('Nhiệm vụ', 'Task') : u.kind === 'report' ? t('Báo cáo', 'Report') : t('Chỉ tiêu', 'Target'))}</span> ${esc(u.label)}: <span class="unstated">${esc(u.reason)}</span></li>`).join('')}</ul>`
        : '';
    const withoutTiming = tl.tasksWithoutTiming > 0
        ? `<p class="note">${esc(t(`${tl.tasksWithoutTiming} nhiệm vụ không nêu thời hạn (đến hết thời gian của kế hoạch)`, `${count(tl.tasksWithoutTiming, 'task')} state${tl.tasksWithoutTiming === 1 ? 's' : ''} no timing (by the end of the plan)`))}</p>`
        : '';
    const notesHtml = notes.map(n => `<p class="empty">${esc(n)}</p>`).join('');
    if (!tl.axis) {
        return `${notesHtml}<p class="empty">${esc(t('Không có mốc nào có ngày cụ thể để vẽ', 'No item has a concrete date to draw'))}</p>${undated}${withoutTiming}`;
    }
    if (!tl.period) {
        notes.push(t('Trục thời gian trải theo các mốc có ngày', 'The axis spans the dated items'));
    }
    return `${notes.map(n => `<p class="empty">${esc(n)}</p>`).join('')}${legendOf(t)}${svgOf(plan, t)}${undated}${withoutTiming}`;
}

function legendOf(t: Labels): string {
    const swatch = (cls: string, shape: string) => `<svg class="swatch" width="22" height="14" viewBox="0 0 22 14" aria-hidden="true"><g class="${cls}">${shape}</g></svg>`;
    const items = [
        [swatch('period', '<rect x="0" y="2" width="22" height="10"/>'), t('Thời gian kế hoạch', 'Plan period')],
        [swatch('phase', '<rect x="0" y="3" width="22" height="8" rx="2"/>'), t('Giai đoạn', 'Phase')],
        [swatch('deadline', `<path d="${diamond(11, 7, 5)}"/>`), t('Hạn nhiệm vụ', 'Task deadline')],
        [swatch('window', '<rect x="0" y="5" width="22" height="4"/>'), t('Khoảng thời gian được phép', 'Window of days allowed')],
        [swatch('start', `<path d="${triangleRight(11, 7, 5)}"/>`), t('Bắt đầu', 'Start')],
        [swatch('report', `<path d="${triangleDown(11, 7, 5)}"/>`), t('Hạn gửi báo cáo', 'Report due')],
        [swatch('target', `<circle cx="11" cy="7" r="5"/>`), t('Hạn chỉ tiêu', 'Target due')],
    ];
    return `<p class="legend timeline-legend">${items.map(([s, l]) => `<span class="legend-item">${s} ${esc(l)}</span>`).join(' ')}</p>`;
}

function svgOf(plan: PreviewPlan, t: Labels): string {
    const tl = plan.timeline;
    const axis = tl.axis!;
    // The axis covers whole years, so that year ticks frame the items.
    const from = dayNumber(`${axis.start.slice(0, 4)}-01-01`);
    const to = dayNumber(`${axis.end.slice(0, 4)}-12-31`) + 1;
    const x = (iso: string, end = false) => X0 + ((dayNumber(iso) + (end ? 1 : 0) - from) / (to - from)) * (X1 - X0);
    const rows: Row[] = [];
    if (tl.period) {
        const p = tl.period;
        rows.push({
            kind: 'period', label: t('Thời gian kế hoạch', 'Plan period'), range: plan.range,
            draw: y => `<rect class="period-bar" x="${n(x(p.start))}" y="${y + 5}" width="${n(Math.max(2, x(p.end, true) - x(p.start)))}" height="${ROW - 10}"><title>${esc(`${formatIso(p.start)}–${formatIso(p.end)}`)}</title></rect>`,
        });
    }
    if (tl.phases.length > 0) {
        rows.push(heading(t('Giai đoạn', 'Phases')));
        for (const ph of tl.phases) {
            rows.push({
                kind: 'phase', label: ph.label, range: ph.range,
                draw: y => `<g class="phase"><rect x="${n(x(ph.start))}" y="${y + 4}" width="${n(Math.max(2, x(ph.end, true) - x(ph.start)))}" height="${ROW - 8}" rx="3"><title>${esc(`${ph.label}: ${formatIso(ph.start)}–${formatIso(ph.end)}`)}</title></rect></g>`,
            });
        }
    }
    const byKey = (kinds: TimelineEvent['kind'][]) => {
        const groups = new Map<string, TimelineEvent[]>();
        for (const e of tl.events) {
            if (!kinds.includes(e.kind)) continue;
            const list = groups.get(e.key) ?? [];
            list.push(e);
            groups.set(e.key, list);
        }
        return [...groups.values()];
    };
    const itemRows = (title: string, groups: TimelineEvent[][]) => {
        if (groups.length === 0) return;
        rows.push(heading(title));
        for (const events of groups) {
            rows.push({ kind: 'item', label: events[0].label, range: events[0].range, draw: y => events.map(e => marker(e, y, x)).join('') });
        }
    };
    itemRows(t('Nhiệm vụ', 'Tasks'), byKey(['deadline', 'start']));
    itemRows(t('Báo cáo', 'Reports'), byKey(['report']));
    itemRows(t('Chỉ tiêu', 'Targets'), byKey(['target']));
    const shown = rows.slice(0, MAX_ROWS);
    const height = AXIS_HEIGHT + shown.length * ROW + 8;
    const grid = ticks(from, to, x, height);
    const band = tl.period
        ? `<rect class="period" x="${n(x(tl.period.start))}" y="${AXIS_HEIGHT - 4}" width="${n(Math.max(2, x(tl.period.end, true) - x(tl.period.start)))}" height="${height - AXIS_HEIGHT + 4}"/>`
        : '';
    const body = shown.map((row, i) => {
        const y = AXIS_HEIGHT + i * ROW;
        const label = row.kind === 'heading'
            ? `<text class="row-heading" x="4" y="${y + 15}">${esc(row.label)}</text>`
            : `<text class="row-label" x="12" y="${y + 15}">${esc(shorten(row.label, 44))}<title>${esc(row.label)}</title></text>`;
        const stripe = row.kind === 'heading' ? '' : `<rect class="row-bg" x="0" y="${y}" width="${WIDTH}" height="${ROW}"/>`;
        const attrs = row.kind !== 'heading' && row.range ? ` class="row" data-range="${rangeAttr(row.range)}" tabindex="0" role="button"` : ' class="row"';
        return `<g${attrs}>${stripe}${label}${row.kind === 'heading' ? '' : row.draw(y)}</g>`;
    }).join('');
    const more = rows.length > shown.length ? `<p class="note">${esc(t(`và ${rows.length - shown.length} dòng nữa`, `and ${rows.length - shown.length} more rows`))}</p>` : '';
    const title = t('Tiến độ của kế hoạch', 'Timeline of the plan');
    return `<div class="timeline-wrap"><svg class="timeline-svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="${attr(title)}">`
        + `<title>${esc(title)}</title>${band}${grid}${body}</svg></div>${more}`;
}

function heading(label: string): Row {
    return { kind: 'heading', label, range: null, draw: () => '' };
}

function marker(e: TimelineEvent, y: number, x: (iso: string, end?: boolean) => number): string {
    const cy = y + ROW / 2;
    const tip = `<title>${esc(`${e.text ? `“${e.text}” — ` : ''}${e.start ? `${formatIso(e.start)}–` : ''}${formatIso(e.date)}`)}</title>`;
    const window = e.start ? `<rect class="window" x="${n(x(e.start))}" y="${n(cy - 2)}" width="${n(Math.max(2, x(e.date, true) - x(e.start)))}" height="4"/>` : '';
    const at = e.kind === 'start' && !e.start ? x(e.date) : x(e.date, true);
    const shape = e.kind === 'report' ? `<path d="${triangleDown(at, cy, 6)}"/>`
        : e.kind === 'target' ? `<circle cx="${n(at)}" cy="${n(cy)}" r="5"/>`
            : e.kind === 'start' ? `<path d="${triangleRight(at, cy, 6)}"/>`
                : `<path d="${diamond(at, cy, 6)}"/>`;
    return `<g class="${e.kind}">${window}${shape}${tip}</g>`;
}

function ticks(from: number, to: number, x: (iso: string) => number, height: number): string {
    const first = yearOf(from);
    const last = yearOf(to - 1);
    const years = last - first + 1;
    const perYear = (X1 - X0) / years;
    const every = perYear >= 40 ? 1 : perYear >= 16 ? 5 : 10;
    const parts: string[] = [`<line class="axis" x1="${X0}" y1="${AXIS_HEIGHT - 4}" x2="${X1}" y2="${AXIS_HEIGHT - 4}"/>`];
    for (let year = first; year <= last + 1; year++) {
        const xs = x(`${year}-01-01`);
        parts.push(`<line class="tick-year" x1="${n(xs)}" y1="${AXIS_HEIGHT - 12}" x2="${n(xs)}" y2="${height}"/>`);
        if (year <= last && (year - first) % every === 0) {
            const mid = (xs + x(`${year + 1}-01-01`)) / 2;
            parts.push(`<text class="year" x="${n(every === 1 ? mid : xs + 3)}" y="${AXIS_HEIGHT - 14}"${every === 1 ? ' text-anchor="middle"' : ''}>${year}</text>`);
        }
        if (year <= last && perYear >= 100) {
            for (const month of ['04', '07', '10']) {
                const xq = x(`${year}-${month}-01`);
                parts.push(`<line class="tick-quarter" x1="${n(xq)}" y1="${AXIS_HEIGHT - 8}" x2="${n(xq)}" y2="${height}"/>`);
            }
            if (perYear >= 200) {
                for (const [q, month] of [['I', '01'], ['II', '04'], ['III', '07'], ['IV', '10']] as const) {
                    const start = x(`${year}-${month}-01`);
                    parts.push(`<text class="quarter" x="${n(start + perYear / 8)}" y="${AXIS_HEIGHT - 6}" text-anchor="middle">${q}</text>`);
                }
            }
        }
    }
    return parts.join('');
}

function diamond(cx: number, cy: number, r: number): string {
    return `M${n(cx)} ${n(cy - r)}L${n(cx + r)} ${n(cy)}L${n(cx)} ${n(cy + r)}L${n(cx - r)} ${n(cy)}Z`;
}

function triangleDown(cx: number, cy: number, r: number): string {
    return `M${n(cx - r)} ${n(cy - r)}L${n(cx + r)} ${n(cy - r)}L${n(cx)} ${n(cy + r)}Z`;
}

function triangleRight(cx: number, cy: number, r: number): string {
    return `M${n(cx)} ${n(cy - r)}L${n(cx + r * 1.6)} ${n(cy)}L${n(cx)} ${n(cy + r)}Z`;
}

// -------------------------------------------------------------------------------------------------
// Helpers

type Labels = (vi: string, en: string) => string;

/** "1 task", "3 tasks". */
function count(n: number, noun: string): string {
    return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function labels(language: Lang): Labels {
    return (vi, en) => (language === 'vi' ? vi : language === 'en' ? en : `${vi} / ${en}`);
}

/** Click-to-reveal attributes for an item with a source range. */
function src(range: SourceRange | null, t: Labels, focusable = true): string {
    if (!range) return '';
    const tip = focusable ? ` title="${attr(t('Nhấn để xem trong tệp nguồn', 'Click to reveal in the source'))}"` : '';
    return ` data-range="${rangeAttr(range)}"${focusable ? ' tabindex="0"' : ''}${tip}`;
}

function rangeAttr(range: SourceRange): string {
    return [range.start.line, range.start.character, range.end.line, range.end.character].map(v => (Number.isInteger(v) && v >= 0 ? v : 0)).join(',');
}

/** Escapes text for HTML content and attribute values. */
export function esc(text: string): string {
    return String(text).replace(/[&<>"']/g, c => ESCAPES[c]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

const attr = esc;

function n(value: number): string {
    return Number.isFinite(value) ? String(Math.round(value * 10) / 10) : '0';
}

function shorten(text: string, max: number): string {
    const s = text.replace(/\s+/g, ' ').trim();
    return s.length > max ? `${s.slice(0, max - 1).trimEnd()}…` : s;
}

/** Days since 1970-01-01 of an ISO date (UTC, so no time zone shifts a day). */
function dayNumber(iso: string): number {
    const [y, m, d] = iso.split('-').map(Number);
    return Math.round(Date.UTC(y, (m || 1) - 1, d || 1) / 86_400_000);
}

function yearOf(day: number): number {
    return new Date(day * 86_400_000).getUTCFullYear();
}

/** "2020-06-16" → "16/6/2020", as Vietnamese text writes a date. */
function formatIso(iso: string): string {
    const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
    return m ? `${Number(m[3])}/${Number(m[2])}/${m[1]}` : iso;
}

function fileName(uri: string): string {
    const last = uri.split('/').pop() ?? uri;
    try {
        return decodeURIComponent(last);
    } catch {
        return last;
    }
}

// -------------------------------------------------------------------------------------------------
// Style and script

const STYLE = `
:root { color-scheme: light dark; }
body { margin: 0; padding: 0 20px 40px; color: var(--vscode-editor-foreground, #1f1f1f); background: var(--vscode-editor-background, #ffffff);
  font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: var(--vscode-font-size, 13px); line-height: 1.5; }
.tabs { position: sticky; top: 0; z-index: 5; display: flex; gap: 2px; padding: 8px 0 0; background: var(--vscode-editor-background, #ffffff);
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
.tabs button { font: inherit; color: var(--vscode-foreground, inherit); background: transparent; border: 0; border-bottom: 2px solid transparent;
  padding: 6px 12px; cursor: pointer; opacity: .75; }
.tabs button[aria-selected="true"] { opacity: 1; border-bottom-color: var(--vscode-focusBorder, #007fd4); font-weight: 600; }
.tabs button:focus-visible, [data-range]:focus-visible { outline: 1px solid var(--vscode-focusBorder, #007fd4); outline-offset: 1px; }
.panel { padding-top: 12px; }
.panel[hidden] { display: none; }
.banner { margin: 10px 0 0; padding: 6px 10px; border-left: 3px solid var(--vscode-editorWarning-foreground, #bf8803);
  background: var(--vscode-inputValidation-warningBackground, rgba(191,136,3,.12)); }
.banner p { margin: 2px 0; }
.message { padding: 24px 0; }
.empty { opacity: .85; font-style: italic; }
.note { opacity: .75; font-size: .92em; }
.unstated { font-style: italic; opacity: .8; }
.missing { color: var(--vscode-editorWarning-foreground, #bf8803); font-style: italic; }
code.id { font-family: var(--vscode-editor-font-family, monospace); font-size: .85em; opacity: .7; }
[data-range] { cursor: pointer; border-radius: 3px; }
[data-range]:hover { background: var(--vscode-list-hoverBackground, rgba(128,128,128,.12)); }
.tag, .chip { display: inline-block; font-size: .78em; line-height: 1.4; padding: 0 6px; border-radius: 8px; vertical-align: 1px;
  background: var(--vscode-badge-background, #616161); color: var(--vscode-badge-foreground, #ffffff); white-space: nowrap; }
.chip { background: transparent; color: inherit; border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.5)); white-space: normal; }
.chip.mode-requested { border-color: var(--vscode-charts-yellow, #cca700); }
.plan-head { padding: 8px 0 12px; border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); margin-bottom: 12px; }
.plan-head .kind { text-transform: uppercase; letter-spacing: .05em; font-weight: 600; opacity: .8; }
.plan-head .title { font-size: 1.35em; margin: 4px 0 10px; line-height: 1.35; }
.plan-name { font-size: 1.1em; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.meta > div, dl.facts > div { display: contents; }
dl.meta dt, dl.facts dt { opacity: .75; }
dl.meta dd, dl.facts dd { margin: 0; }
ul.refs { margin: 0; padding-left: 18px; }
.summary { opacity: .75; }
.counts { opacity: .75; margin: 8px 0 0; }
.instrument { margin: 0 0 12px; padding: 4px 8px; border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); border-radius: 4px; }
.instrument summary { cursor: pointer; }
.sec-head { margin: 14px 0 6px; line-height: 1.35; }
h2.sec-head { font-size: 1.15em; } h3.sec-head { font-size: 1.05em; } h4.sec-head, h5.sec-head, h6.sec-head { font-size: 1em; }
.sec-head .num, .article .num { font-weight: 700; margin-right: 4px; }
.sec-body { padding-left: 14px; border-left: 1px solid var(--vscode-tree-indentGuidesStroke, rgba(128,128,128,.25)); }
.para p, .article p { margin: 4px 0; }
.label { font-weight: 600; margin-right: 2px; }
.item { margin: 6px 0 10px; padding: 4px 8px 4px 10px; border-left: 3px solid var(--vscode-charts-blue, #3794ff);
  background: var(--vscode-textBlockQuote-background, rgba(128,128,128,.06)); border-radius: 0 4px 4px 0; }
.item.mode-requested { border-left-color: var(--vscode-charts-yellow, #cca700); }
.item.target { border-left-color: var(--vscode-charts-green, #388a34); }
.item.report { border-left-color: var(--vscode-charts-purple, #b180d7); }
.item.phase { border-left-color: var(--vscode-charts-orange, #d18616); }
.item-text { margin: 2px 0 4px; }
dl.facts { display: grid; grid-template-columns: minmax(11em, max-content) 1fr; gap: 1px 12px; margin: 0 0 2px; font-size: .95em; }
dl.facts .inherited dd { font-style: italic; }
.item .en { margin: 0 0 4px; font-style: italic; opacity: .85; }
.children { margin-left: 8px; }
.report-para { margin: 4px 0; opacity: .9; }
.party.group { text-decoration: underline dotted; text-underline-offset: 3px; }
.legend { margin: 4px 0 8px; line-height: 2; }
.legend .mark { margin: 0 2px; }
.matrix-wrap { overflow: auto; max-height: calc(100vh - 150px); border: 1px solid var(--vscode-panel-border, rgba(128,128,128,.35)); }
table.matrix { border-collapse: separate; border-spacing: 0; font-size: .9em; }
table.matrix thead { position: sticky; top: 0; z-index: 3; }
table.matrix th, table.matrix td { border-right: 1px solid var(--vscode-panel-border, rgba(128,128,128,.2));
  border-bottom: 1px solid var(--vscode-panel-border, rgba(128,128,128,.2)); background: var(--vscode-editor-background, #ffffff); }
table.matrix thead th { background: var(--vscode-sideBar-background, var(--vscode-editor-background, #f3f3f3)); font-weight: 600; }
table.matrix .corner, table.matrix th.agency { position: sticky; left: 0; z-index: 2; text-align: left; box-sizing: border-box;
  width: 240px; min-width: 240px; max-width: 240px; padding: 3px 8px; font-weight: normal; }
table.matrix .count-head, table.matrix td.count { position: sticky; z-index: 2; box-sizing: border-box; width: 44px; min-width: 44px; max-width: 44px; }
table.matrix .r0 { left: 240px; } table.matrix .r1 { left: 284px; } table.matrix .r2 { left: 328px; } table.matrix .r3 { left: 372px; }
table.matrix .r3 { border-right: 2px solid var(--vscode-panel-border, rgba(128,128,128,.5)); }
table.matrix thead .corner { z-index: 4; font-weight: 600; vertical-align: bottom; }
table.matrix .group-head { text-align: left; padding: 2px 6px; }
table.matrix th.col { vertical-align: bottom; padding: 4px 0; min-width: 26px; height: 96px; }
table.matrix th.col span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; display: inline-block; max-height: 92px;
  overflow: hidden; text-overflow: ellipsis; font-weight: normal; font-size: .9em; }
table.matrix th.col.requested span { font-style: italic; }
table.matrix .first-report { border-left: 2px solid var(--vscode-charts-purple, #b180d7); }
table.matrix .count-head { vertical-align: bottom; z-index: 4; }
table.matrix td.count { text-align: right; padding: 0 4px; white-space: nowrap; font-variant-numeric: tabular-nums; }
table.matrix td.count.zero { color: var(--vscode-disabledForeground, rgba(128,128,128,.6)); }
table.matrix td.count[data-role="lead"] { font-weight: 600; }
.via-count { color: var(--vscode-descriptionForeground, rgba(128,128,128,.9)); font-size: .85em; }
table.matrix td.cell { text-align: center; padding: 1px; min-width: 26px; }
table.matrix tbody tr:hover th, table.matrix tbody tr:hover td { background: var(--vscode-list-hoverBackground, rgba(128,128,128,.12)); }
.kind-group { font-size: .8em; opacity: .65; }
.mark { display: inline-block; min-width: 16px; padding: 0 2px; border-radius: 3px; font-weight: 700; font-size: .85em; line-height: 16px; text-align: center;
  border: 1px solid transparent; }
.mark.lead { background: var(--vscode-charts-blue, #3794ff); color: var(--vscode-editor-background, #ffffff); }
.mark.support { background: var(--vscode-charts-green, #388a34); color: var(--vscode-editor-background, #ffffff); }
.mark.requested { background: var(--vscode-charts-yellow, #cca700); color: var(--vscode-editor-background, #ffffff); }
.mark.reports { background: var(--vscode-charts-purple, #b180d7); color: var(--vscode-editor-background, #ffffff); }
.mark.inherited { opacity: .55; font-style: italic; }
.mark.via { background: transparent; color: var(--vscode-editor-foreground, #1f1f1f); border: 1px dashed currentColor; }
.mark.via.lead { color: var(--vscode-charts-blue, #3794ff); }
.mark.via.support { color: var(--vscode-charts-green, #388a34); }
.mark.via.requested { color: var(--vscode-charts-yellow, #cca700); }
.mark.via.reports { color: var(--vscode-charts-purple, #b180d7); }
.timeline-legend .legend-item { white-space: nowrap; margin-right: 10px; }
.swatch { vertical-align: -2px; }
.timeline-wrap { overflow-x: auto; }
.timeline-svg { display: block; width: 100%; min-width: 760px; max-width: 980px; height: auto; font-family: var(--vscode-font-family, system-ui, sans-serif); font-size: 12px; }
.timeline-svg text { fill: var(--vscode-editor-foreground, #1f1f1f); }
.timeline-svg .row-heading { font-weight: 700; }
.timeline-svg .year { font-weight: 600; }
.timeline-svg .quarter { opacity: .6; font-size: 10px; }
.timeline-svg .axis { stroke: var(--vscode-editor-foreground, #1f1f1f); stroke-opacity: .6; }
.timeline-svg .tick-year { stroke: var(--vscode-editor-foreground, #1f1f1f); stroke-opacity: .25; }
.timeline-svg .tick-quarter { stroke: var(--vscode-editor-foreground, #1f1f1f); stroke-opacity: .1; stroke-dasharray: 2 3; }
.timeline-svg .row-bg { fill: transparent; }
.timeline-svg .row[data-range]:hover .row-bg, .timeline-svg .row[data-range]:focus .row-bg { fill: var(--vscode-list-hoverBackground, rgba(128,128,128,.12)); }
.timeline-svg .row[data-range]:focus { outline: none; }
.timeline-svg .row[data-range]:hover { background: none; }
rect.period, .period rect { fill: var(--vscode-charts-blue, #3794ff); fill-opacity: .08; }
.period-bar { fill: var(--vscode-charts-blue, #3794ff); fill-opacity: .35; }
.phase rect, .phase path { fill: var(--vscode-charts-orange, #d18616); fill-opacity: .8; }
.deadline path { fill: var(--vscode-charts-red, #e51400); }
.window, .deadline .window, .window rect { fill: var(--vscode-charts-red, #e51400); fill-opacity: .35; }
.start path { fill: var(--vscode-charts-yellow, #cca700); }
.start .window { fill: var(--vscode-charts-yellow, #cca700); fill-opacity: .4; }
.report path { fill: var(--vscode-charts-purple, #b180d7); }
.report .window { fill: var(--vscode-charts-purple, #b180d7); }
.target circle { fill: var(--vscode-charts-green, #388a34); }
ul.undated { padding-left: 18px; }
ul.undated li { margin: 3px 0; }
`.replace(/\n\s*/g, ' ').trim();

/**
 * Tabs, click-to-reveal (a click or Enter on an item with a source range posts `{ type: 'reveal',
 * range }`), and `{ type: 'update', html }` from the extension, which replaces the panels and keeps
 * the tab and scroll positions. The tab and scroll are also kept in the webview state, so a panel
 * reloaded after being hidden opens where it was; `{ type: 'ready' }` tells the extension it loaded.
 */
const SCRIPT = `(() => {
  const api = typeof acquireVsCodeApi === 'function' ? acquireVsCodeApi() : undefined;
  const state = (api && api.getState()) || {};
  const save = () => { if (api) api.setState(state); };
  const select = (tab, focus) => {
    if (!document.getElementById(tab)) tab = 'document';
    for (const b of document.querySelectorAll('[role="tab"]')) {
      const on = b.getAttribute('data-tab') === tab;
      b.setAttribute('aria-selected', String(on));
      b.tabIndex = on ? 0 : -1;
      if (on && focus) b.focus();
    }
    for (const p of document.querySelectorAll('.panel')) p.hidden = p.id !== tab;
    state.tab = tab;
    save();
  };
  const positions = () => ({ y: window.scrollY, x: window.scrollX,
    wraps: [...document.querySelectorAll('.matrix-wrap, .timeline-wrap')].map(w => [w.scrollLeft, w.scrollTop]) });
  const restore = (p) => {
    if (!p) return;
    window.scrollTo(p.x || 0, p.y || 0);
    document.querySelectorAll('.matrix-wrap, .timeline-wrap').forEach((w, i) => { const s = (p.wraps || [])[i]; if (s) { w.scrollLeft = s[0]; w.scrollTop = s[1]; } });
  };
  const reveal = (el) => {
    const r = (el.getAttribute('data-range') || '').split(',').map(Number);
    if (r.length !== 4 || !r.every(v => Number.isInteger(v) && v >= 0) || !api) return;
    api.postMessage({ type: 'reveal', range: { start: { line: r[0], character: r[1] }, end: { line: r[2], character: r[3] } } });
  };
  document.addEventListener('click', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    const tab = target.closest('[role="tab"]');
    if (tab) { select(tab.getAttribute('data-tab'), false); return; }
    if (String(window.getSelection() || '') !== '') return;
    const item = target.closest('[data-range]');
    if (item) reveal(item);
  });
  document.addEventListener('keydown', (e) => {
    const target = e.target instanceof Element ? e.target : null;
    if (!target) return;
    if (target.getAttribute('role') === 'tab' && (e.key === 'ArrowRight' || e.key === 'ArrowLeft')) {
      const all = [...document.querySelectorAll('[role="tab"]')];
      const next = all[(all.indexOf(target) + (e.key === 'ArrowRight' ? 1 : all.length - 1)) % all.length];
      select(next.getAttribute('data-tab'), true);
      e.preventDefault();
    } else if ((e.key === 'Enter' || e.key === ' ') && target.hasAttribute('data-range')) {
      reveal(target);
      e.preventDefault();
    }
  });
  let pending;
  const remember = () => { state.scroll = positions(); save(); };
  window.addEventListener('scroll', () => { clearTimeout(pending); pending = setTimeout(remember, 150); }, { passive: true });
  document.addEventListener('scroll', (e) => { if (e.target !== document) { clearTimeout(pending); pending = setTimeout(remember, 150); } }, { capture: true, passive: true });
  window.addEventListener('message', (e) => {
    const m = e.data;
    if (!m || m.type !== 'update' || typeof m.html !== 'string') return;
    const content = document.getElementById('content');
    if (!content) return;
    const p = positions();
    content.innerHTML = m.html;
    select(state.tab || 'document', false);
    restore(p);
    if (typeof m.title === 'string') document.title = m.title;
  });
  select(state.tab || 'document', false);
  restore(state.scroll);
  if (api) api.postMessage({ type: 'ready' });
})();`;
