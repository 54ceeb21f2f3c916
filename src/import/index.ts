/**
 * The importer: an existing plan as text becomes a `.plan` draft (and registry additions) that
 * parses with no syntax error. Recognised: the header, the issuing or forwarding instrument, cited
 * documents, sections by their numbering, assignments, targets, timing, reports, phases, funding,
 * recipients and signer. Everything else stays verbatim as prose, in order. Each recognised element
 * carries `// nhập / imported`; what the importer is unsure of carries `// XEM LẠI / REVIEW: …`.
 */
import { foldForSearch } from '../language/fold.js';
import type { ImportNote, ImportOptions, ImportResult } from './api.js';
import { bodiesAt, bodyAt } from './agencies.js';
import { citationsIn, documentFor, summaryAfter } from './citations.js';
import { cooperatesWith, dutyOf, headingAddressees, leadsForItemsAfter, supportsForItemsAfter, supportsUnderHeading, supportsWithin } from './duties.js';
import { IMPORTED, label, quote, REVIEW } from './emit.js';
import { isCapitals, periodIn, readHeader, recipientOf, signerOf } from './header.js';
import type { KnownBody } from './registry.js';
import { loadRegistry, Registry } from './registry.js';
import { reportLines, reportsIn } from './reports.js';
import type { Item } from './structure.js';
import { buildTree, splitLabel } from './structure.js';
import { columnsOf, isRow, rowTask } from './tables.js';
import { targetsIn } from './targets.js';
import { normaliseText } from './text.js';
import type { Block, Draft, Instrument } from './draft.js';
import { emit, emitProseOnly, registryFile, syntaxErrorLines } from './write-draft.js';
import { onRequestIn, recurrenceIn, timingsIn } from './timing.js';

export type { ImportNote, ImportOptions, ImportResult } from './api.js';

const TITLE = /^(KẾ HOẠCH|NGHỊ QUYẾT|CHƯƠNG TRÌNH|ĐỀ ÁN|PHƯƠNG ÁN)(?:\s|$)/u;
const ANNEX = /^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:số\s+)?([IVX]+|\d+))?\s*[:.\-–]?\s*(.*)$/u;
function isAnnexHeading(p: string): boolean {
    return ANNEX.test(p) && isCapitals(p.slice(0, 8));
}
const INSTRUMENT_TITLE = /^(QUYẾT ĐỊNH)(?:\s|$)/u;

export async function importText(text: string, options: ImportOptions = {}): Promise<ImportResult> {
    const registry = await loadRegistry(options.workspace);
    const normalised = normaliseText(text);
    const ids = { next: 1 };
    chooseNamespace(registry, normalised.paragraphs.join('\n'));
    const draft = recognise(normalised.paragraphs, registry, ids);
    draft.dropped = normalised.dropped;
    const degraded = new Set<number>();
    let writer = emit(draft, registry, options, degraded);
    for (let attempt = 0; attempt < 200; attempt++) {
        const errors = syntaxErrorLines(writer.text());
        if (errors.length === 0) {
            break;
        }
        const span = writer.spans.filter(s => !degraded.has(s.id) && s.from <= errors[0] && errors[0] <= s.to)
            .sort((a, b) => (a.to - a.from) - (b.to - b.from))[0];
        if (!span) {
            // Nothing recognised is at fault: keep the text only, as prose.
            writer = emitProseOnly(normalised.paragraphs, registry, options);
            break;
        }
        degraded.add(span.id);
        writer = emit(draft, registry, options, degraded);
    }
    const notes: ImportNote[] = [];
    writer.lines.forEach((line, i) => {
        const at = line.indexOf(REVIEW);
        if (at >= 0) {
            notes.push({ line: i + 1, message: line.slice(at + 3).trim() });
        }
    });
    const registryText = registry.additions.length > 0 ? registryFile(registry, options) : undefined;
    return { plan: writer.text(), registry: registryText, notes };
}

/** A plan's or instrument's own number, date and place, as its header prints them. */
function identityClauses(header: Instrument['header']): string[] {
    const clauses: string[] = [];
    if (header.number) {
        clauses.push(`số ${quote(header.number)}`);
    }
    if (header.date) {
        clauses.push(`ngày ${header.date}`);
    }
    if (header.place) {
        clauses.push(`tại ${quote(header.place)}`);
    }
    return clauses;
}

function chooseNamespace(registry: Registry, text: string): void {
    // A province's own folder, given as the workspace, says which namespace the draft is in.
    if (registry.localNamespaces.size === 1 && registry.namespaces.size > 1) {
        registry.namespace = [...registry.localNamespaces][0];
        return;
    }
    const folded = foldForSearch(text);
    let best: { name: string; count: number } | undefined;
    for (const [name, title] of registry.namespaces) {
        // "Tỉnh Cà Mau" → "ca mau": the place named in the text.
        const place = foldForSearch(title ?? '').replace(/^(tinh|thanh pho|tp\.?)\s+/, '');
        if (place.length < 3) {
            continue;
        }
        // The only namespace of the workspace is the draft's.
        const count = folded.split(place).length - 1 + (registry.namespaces.size === 1 ? 1 : 0);
        if (count > 0 && (!best || count > best.count)) {
            best = { name, count };
        }
    }
    registry.namespace = best?.name ?? byBodiesNamed(registry, folded);
}

/**
 * A text that names no place: the namespace whose registry declares clearly more of the bodies the
 * text names (by official name or alias) than any other; none on a tie.
 */
function byBodiesNamed(registry: Registry, folded: string): string | undefined {
    const counts = new Map<string, number>();
    for (const body of registry.bodies) {
        if (!body.namespace) {
            continue;
        }
        const named = body.names.some(name => {
            const n = foldForSearch(name);
            return n.length >= 8 && new RegExp(`(^|[^a-z0-9])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`).test(folded);
        });
        if (named) {
            counts.set(body.namespace, (counts.get(body.namespace) ?? 0) + 1);
        }
    }
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1]);
    return ranked.length > 0 && ranked[0][1] >= 3 && (ranked.length === 1 || ranked[0][1] >= 1.5 * ranked[1][1]) ? ranked[0][0] : undefined;
}


// ---------------------------------------------------------------------------------------------
// Recognition

function recognise(paragraphs: string[], registry: Registry, ids: { next: number }): Draft {
    const titleAt = paragraphs.findIndex(p => TITLE.test(p));
    let start = 0;
    let instrument: Instrument | undefined;
    const notes: string[] = [];
    // An instrument before the plan: a decision that issues it, or a letter that forwards it.
    const receivedAt = paragraphs.findIndex((p, i) => /^Nơi nhận\s*:?/u.test(p) && (titleAt < 0 || i < titleAt));
    if (titleAt > 0 && receivedAt >= 0) {
        const decisionAt = paragraphs.slice(0, titleAt).findIndex(p => INSTRUMENT_TITLE.test(p));
        const letter = paragraphs.slice(0, titleAt).some(p => /^(V\/v|Kính gửi)/u.test(p));
        if (decisionAt >= 0 || letter) {
            const end = tailEnd(paragraphs, receivedAt, titleAt);
            instrument = readInstrument(paragraphs.slice(0, end), decisionAt >= 0 ? 'quyết định' : 'công văn', registry, ids);
            start = end;
        }
    }
    const headerEnd = titleAt >= 0 ? titleAt : start;
    const headerParagraphs = paragraphs.slice(start, headerEnd);
    const { header, used: headerUsed } = readHeader(headerParagraphs);
    // What the header holds besides what was read stays, as prose.
    const headerLeft = headerParagraphs.filter((p, i) => !headerUsed.has(i));
    let title = '';
    let kind = 'kế hoạch';
    let bodyStart = headerEnd;
    if (titleAt >= 0) {
        const m = TITLE.exec(paragraphs[titleAt])!;
        kind = m[1].toLowerCase();
        title = paragraphs[titleAt].slice(m[0].length).trim();
        bodyStart = titleAt + 1;
        // A title printed over several lines, in capitals.
        while (bodyStart < paragraphs.length && isCapitals(paragraphs[bodyStart]) && !/^[IVX\d]+[.\-]/u.test(paragraphs[bodyStart])
            && paragraphs[bodyStart].length < 300 && !/^(Số|Căn cứ|Thực hiện)/u.test(paragraphs[bodyStart])) {
            title = `${title} ${paragraphs[bodyStart]}`.trim();
            bodyStart++;
        }
        // "KẾ HOẠCH" alone, then its subject in ordinary letters ("Thực hiện Đề án …"), citing no number.
        if (title === '' && bodyStart < paragraphs.length && !splitLabel(paragraphs[bodyStart]).label
            && !/^(Căn cứ|Số)\s/u.test(paragraphs[bodyStart]) && !/[.;:,]$/u.test(paragraphs[bodyStart])
            && paragraphs[bodyStart].length < 300) {
            title = paragraphs[bodyStart];
            bodyStart++;
        }
        // "NGHỊ QUYẾT / Số 04-NQ/TU, ngày … của … về …": the number line is the header.
        if (bodyStart < paragraphs.length && /^Số\s/u.test(paragraphs[bodyStart])) {
            const more = readHeader([paragraphs[bodyStart]]).header;
            header.number ??= more.number;
            if (!header.date) {
                const d = /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(paragraphs[bodyStart]);
                if (d) {
                    header.date = `${Number(d[1])}/${Number(d[2])}/${d[3]}`;
                }
            }
            // "… của Ban Thường vụ Tỉnh ủy về tăng cường …": the issuer, and the subject as the title.
            const by = /\scủa\s+(.+?)\s+(về\s.+)$/u.exec(paragraphs[bodyStart]);
            if (by) {
                header.issuerText ??= by[1];
            }
            if (title === '') {
                title = by ? by[2] : paragraphs[bodyStart];
            }
            bodyStart++;
        }
    }
    if (title === '') {
        title = instrument?.title ?? '';
        notes.push('không nhận ra tiêu đề kế hoạch (no plan title recognised)');
    }
    const planReceived = paragraphs.findIndex((p, i) => i >= bodyStart && /^Nơi nhận\s*:?/u.test(p));
    const bodyEnd = planReceived >= 0 ? planReceived : paragraphs.length;
    const clauses = identityClauses(header);
    const period = periodIn(title);
    if (period) {
        clauses.push(`thời gian ${period}`);
    }
    if (instrument) {
        clauses.push(`${instrument.kind === 'công văn' ? 'chuyển bởi' : 'ban hành kèm theo'} ${instrument.id}`);
    }
    let bodyParagraphs = paragraphs.slice(bodyStart, bodyEnd);
    let tail = planReceived >= 0 ? paragraphs.slice(planReceived) : [];
    if (planReceived < 0) {
        // A recipients list printed without "Nơi nhận:": bullets after the closing "./." of the text.
        const closing = bodyParagraphs.findLastIndex(p => /\.\/\.\s*$/u.test(p));
        const after = bodyParagraphs.slice(closing + 1);
        if (closing >= 0 && after.length > 0 && after.every(p => /^[-+•–*]\s/u.test(p) || signerOf(p) !== undefined)) {
            tail = ['', ...after];
            bodyParagraphs = bodyParagraphs.slice(0, closing + 1);
            notes.push('danh sách nơi nhận in không có nhãn «Nơi nhận:» (a recipients list printed without its label)');
        }
    }
    // Annexes (phụ lục) follow the text, often after the signature.
    const annexParagraphs: string[] = [];
    const annexInBody = bodyParagraphs.findIndex(isAnnexHeading);
    if (annexInBody >= 0) {
        annexParagraphs.push(...bodyParagraphs.slice(annexInBody));
        bodyParagraphs = bodyParagraphs.slice(0, annexInBody);
    }
    const annexInTail = tail.findIndex(isAnnexHeading);
    if (annexInTail >= 0) {
        annexParagraphs.unshift(...tail.slice(annexInTail));
        tail = tail.slice(0, annexInTail);
    }
    // The basis and the documents implemented are those the opening paragraphs cite (before the first numbered part).
    const firstNumbered = bodyParagraphs.findIndex(p => splitLabel(p).label !== undefined);
    const preamble = firstNumbered >= 0 ? bodyParagraphs.slice(0, firstNumbered) : [];
    // The issuer: the header's, else the body that says, before the first part, that it issues the plan
    // ("Ủy ban nhân dân tỉnh ban hành Kế hoạch …", "UBND tỉnh xây dựng Kế hoạch …").
    const issuer = issuerOf(header.issuerText, registry) ?? preamble.map(p => issuerStatement(p, registry)).find(b => b !== undefined);
    if (header.issuerText && !issuerOf(header.issuerText, registry)) {
        // An issuer the registry does not know stays as printed.
        headerLeft.unshift(header.issuerText);
    }
    if (issuer) {
        const at = clauses.findIndex(c => /^(thời gian|ban hành kèm theo|chuyển bởi)\s/u.test(c));
        clauses.splice(at >= 0 ? at : clauses.length, 0, `của ${registry.ref(issuer)}`);
    }
    clauses.push(...basisClauses(firstNumbered >= 0 ? preamble : bodyParagraphs, registry));
    declareCitations(bodyParagraphs, registry);
    const idBase = `${kind === 'nghị quyết' ? 'NQ' : 'KH'}_${header.number?.split(/[/\-]/)[0] ?? 'NHAP'}`;
    return {
        kind, id: registry.freshId(idBase), title, clauses, instrument,
        // The opening paragraphs are the plan's preamble, never its duties.
        body: [
            ...headerLeft.map((p): Block => ({ t: 'para', text: p })),
            ...preamble.map((p): Block => ({ t: 'para', text: p, cites: namedCitations(p, registry) })),
            ...blocks(buildTree(bodyParagraphs.slice(preamble.length)), registry, ids, undefined),
        ],
        tail, dropped: [], notes,
        annexes: readAnnexes(annexParagraphs, registry, ids),
    };
}

function readAnnexes(paragraphs: string[], registry: Registry, ids: { next: number }): Draft['annexes'] {
    const annexes: Draft['annexes'] = [];
    let current: string[] | undefined;
    const flush = (): void => {
        if (current && current.length > 0) {
            const m = ANNEX.exec(current[0])!;
            let heading = m[2].trim();
            let from = 1;
            // "PHỤ LỤC I" then its heading in capitals.
            while (from < current.length && isCapitals(current[from]) && !isRow(current[from]) && !splitLabel(current[from]).label && current[from].length < 200) {
                heading = `${heading} ${current[from]}`.trim();
                from++;
            }
            annexes.push({ number: m[1], heading: heading || current[0], body: blocks(buildTree(current.slice(from)), registry, ids, undefined) });
        }
    };
    for (const p of paragraphs) {
        if (isAnnexHeading(p)) {
            flush();
            current = [p];
        } else {
            current?.push(p);
        }
    }
    flush();
    return annexes;
}

/** Where the recipients and signature block that begin at `received` end: the signer's name, or `limit`. */
function tailEnd(paragraphs: string[], received: number, limit: number): number {
    for (let i = received + 1; i < limit; i++) {
        if (signerOf(paragraphs[i]) || /^(?:\p{Lu}[\p{Ll}\p{M}]+\s?){2,5}$/u.test(paragraphs[i])) {
            // A place and date after the signer belong to the plan that follows.
            return i + 1;
        }
    }
    return limit;
}

function issuerStatement(paragraph: string, registry: Registry): KnownBody | undefined {
    for (const m of paragraph.matchAll(/(?:^|[,;]\s*)([^,;]{3,80}?)\s+(?:ban hành|xây dựng)\s+Kế hoạch/gu)) {
        const body = bodyAt(m[1].trim(), registry);
        if (body && body.end >= m[1].trim().length - 1) {
            return body.body;
        }
    }
    return undefined;
}

function issuerOf(text: string | undefined, registry: Registry): KnownBody | undefined {
    if (!text) {
        return undefined;
    }
    const body = bodyAt(text, registry);
    return body && body.end >= text.trim().length - 1 ? body.body : undefined;
}

/** Where an instrument's title is ("QUYẾT ĐỊNH …", "V/v …"): its header is what comes before. */
function titleAtOf(paragraphs: string[]): number {
    const at = paragraphs.findIndex(p => INSTRUMENT_TITLE.test(p) || /^V\/v/u.test(p));
    return at >= 0 ? at : Math.min(4, paragraphs.length);
}

function readInstrument(paragraphs: string[], kind: string, registry: Registry, ids: { next: number }): Instrument {
    const headerEnd = titleAtOf(paragraphs);
    const { header, used } = readHeader(paragraphs.slice(0, headerEnd));
    const titleAt = paragraphs.findIndex(p => INSTRUMENT_TITLE.test(p) || /^V\/v/u.test(p));
    let title = titleAt >= 0 ? paragraphs[titleAt].replace(INSTRUMENT_TITLE, '').replace(/^V\/v\s*/u, '').trim() : '';
    const received = paragraphs.findIndex(p => /^Nơi nhận\s*:?/u.test(p));
    let bodyFrom = titleAt >= 0 ? titleAt + 1 : 0;
    // "QUYẾT ĐỊNH" alone, then its subject ("Ban hành Kế hoạch …").
    if (title === '' && titleAt >= 0 && bodyFrom < paragraphs.length && !/^(Căn cứ|Theo đề nghị|Điều)\s/u.test(paragraphs[bodyFrom])
        && !/[.;:,]$/u.test(paragraphs[bodyFrom])) {
        title = paragraphs[bodyFrom];
        bodyFrom++;
    }
    const body = paragraphs.slice(bodyFrom, received >= 0 ? received : paragraphs.length);
    const clauses = identityClauses(header);
    const issuer = issuerOf(header.issuerText, registry);
    if (issuer) {
        clauses.push(`của ${registry.ref(issuer)}`);
    }
    const unknownIssuer = header.issuerText && !issuer ? [header.issuerText] : [];
    const base = `${kind === 'quyết định' ? 'QD' : 'CV'}_${header.number?.split(/[/\-]/)[0] ?? 'NHAP'}`;
    const id = registry.freshId(base);
    const inner = basisClauses(body, registry, true);
    declareCitations(body, registry);
    const blocksOut: Block[] = [...unknownIssuer, ...paragraphs.slice(0, headerEnd).filter((p, i) => !used.has(i))].map((p): Block => ({ t: 'para', text: p }));
    for (const p of body) {
        const addressed = /^Kính gửi\s*:\s*(.+?)\.?$/u.exec(p);
        if (addressed) {
            const to = addressed[1].split(/\s*;\s*/u).map(a => recipientOf(a, registry)).filter((a): a is string => a !== undefined);
            blocksOut.push({ t: 'line', id: ids.next++, text: `kính gửi ${to.join(', ')}  ${IMPORTED}`, fallback: { t: 'para', text: p } });
            continue;
        }
        const article = /^Điều\s+(\d+)\s*\.?\s*(.*)$/u.exec(p);
        if (/^QUYẾT ĐỊNH\s*:?$/u.test(p) || /^(CHỦ TỊCH|GIÁM ĐỐC)(?![\p{L}\p{M}\p{N}])[\p{Lu}\s]*$/u.test(p)) {
            blocksOut.push({ t: 'para', text: p });
        } else if (article && article[2]) {
            const line = `điều ${quote(article[1])} ${quote(article[2])}  ${IMPORTED}`;
            blocksOut.push({ t: 'line', id: ids.next++, text: line, fallback: { t: 'para', text: p } });
        } else {
            blocksOut.push(...blocks(buildTree([p]), registry, ids, undefined));
        }
    }
    return { kind, id, header, title, clauses: [...clauses, ...(title ? [quote(title)] : [])], inner, body: blocksOut, tail: received >= 0 ? paragraphs.slice(received) : [] };
}

/** `căn cứ` / `thực hiện` / `theo đề nghị` clauses from the paragraphs that open with them. */
function basisClauses(paragraphs: string[], registry: Registry, withProposals = false): string[] {
    const basis: string[] = [];
    const implement: string[] = [];
    const proposals: string[] = [];
    for (const p of paragraphs) {
        const opener = /^(Căn cứ|Thực hiện|Theo đề nghị)(?![\p{L}\p{M}\p{N}])/u.exec(p);
        if (!opener) {
            continue;
        }
        // Only the documents the clause opens with (before the first ";" of another clause).
        const cited = citationsIn(p, registry).filter(c => c.start < 60 || /^(Căn cứ|Thực hiện)/u.test(p));
        const first = cited[0];
        if (!first) {
            continue;
        }
        const doc = documentFor(first, registry, summaryAfter(p, first));
        const target = opener[1] === 'Căn cứ' ? basis : opener[1] === 'Thực hiện' ? implement : proposals;
        const ref = registry.ref(doc);
        if (!target.includes(ref)) {
            target.push(ref);
        }
    }
    return [
        ...(basis.length ? [`căn cứ ${basis.join(', ')}  ${IMPORTED}`] : []),
        ...(implement.length ? [`thực hiện ${implement.join(', ')}  ${IMPORTED}`] : []),
        ...(proposals.length && withProposals ? [`theo đề nghị ${proposals.join(', ')}  ${IMPORTED}`] : []),
    ];
}

/** Every document cited with its number in prose is declared (or found), so the prose links to it. */
function declareCitations(paragraphs: string[], registry: Registry): void {
    for (const p of paragraphs) {
        for (const cited of citationsIn(p, registry)) {
            if (cited.number) {
                documentFor(cited, registry, /^(Căn cứ|Thực hiện)/u.test(p) && cited.start < 20 ? summaryAfter(p, cited) : undefined);
            }
        }
    }
}

/**
 * "2. Bộ Chỉ huy Quân sự tỉnh Phối hợp với …": a heading naming a body whose text extraction put on
 * the heading's line. Split where the registry's name ends and a capitalised sentence begins.
 */
function splitBodyHeading(item: Item, registry: Registry): Item {
    if (!item.label || isBulletScheme(item.scheme)) {
        return item;
    }
    // "Đề nghị Bộ Tư lệnh Cảnh sát biển Vùng 4 Chỉ đạo …": a request's heading, the same way.
    const request = /^Đề nghị\s+/u.exec(item.text)?.[0] ?? '';
    const listed = bodiesAt(item.text.slice(request.length), registry);
    const end = request.length + listed.end;
    const rest = item.text.slice(end);
    if (listed.bodies.length === 0 || !/^\s+\p{Lu}\p{Ll}/u.test(rest) || bodyAt(rest.trim(), registry)) {
        return item;
    }
    return { ...item, text: item.text.slice(0, end).trim(), children: [{ text: rest.trim(), children: [] }, ...item.children] };
}

function isBulletScheme(scheme: string | undefined): boolean {
    return scheme?.startsWith('bullet') ?? false;
}

function blocks(items: Item[], registry: Registry, ids: { next: number }, addressees: KnownBody[] | undefined, mode = 'nhiệm vụ'): Block[] {
    const out: Block[] = [];
    let columns: ReturnType<typeof columnsOf>;
    // Cooperating units a lead-in ("… chủ trì, phối hợp với Y thực hiện các nhiệm vụ sau:") gives the items after it.
    let carried: KnownBody[] = [];
    let next: KnownBody[] | undefined;
    let from = 0;
    const settle = () => {
        for (const block of out.slice(from)) {
            carrySupports(block, carried, registry);
        }
        from = out.length;
        if (next) {
            carried = next;
            next = undefined;
        }
    };
    // Bodies a lead-in ("Chỉ đạo X chủ trì … sau:") hands the items after it.
    let scope = addressees;
    let handed: KnownBody[] | undefined;
    for (const original of items) {
        settle();
        if (handed) {
            scope = handed;
            HANDED.add(handed);
            handed = undefined;
        }
        const item = splitBodyHeading(original, registry);
        next = supportsForItemsAfter(item.text, registry);
        handed = item.children.length === 0 ? leadsForItemsAfter(item.text, registry) : undefined;
        if (item.children.length === 0 && !item.label && isRow(item.text)) {
            // A header row sets the columns of the rows after it; each row of a task table is a task.
            const header = columnsOf(item.text);
            if (header) {
                columns = header;
                out.push({ t: 'para', text: item.text });
                continue;
            }
            if (columns) {
                out.push(rowBlock(item.text, columns, registry, ids));
                continue;
            }
        } else {
            columns = undefined;
        }
        if (item.children.length > 0) {
            const to = headingAddressees(item.text, registry);
            const phase = phaseOf(item.text);
            const duty = to ? undefined : dutyOf(item.text, registry);
            // A duty (or, under a heading naming bodies, a sentence) with items of its own.
            if ((duty || scope && !isHeadingLike(item.text)) && !phase) {
                const task = leaf({ ...item, children: [] }, registry, ids, scope, mode)[0];
                if (task.t === 'task') {
                    // Numbered items are its sub-tasks (they inherit the lead); paragraphs without a
                    // number go on with the same duty.
                    const leads = duty?.leads ?? scope;
                    const childMode = duty ? (duty.mode === 'đề nghị' ? 'đề nghị' : 'nhiệm vụ') : mode;
                    const kinds = reportKinds(item, registry, leads ?? [], ids);
                    if (kinds) {
                        task.children = task.children.filter(b => !(b.t === 'line' && b.text.startsWith(`báo cáo ${quote(kinds.lead.text)}`)));
                    }
                    for (const child of item.children) {
                        const kind = kinds?.blocks.get(child);
                        if (kind) {
                            task.children.push(kind);
                            continue;
                        }
                        if (!child.label && child.children.length === 0 && timingsIn(child.text).includes('thường xuyên') && !task.clauses.includes('thường xuyên')) {
                            // "Xác định đây là nhiệm vụ thường xuyên …" in a paragraph that goes on with the duty.
                            task.clauses.push('thường xuyên');
                        }
                        task.children.push(...(child.label || child.children.length > 0
                            ? blocks([child], registry, ids, leads, childMode)
                            : [{ t: 'para', text: child.text, cites: namedCitations(child.text, registry) } as Block, ...taskExtras(child.text, registry, ids, leads ?? [])]));
                    }
                    out.push(task);
                    continue;
                }
            }
            const children = blocks(item.children, registry, ids, to?.bodies ?? scope, to ? (to.mode === 'đề nghị' ? 'đề nghị' : 'nhiệm vụ') : mode);
            if (phase) {
                out.push({ t: 'line', id: ids.next++, text: `${label(item.label)}giai đoạn ${quote(item.text)} ${phase}  ${IMPORTED}`, fallback: { t: 'para', label: item.label, text: item.text } });
                out.push(...children);
                continue;
            }
            // A numbered paragraph followed by more paragraphs is one item of several paragraphs;
            // the targets its first paragraph states come right after it, as for a one-paragraph item.
            const isItem = !to && !isHeadingLike(item.text) && label(item.label) !== '';
            out.push({
                item: isItem,
                t: 'section', id: ids.next++, label: item.label, heading: item.text,
                mode: to?.mode, to: to ? to.bodies.map(b => registry.ref(b)) : [],
                children: isItem ? [...targetLines(item.text, ids), ...children] : children,
            });
        } else {
            out.push(...leaf(item, registry, ids, scope, mode));
        }
    }
    settle();
    return out;
}

/**
 * "… báo cáo về UBND tỉnh (qua Công an tỉnh), cụ thể:" followed by items "Báo cáo 6 tháng: … gửi
 * trước ngày 20/6": each item is a report to the lead-in's recipients, with its own due date and the
 * lead-in's recurrence; the lead-in states no report of its own.
 */
function reportKinds(item: Item, registry: Registry, from: KnownBody[], ids: { next: number }): { lead: ReturnType<typeof reportsIn>[number]; blocks: Map<Item, Block> } | undefined {
    const lead = reportsIn(item.text, registry).find(r => /(?:cụ thể|như sau|gồm|sau)\s*:$/u.test(r.text));
    if (!lead) {
        return undefined;
    }
    const blocks = new Map<Item, Block>();
    for (const child of item.children) {
        if (child.children.length > 0 || !/^Báo cáo\s+[^:;.]{1,60}:/u.test(child.text)) {
            continue;
        }
        const clauses = timingsIn(child.text).filter(c => !/^thường xuyên/u.test(c));
        const recurrence = recurrenceIn(child.text, 'report') ?? lead.clauses.find(c => /^(hằng|định kỳ)/u.test(c));
        if (recurrence) {
            clauses.push(recurrence);
        }
        const report = { text: child.text, to: lead.to, via: lead.via, clauses };
        const text = reportLines(report, from, registry).join('\n');
        blocks.set(child, { t: 'line', id: ids.next++, text: `${label(child.label)}${text}`, fallback: { t: 'para', label: child.label, text: child.text } });
    }
    return blocks.size > 0 ? { lead, blocks } : undefined;
}

/** Tasks that name no cooperating unit of their own take those of the lead-in they follow. */
function carrySupports(block: Block, supports: KnownBody[], registry: Registry): void {
    if (supports.length === 0) {
        return;
    }
    if (block.t === 'task') {
        if (!block.clauses.some(c => c.startsWith('phối hợp'))) {
            block.clauses.push(`phối hợp ${supports.map(b => registry.ref(b)).join(', ')}`);
        }
    } else if (block.t === 'section') {
        for (const child of block.children) {
            carrySupports(child, supports, registry);
        }
    }
}

function rowBlock(row: string, columns: NonNullable<ReturnType<typeof columnsOf>>, registry: Registry, ids: { next: number }): Block {
    const task = rowTask(row, columns, registry);
    if (task.problem) {
        return { t: 'para', text: row, review: task.problem };
    }
    const clauses = [`chủ trì ${task.leads.map(b => registry.ref(b)).join(', ')}`];
    if (task.supports.length > 0) {
        clauses.push(`phối hợp ${task.supports.map(b => registry.ref(b)).join(', ')}`);
    }
    clauses.push(...task.clauses);
    return { t: 'task', id: ids.next++, label: task.label, mode: 'nhiệm vụ', text: task.text, addressees: [], clauses, children: [] };
}

// Lead lists a lead-in handed to the items after it (written out as "chủ trì", not left to the section).
const HANDED = new WeakSet<KnownBody[]>();

// The count bounds already read in this import (ids is one per import), so a restated bound is read once.
const COUNTS_SEEN = new WeakMap<object, Set<string>>();
function countsSeen(ids: { next: number }): Set<string> {
    let seen = COUNTS_SEEN.get(ids);
    if (!seen) {
        seen = new Set();
        COUNTS_SEEN.set(ids, seen);
    }
    return seen;
}

function targetLines(text: string, ids: { next: number }): Block[] {
    return targetsIn(text, countsSeen(ids)).map((t): Block => ({ t: 'line', id: ids.next++, text: `${t.plan}  ${IMPORTED}`, fallback: { t: 'para', text: '', review: `chỉ tiêu chưa đọc được (target not read): ${t.text}` } }));
}

/** A heading: short and with no full stop, or ending with ":". */
function isHeadingLike(text: string): boolean {
    return /:$/u.test(text) || text.length <= 120 && !/[.;]$/u.test(text);
}

/** Targets and reports a paragraph inside a task states. */
function taskExtras(text: string, registry: Registry, ids: { next: number }, leads: KnownBody[]): Block[] {
    return [
        ...targetLines(text, ids),
        ...reportsIn(text, registry).map((r): Block => ({ t: 'line', id: ids.next++, text: reportLines(r, leads, registry).join('\n'), fallback: { t: 'para', text: '', review: `báo cáo chưa đọc được (report not read): ${r.text}` } })),
    ];
}

function phaseOf(text: string): string | undefined {
    const m = /^Giai đoạn\s*(?:\d+|[IVX]+)?\s*[(:,\-–]?\s*(?:từ\s+)?(?:năm\s+)?(\d{4})\s*(?:-|–|đến(?:\s+năm)?)\s*(\d{4})/iu.exec(text);
    return m ? `từ ${m[1]} đến ${m[2]}` : undefined;
}

/**
 * Documents the text names without a number ("Luật Thi hành án hình sự năm 2019"), as `trích dẫn`
 * citations with the phrase as printed (those with a number link themselves).
 */
function namedCitations(text: string, registry: Registry): string[] {
    // The opening clauses are linked by `căn cứ`/`thực hiện` already.
    if (/^(Căn cứ|Thực hiện|Theo đề nghị)\s/u.test(text)) {
        return [];
    }
    return citationsIn(text, registry).filter(c => !c.number && c.summary).map(c => {
        const phrase = text.slice(c.start, c.end).replace(/[\s,;.]+$/u, '');
        return `${registry.ref(documentFor(c, registry))} (${quote(phrase)})`;
    }).filter((c, i, all) => all.indexOf(c) === i);
}

/** A sentence that opens with its time and goes on with what is done, naming no one ("Cuối năm 2020 tiến hành tổng kết …"). */
const TIMING_LED = /^(?:(?:Cuối|Đầu|Giữa|Hết|Trong|Trước)\s+(?:năm|quý|tháng)\s+[\dIVX]+(?:\s*\/\s*\d{4})?|Trước ngày\s+\d{1,2}\/\d{1,2}(?:\/\d{4})?)\s*,?\s+(?:tiến hành|tổ chức|thực hiện|hoàn thành|xây dựng|báo cáo|sơ kết|tổng kết)(?![\p{L}\p{M}])/u;

/**
 * An item's text cut where a sentence names a new subject ("Đảng ủy Công an tỉnh chủ trì …. Các cấp
 * ủy đảng, chính quyền … tổ chức quán triệt …"): each part is one body's duty. A sentence without a
 * subject of its own stays with the one before.
 */
function dutiesBySubject(text: string, first: KnownBody[], registry: Registry): string[] {
    const sentences = text.split(/(?<=[.])\s+(?=\p{Lu})/u);
    const parts: string[] = [];
    // The first sentence's subject is the item's own (its duty, already read).
    let leads: KnownBody[] | undefined = first;
    for (const [i, sentence] of sentences.entries()) {
        if (i === 0) {
            parts.push(sentence);
            continue;
        }
        if (TIMING_LED.test(sentence)) {
            parts.push(sentence);
            leads = undefined;
            continue;
        }
        const duty = dutyOf(sentence, registry);
        if (duty && (!leads || duty.leads.some(b => !leads!.includes(b)))) {
            parts.push(sentence);
            leads = duty.leads;
        } else {
            parts[parts.length - 1] += ` ${sentence}`;
        }
    }
    return parts;
}

function leaf(item: Item, registry: Registry, ids: { next: number }, addressees: KnownBody[] | undefined, inherited = 'nhiệm vụ', subjectless = false): Block[] {
    const cites = namedCitations(item.text, registry);
    const para: Block = { t: 'para', label: item.label, text: item.text, cites };
    const phase = phaseOf(item.text);
    if (phase) {
        return [{ t: 'line', id: ids.next++, text: `${label(item.label)}giai đoạn ${quote(item.text)} ${phase}  ${IMPORTED}`, fallback: para }];
    }
    if (/^Kinh phí(?![\p{L}\p{M}\p{N}])/u.test(item.text)) {
        return [{ t: 'line', id: ids.next++, text: `${label(item.label)}kinh phí ${quote(item.text)}  ${IMPORTED}`, fallback: para }];
    }
    const duty = dutyOf(item.text, registry);
    const parts = duty && !subjectless ? dutiesBySubject(item.text, duty.leads, registry) : [];
    if (parts.length > 1) {
        // One numbered item giving duties to different bodies, a sentence (or more) each.
        return [{ t: 'section', id: ids.next++, label: item.label, heading: '', to: [], item: true,
            children: parts.flatMap(text => leaf({ ...item, label: undefined, text }, registry, ids, addressees, inherited, TIMING_LED.test(text))) }];
    }
    if (subjectless && !duty) {
        // A duty whose sentence names no one: its lead is left unstated, never guessed.
        const timings = timingsIn(item.text);
        return [{ t: 'task', id: ids.next++, label: item.label, mode: 'nhiệm vụ', text: item.text, addressees: [], clauses: ['chủ trì không nêu', ...timings], children: [] }];
    }
    const targets = targetLines(item.text, ids);
    if (duty || addressees) {
        const clauses: string[] = [];
        let leads: KnownBody[] = addressees ?? [];
        let mode = inherited;
        let to: KnownBody[] = [];
        if (duty?.cooperatesWith && duty.cooperatesWith.length > 0) {
            leads = duty.leads;
            mode = duty.mode;
            to = duty.leads;
            clauses.push(`phối hợp với ${duty.cooperatesWith.map(b => registry.ref(b)).join(', ')}`);
        } else if (duty) {
            leads = duty.leads;
            mode = duty.mode;
            clauses.push(`chủ trì ${duty.leads.map(b => registry.ref(b)).join(', ')}`);
            const supports = duty.supports.length > 0 ? duty.supports : supportsWithin(item.text, registry).filter(b => !duty.leads.includes(b));
            if (supports.length > 0) {
                clauses.push(`phối hợp ${supports.map(b => registry.ref(b)).join(', ')}`);
            }
        } else {
            const withWhom = cooperatesWith(item.text, registry);
            const supported = supportsUnderHeading(item.text, registry);
            const within = supportsWithin(item.text, registry).filter(b => !leads.includes(b));
            if ((withWhom.bodies.length === 0 || withWhom.ownDuties) && addressees && HANDED.has(addressees)) {
                // The section's own body only directs: the lead a lead-in named is written out.
                clauses.push(`chủ trì ${addressees.map(b => registry.ref(b)).join(', ')}`);
            }
            if (withWhom.bodies.length > 0 && (!withWhom.ownDuties || leads.length === 0)) {
                clauses.push(`phối hợp với ${withWhom.bodies.map(b => registry.ref(b)).join(', ')}`);
            } else if (withWhom.bodies.length > 0) {
                const others = [...withWhom.bodies, ...within].filter((b, i, all) => !leads.includes(b) && all.indexOf(b) === i);
                if (others.length > 0) {
                    clauses.push(`phối hợp ${others.map(b => registry.ref(b)).join(', ')}`);
                }
            } else if (supported.length > 0 || (within.length > 0 && leads.length > 0)) {
                const all = [...supported, ...within].filter((b, i, every) => !leads.includes(b) && every.indexOf(b) === i);
                clauses.push(`phối hợp ${all.map(b => registry.ref(b)).join(', ')}`);
            }
        }
        const found = reportsIn(item.text, registry);
        // Timing stated in a report's sentence is the report's, not the task's.
        const own = found.reduce((text, r) => text.replace(r.text, ' '), item.text);
        clauses.push(...timingsIn(own));
        if (cites.length > 0) {
            clauses.push(`trích dẫn ${cites.join(', ')}`);
        }
        const recurrence = recurrenceIn(own);
        const reports = found.map((r): Block => ({ t: 'line', id: ids.next++, text: reportLines(r, leads, registry).join('\n'), fallback: { t: 'para', text: '', review: `báo cáo chưa đọc được (report not read): ${r.text}` } }));
        if (recurrence) {
            clauses.push(recurrence);
        }
        if (onRequestIn(own)) {
            clauses.push('hoặc đột xuất');
        }
        return [{ t: 'task', id: ids.next++, label: item.label, mode, text: item.text, addressees: to.map(b => registry.ref(b)), clauses, children: [...targets, ...reports] }];
    }
    if (/^(Giao|Đề nghị)\s/u.test(item.text)) {
        para.review = 'giao việc nhưng không nhận ra cơ quan nào (an assignment whose body was not recognised): viết nhiệm vụ/đề nghị với chủ trì';
    }
    // A report named with its recipient, in a paragraph that names no lead: who reports is left unsaid.
    const reports = reportsIn(item.text, registry).map((r): Block => ({ t: 'line', id: ids.next++, text: reportLines(r, [], registry).join('\n'), fallback: { t: 'para', text: '', review: `báo cáo chưa đọc được (report not read): ${r.text}` } }));
    return [para, ...targets, ...reports];
}

