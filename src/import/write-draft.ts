/**
 * Writing the draft: blocks become `.plan` text, each recognised element recorded with the lines it
 * spans (so one that does not parse can fall back to prose), and the registry additions file.
 */
import * as path from 'node:path';
import { EmptyFileSystem } from 'langium';
import { createPlanspecServices } from '../language/planspec-module.js';
import type { ImportOptions } from './api.js';
import type { Block, Draft } from './draft.js';
import { IMPORTED, label, quote, REVIEW, Writer } from './emit.js';
import { recipientOf, signerOf } from './header.js';
import type { Registry } from './registry.js';

export function emit(draft: Draft, registry: Registry, options: ImportOptions, degraded: Set<number>): Writer {
    const w = new Writer();
    if (registry.namespace) {
        w.line(`phạm vi ${registry.namespace}`);
        w.line('');
    }
    w.line(`// Nhập từ / Imported from: ${options.sourceName ?? 'văn bản gốc (source text)'}, bằng / by planspec import.`);
    w.line(`// Các phần có "${IMPORTED.slice(3)}" do trình nhập nhận ra; "${REVIEW.slice(3)}" là chỗ cần người soạn xem lại.`);
    w.line('// Lines marked "imported" were recognised by the importer; "REVIEW" marks what the drafter must check.');
    if (draft.dropped.length > 0) {
        w.line(`// Đã bỏ nhiễu trang / page noise dropped: ${draft.dropped.slice(0, 6).map(d => JSON.stringify(d)).join(', ')}${draft.dropped.length > 6 ? ' …' : ''}`);
    }
    if (registry.additions.length > 0) {
        w.line('// Cơ quan, văn bản chưa có trong sổ đăng ký được khai báo trong tệp bổ sung (registry additions file).');
    }
    for (const note of draft.notes) {
        w.line(`${REVIEW} ${note}`);
    }
    w.line('');
    const instrument = draft.instrument;
    if (instrument) {
        w.open(`văn bản ${instrument.id} ${instrument.kind} ${instrument.clauses.join(' ')}`);
        clausesAsElements(w, instrument.inner, 2_000_000, degraded);
        emitBlocks(w, instrument.body, registry, degraded);
        emitTail(w, instrument.tail, registry);
        w.close();
        w.line('');
    }
    w.open(`${draft.kind} ${draft.id} ${quote(draft.title)}`);
    clausesAsElements(w, draft.clauses, 1_000_000, degraded);
    w.line('');
    emitBlocks(w, draft.body, registry, degraded);
    emitTail(w, draft.tail, registry);
    for (const annex of draft.annexes) {
        w.open(`phụ lục ${annex.number ? `${quote(annex.number)} ` : ''}${quote(annex.heading)}  ${IMPORTED}`);
        emitBlocks(w, annex.body, registry, degraded);
        w.close();
    }
    w.close();
    return w;
}

/** Header clauses: one that does not parse becomes a review comment. */
function clausesAsElements(w: Writer, clauses: string[], base: number, degraded: Set<number>): void {
    clauses.forEach((clause, i) => {
        if (degraded.has(base + i)) {
            w.line(`${REVIEW} ${clause.replace(/\s+/g, ' ')}`);
        } else {
            w.element(base + i, () => w.line(clause));
        }
    });
}

function emitBlocks(w: Writer, list: Block[], registry: Registry, degraded: Set<number>): void {
    for (const block of list) {
        emitBlock(w, block, registry, degraded);
    }
}

function emitBlock(w: Writer, block: Block, registry: Registry, degraded: Set<number>): void {
    switch (block.t) {
        case 'para':
            if (block.review) {
                w.line(`${REVIEW} ${block.review.replace(/\s+/g, ' ')}`);
            }
            if (block.text !== '') {
                w.line(`${label(block.label)}${quote(block.text)}${block.cites?.length ? ` trích dẫn ${block.cites.join(', ')}  ${IMPORTED}` : ''}`);
            }
            return;
        case 'line':
            if (degraded.has(block.id)) {
                emitBlock(w, { ...block.fallback, review: block.fallback.t === 'para' ? block.fallback.review ?? 'không đọc được thành cấu trúc (could not be written as structure)' : undefined } as Block, registry, degraded);
                return;
            }
            w.element(block.id, () => block.text.split('\n').forEach(l => w.line(l)));
            return;
        case 'section':
            w.element(block.id, () => {
                if (degraded.has(block.id)) {
                    w.line(`${REVIEW} mục không viết được thành phần (heading kept as prose)`);
                    w.line(`${label(block.label)}${quote(block.heading)}`);
                    emitBlocks(w, block.children, registry, degraded);
                    return;
                }
                if (block.item) {
                    w.open(label(block.label).trim());
                    if (block.heading !== '') {
                        w.line(quote(block.heading));
                    }
                    emitBlocks(w, block.children, registry, degraded);
                    w.close();
                    return;
                }
                const number = block.label?.replace(/[.\-)–\s]+$/u, '') ?? '';
                const head = block.label && /^[\p{L}\p{N}.\-]+$/u.test(number) ? `phần ${quote(number)} ${quote(block.heading)}` : `phần ${quote(block.heading)}`;
                const to = block.mode && block.to.length > 0 ? ` ${block.mode} ${block.to.join(', ')}` : '';
                w.open(`${head}${to}${to ? `  ${IMPORTED}` : ''}`);
                emitBlocks(w, block.children, registry, degraded);
                w.close();
            });
            return;
        case 'task':
            w.element(block.id, () => {
                if (degraded.has(block.id)) {
                    w.line(`${REVIEW} nhiệm vụ không viết được thành cấu trúc (assignment kept as prose)`);
                    w.line(`${label(block.label)}${quote(block.text)}`);
                    emitBlocks(w, block.children, registry, degraded);
                    return;
                }
                const head = `${label(block.label)}${block.mode} ${quote(block.text)}${block.addressees.length > 0 ? ` cho ${block.addressees.join(', ')}` : ''}`;
                if (block.clauses.length === 0 && block.children.length === 0) {
                    w.line(`${head}  ${IMPORTED}`);
                    return;
                }
                w.open(`${head}  ${IMPORTED}`);
                for (const clause of block.clauses) {
                    w.line(clause);
                }
                emitBlocks(w, block.children, registry, degraded);
                w.close();
            });
    }
}

function emitTail(w: Writer, tail: string[], registry: Registry): void {
    if (tail.length === 0) {
        return;
    }
    const recipients: string[] = [];
    let i = 1;
    for (; i < tail.length; i++) {
        if (!/^[-+•–*]/u.test(tail[i])) {
            break;
        }
        const r = recipientOf(tail[i], registry);
        if (r) {
            recipients.push(r);
        }
    }
    const rest = tail.slice(i);
    if (recipients.length > 0) {
        w.line(`nơi nhận ${recipients.join(',\n        ')}  ${IMPORTED}`);
    }
    // The signature block: authority and position in capitals, the name last (one or several lines).
    const joined = rest.join(' ').replace(/\s+/g, ' ').trim();
    const signer = signerOf(joined) ?? signerOf(rest.slice(0, 3).join(' '));
    if (signer) {
        w.line(`${signer}  ${IMPORTED}`);
    } else if (rest.length > 0) {
        w.line(`${REVIEW} khối chữ ký chưa đọc được (signature block not read)`);
    }
    if (!signer) {
        for (const p of rest) {
            w.line(quote(p));
        }
    }
}

export function emitProseOnly(paragraphs: string[], registry: Registry, options: ImportOptions): Writer {
    const w = new Writer();
    if (registry.namespace) {
        w.line(`phạm vi ${registry.namespace}`);
    }
    w.line(`// Nhập từ / Imported from: ${options.sourceName ?? 'văn bản gốc (source text)'}`);
    w.line(`${REVIEW} chỉ giữ văn bản, không nhận ra cấu trúc (text kept as prose only)`);
    w.open(`kế hoạch ${registry.freshId('KH_NHAP')} ${quote(paragraphs[0] ?? '')}`);
    for (const p of paragraphs) {
        w.line(quote(p));
    }
    w.close();
    return w;
}

export function registryFile(registry: Registry, options: ImportOptions): string {
    let text = registryLines(registry, options).join('\n') + '\n';
    // A declaration that does not parse is left commented out, for the drafter to write.
    for (let attempt = 0; attempt < 100; attempt++) {
        const errors = syntaxErrorLines(text);
        if (errors.length === 0) {
            break;
        }
        const lines = text.split('\n');
        const at = Math.min(Math.max(errors[0], 1), lines.length) - 1;
        if (lines[at].startsWith('//')) {
            break;
        }
        lines[at] = `${REVIEW} ${lines[at]}`;
        text = lines.join('\n');
    }
    return text;
}

function registryLines(registry: Registry, options: ImportOptions): string[] {
    const lines: string[] = [];
    if (registry.namespace) {
        lines.push(`phạm vi ${registry.namespace}`, '');
    }
    lines.push(`// Bổ sung sổ đăng ký / Registry additions for ${options.sourceName ? path.basename(options.sourceName) : 'the imported plan'}: xem lại rồi chuyển vào co-quan.plan / van-ban.plan (review, then move them to the registry).`);
    lines.push(...registry.additions);
    return lines;
}

export function syntaxErrorLines(text: string): number[] {
    const result = parser().parse(text);
    const lines = [
        ...result.lexerErrors.map(e => e.line ?? 1),
        ...result.parserErrors.map(e => (Number.isFinite(e.token.startLine) ? e.token.startLine! : countLines(text))),
    ];
    return lines.sort((a, b) => a - b);
}

function countLines(text: string): number {
    return text.split('\n').length;
}

let cachedParser: ReturnType<typeof createPlanspecServices>['Planspec']['parser']['LangiumParser'] | undefined;
function parser(): NonNullable<typeof cachedParser> {
    cachedParser ??= createPlanspecServices(EmptyFileSystem).Planspec.parser.LangiumParser;
    return cachedParser;
}
