/**
 * What the workspace already declares: bodies (by official name and aliases) and documents (by
 * number-symbol), with their namespaces; and the additions the draft needs, declared once each.
 */
import * as path from 'node:path';
import { loadWorkspace } from '../workspace/load.js';
import { findWorkspaceRoot, isMarkedRoot, listPlanFiles } from '../workspace/roots.js';
import type { Model } from '../language/generated/ast.js';
import { isAgency, isDocument, isGroup, isPlan } from '../language/generated/ast.js';
import { foldForSearch } from '../language/fold.js';
import { numberKey } from '../semantics/documents.js';
import { quote } from './emit.js';

export interface KnownBody {
    id: string;
    namespace?: string;
    /** Official name and aliases, as declared (NFC). */
    names: string[];
    group: boolean;
    /** Declared by the import (not in the workspace). */
    added?: boolean;
}

export interface KnownDocument {
    id: string;
    namespace?: string;
    number?: string;
    /** A document known by its name (a law without a number): its name, and its date or year. */
    name?: string;
    when?: string;
    added?: boolean;
}

export class Registry {
    readonly bodies: KnownBody[] = [];
    readonly documents: KnownDocument[] = [];
    /** Namespace name → its title ("CaMau" → "Tỉnh Cà Mau"). */
    readonly namespaces = new Map<string, string | undefined>();
    /** Namespaces of the files in the folder given itself (not the rest of its workspace). */
    readonly localNamespaces = new Set<string>();
    /** The draft's namespace, once chosen. */
    namespace: string | undefined;
    /** Declarations the workspace lacks, in order of first use. */
    readonly additions: string[] = [];
    private readonly ids = new Set<string>();

    /** Bodies the draft may name: its own namespace's, the national ones and its own additions. */
    visibleBodies(): KnownBody[] {
        return this.bodies.filter(b => b.namespace === undefined || b.namespace === this.namespace);
    }

    ref(item: { id: string; namespace?: string }): string {
        return item.namespace && item.namespace !== this.namespace ? `${item.namespace}.${item.id}` : item.id;
    }

    documentByNumber(number: string): KnownDocument | undefined {
        const key = numberKey(number);
        const candidates = this.documents.filter(d => d.number !== undefined && numberKey(d.number) === key
            && (d.namespace === undefined || d.namespace === this.namespace));
        return candidates.find(d => d.namespace === this.namespace) ?? candidates[0];
    }

    /**
     * A document known by its name and date or year ("Luật Tổ chức chính quyền địa phương" of
     * 19/6/2015), compared ignoring diacritics and case; the year alone matches a full date.
     */
    documentByName(name: string, when: string | undefined): KnownDocument | undefined {
        const key = foldForSearch(name);
        const year = when?.split('/').at(-1);
        return this.documents.find(d => d.name !== undefined && foldForSearch(d.name) === key
            && (d.namespace === undefined || d.namespace === this.namespace)
            && (when === undefined || d.when === undefined || d.when === when || d.when.split('/').at(-1) === year));
    }

    /** A fresh id from `base` (letters, digits and `_` only), unique in the workspace and the draft. */
    freshId(base: string): string {
        let id = foldForSearch(base).toUpperCase().replace(/[^A-Z0-9]+/g, '_').replace(/^_+|_+$/g, '');
        if (!/^[A-Z_]/.test(id)) {
            id = `X_${id}`;
        }
        id = id.slice(0, 40) || 'X';
        let candidate = id;
        for (let i = 2; this.ids.has(candidate); i++) {
            candidate = `${id}_${i}`;
        }
        this.ids.add(candidate);
        return candidate;
    }

    reserve(id: string): void {
        this.ids.add(id);
    }

    /** Declares a body the workspace lacks, with its name as printed. */
    addBody(name: string): KnownBody {
        const group = /^(các|những)\s/iu.test(name) || /\scác\s/u.test(name);
        const body: KnownBody = { id: this.freshId(bodyIdBase(name)), namespace: this.namespace, names: [name], group, added: true };
        this.bodies.push(body);
        this.additions.push(`${group ? 'nhóm' : 'cơ quan'} ${body.id} ${quote(name)}  // nhập / imported: chưa có trong sổ đăng ký (not in the registry)`);
        return body;
    }

    addDocument(doc: { kind: string; number?: string; date?: string; year?: string; issuer?: string; summary?: string }): KnownDocument {
        const base = doc.number ? `VB_${doc.number}` : `VB_${initials(doc.summary ?? doc.kind)}_${doc.date ?? doc.year ?? ''}`;
        const known: KnownDocument = { id: this.freshId(base), namespace: this.namespace, number: doc.number, name: doc.summary, when: doc.date ?? doc.year, added: true };
        this.documents.push(known);
        const parts = [`văn bản ${known.id} ${doc.kind}`];
        if (doc.number) {
            parts.push(`số ${quote(doc.number)}`);
        }
        if (doc.date) {
            parts.push(`ngày ${doc.date}`);
        } else if (doc.year) {
            parts.push(`năm ${doc.year}`);
        }
        if (doc.issuer) {
            parts.push(`của ${doc.issuer}`);
        }
        if (doc.summary) {
            parts.push(quote(doc.summary));
        }
        this.additions.push(`${parts.join(' ')}  // nhập / imported`);
        return known;
    }
}

/** Bodies written by their usual abbreviation in ids ("UBND_TINH", "MTTQ_TINH", "CA_TINH"). */
const HEADS: Array<[RegExp, string]> = [
    [/^uy ban nhan dan\b/, 'UBND'],
    [/^hoi dong nhan dan\b/, 'HDND'],
    [/^uy ban mat tran to quoc(?: viet nam)?\b/, 'MTTQ'],
    [/^cong an\b/, 'CA'],
    [/^ban chi dao\b/, 'BCD'],
];
/** Where a body is, when that is all that follows its head ("Ủy ban nhân dân tỉnh" → "UBND_TINH"). */
const LEVELS = new Set(['tinh', 'huyen', 'xa', 'phuong', 'quan', 'thi', 'thanh']);

/**
 * An id for a body the import declares, as drafters write them: "Sở Tài chính" → "SO_TC", "Sở Thông
 * tin và Truyền thông" → "SO_TTTT", "Ủy ban nhân dân tỉnh" → "UBND_TINH", "Ủy ban nhân dân các huyện,
 * thị xã, thành phố" → "UBND_HUYEN", "Công an tỉnh" → "CA_TINH".
 */
function bodyIdBase(name: string): string {
    const folded = foldForSearch(name).replace(/[^a-z0-9]+/g, ' ').trim();
    const head = HEADS.find(([pattern]) => pattern.test(folded));
    if (!head) {
        return initials(name);
    }
    const rest = folded.replace(head[0], '').split(' ').filter(w => w !== '' && w !== 'cac' && w !== 'va');
    if (rest.length === 0) {
        return head[1];
    }
    if (!LEVELS.has(rest[0])) {
        return `${head[1]}_${rest.map(w => w[0]).join('').toUpperCase()}`;
    }
    // "thị xã", "thị trấn", "thành phố" are one level each.
    const level = rest[0] === 'thi' || rest[0] === 'thanh' ? rest.slice(0, 2).join('_') : rest[0];
    return `${head[1]}_${level.toUpperCase()}`;
}

/** "Sở Tài chính" → "SO_TC": the first word, then the initials of the others ("và", "các" left out). */
function initials(name: string): string {
    const words = foldForSearch(name).split(/[^a-z0-9]+/).filter(w => w !== '' && w !== 'va' && w !== 'cac');
    if (words.length === 0) {
        return 'CQ';
    }
    return [words[0], words.slice(1).map(w => w[0]).join('')].filter(w => w !== '').join('_');
}

/** The registry of the workspace at `folder` (every `.plan` file of it). */
export async function loadRegistry(folder: string | undefined): Promise<Registry> {
    const registry = new Registry();
    // A new project with no plan yet has an empty registry.
    if (!folder || listPlanFiles(path.resolve(folder), [], isMarkedRoot(findWorkspaceRoot(path.resolve(folder)))).length === 0) {
        return registry;
    }
    const loaded = await loadWorkspace([folder]);
    const requested = new Set(loaded.requested);
    for (const document of loaded.all) {
        const model = document.parseResult.value as Model;
        const namespace = model.namespace?.name;
        if (namespace) {
            registry.namespaces.set(namespace, model.namespace?.title);
            if (requested.has(document)) {
                registry.localNamespaces.add(namespace);
            }
        }
        for (const element of model.elements ?? []) {
            if (!element.name) {
                continue;
            }
            registry.reserve(element.name);
            if (isAgency(element) || isGroup(element)) {
                registry.bodies.push({
                    id: element.name, namespace, group: isGroup(element),
                    names: [element.officialName, ...(element.aliases ?? [])].filter((n): n is string => typeof n === 'string'),
                });
            } else if (isDocument(element) || isPlan(element)) {
                const when = isDocument(element) ? element.date ?? (element.year !== undefined ? String(element.year) : undefined) : element.date;
                const name = isDocument(element) ? element.summary : element.title;
                registry.documents.push({ id: element.name, namespace, number: element.number, name, when });
            }
        }
    }
    return registry;
}
