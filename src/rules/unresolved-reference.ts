import type { AstNode, AstNodeDescription, LangiumDocument, Reference, ReferenceInfo } from 'langium';
import { AstUtils, UriUtils } from 'langium';
import type { Model } from '../language/generated/ast.js';
import { isAgency, isDocument, isGroup, isIndicator, isPlan, isTarget } from '../language/generated/ast.js';
import type { DocumentKind } from '../language/keywords.js';
import { documentKindLabel } from '../language/keywords.js';
import { namespaceOf, qualify } from '../language/planspec-scope.js';
import type { Fix, RuleContext } from '../linter/rule.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { edit, eol, lineIndent, quote } from '../linter/support/fixes.js';
import { forEachReference } from '../linter/support/references.js';
import type { Candidate } from '../linter/support/suggest.js';
import { closestCandidate } from '../linter/support/suggest.js';
import { PARTY_TYPES, STATE_TYPES, kindEnglish } from '../semantics/documents.js';
import { PLACEHOLDER_ID, isPlaceholderReference, placeholderText } from '../semantics/placeholders.js';
import { ownerOf } from '../semantics/structure.js';

const TYPE_LABELS: Record<string, string> = {
    Party: 'cơ quan hoặc nhóm (agency or group)',
    Citable: 'văn bản hoặc kế hoạch (document or plan)',
    Indicator: 'chỉ số (indicator)',
    Target: 'chỉ tiêu (target)',
};

/**
 * Suggestions are looked for this many distinct names per file, and declarations offered for this
 * many findings: a flood of unknown names stays fast, and its diagnostics small.
 */
const MAX_SUGGESTED_NAMES = 200;
const MAX_DECLARED = 100;

const ID = /^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u;

/** The kinds offered for a document whose id does not say its kind, most common first. */
const COMMON_KINDS: DocumentKind[] = ['law', 'decree', 'decision', 'directive', 'plan', 'circular', 'resolution', 'letter'];

/** The kinds a type abbreviation stands for, folded ("QD" → decision); "LUAT" → law. */
const KINDS_BY_ABBREVIATION = (() => {
    const map = new Map<string, DocumentKind[]>([['LUAT', ['law']]]);
    for (const table of [STATE_TYPES, PARTY_TYPES]) {
        for (const [kind, types] of Object.entries(table) as Array<[DocumentKind, readonly string[]]>) {
            for (const type of types) {
                const key = foldUpper(type);
                const kinds = map.get(key) ?? [];
                if (!kinds.includes(kind)) {
                    map.set(key, [...kinds, kind]);
                }
            }
        }
    }
    return map;
})();

function foldUpper(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'D').toUpperCase();
}

/** The command an editor runs after declaring a body or document, to ask for its official name. */
export const ASK_OFFICIAL_NAME = 'planspec.askOfficialName';

export default defineRule({
    meta: {
        id: 'unresolved-reference',
        category: 'documents',
        defaultSeverity: 'error',
        description: 'Tham chiếu tới cơ quan, văn bản hoặc chỉ tiêu chưa được khai báo / Reference to an undeclared agency, document or target',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        const candidatesByScope = new Map<AstNode | undefined, Map<string, Candidate[]>>();
        const suggested = new Map<string, Candidate | undefined>();
        // The registry of each namespace and sort, looked for once per file however many names are missing.
        const registries = new Map<string, Registry | undefined>();
        let declared = 0;
        return { '*': reportUnresolved };

        function reportUnresolved(node: AstNode): void {
            forEachReference(node, reportReference);
        }

        function reportReference(node: AstNode, ref: Reference, property: string, index: number | undefined): void {
            // A placeholder left by a quick fix is reported by unfilled-placeholder.
            if (ref.ref === undefined && ref.error !== undefined && ref.$refNode && !isPlaceholderReference(ref.$refText)) {
                // What AstUtils.streamReferences gives: `index` only for a reference held in a list.
                const info: ReferenceInfo = index === undefined ? { reference: ref, container: node, property } : { reference: ref, container: node, property, index };
                const type = context.services.shared.AstReflection.getReferenceType(info);
                const label = TYPE_LABELS[type] ?? type;
                const meant = didYouMean(suggestion(info, ref.$refText, type));
                context.report({
                    node,
                    range: ref.$refNode.range,
                    message: `Không tìm thấy ${label} '${ref.$refText}' trong không gian làm việc${meant.vi} / '${ref.$refText}' is not declared in the workspace${meant.en}`,
                    fixes: () => fixesFor(info, ref, type),
                });
            }
        }

        function fixesFor(info: ReferenceInfo, ref: Reference, type: string): Fix[] {
            const fixes: Fix[] = [];
            const closest = suggestion(info, ref.$refText, type);
            if (closest && ref.$refNode) {
                fixes.push({
                    title: `Sửa thành ${closest.name} / Change to ${closest.name}`,
                    edits: [{ range: ref.$refNode.range, newText: closest.name }],
                });
            }
            if (declared < MAX_DECLARED) {
                const declarationFixes = declarations(context, info.container, ref.$refText, type, registries);
                declared += declarationFixes.length > 0 ? 1 : 0;
                fixes.push(...declarationFixes);
            }
            return fixes;
        }

        function suggestion(info: ReferenceInfo, written: string, type: string): Candidate | undefined {
            const key = `${type}\u0000${written.normalize('NFC')}`;
            if (suggested.has(key)) {
                return suggested.get(key);
            }
            if (suggested.size >= MAX_SUGGESTED_NAMES) {
                return undefined;
            }
            const owner = ownerOf(info.container);
            let byType = candidatesByScope.get(owner);
            if (!byType) {
                byType = new Map();
                candidatesByScope.set(owner, byType);
            }
            // A qualified name ("DongNai.CA_TNH") is compared with qualified names.
            const qualified = written.includes('.');
            let candidates = byType.get(`${type}\u0000${qualified}`);
            if (!candidates) {
                candidates = candidatesOf(context, info, qualified);
                byType.set(`${type}\u0000${qualified}`, candidates);
            }
            const result = closestCandidate(written, candidates);
            suggested.set(key, result);
            return result;
        }
    },
});

/** "; có phải CA_TINH ("Công an tỉnh")?": the suggestion of the quick fix, said in the message too. */
function didYouMean(candidate: Candidate | undefined): { vi: string; en: string } {
    if (!candidate) {
        return { vi: '', en: '' };
    }
    const name = candidate.names()[0];
    const shown = name ? `${candidate.name} ("${name.length > 60 ? name.slice(0, 59) + '…' : name}")` : candidate.name;
    return { vi: `; có phải ${shown}?`, en: `; did you mean ${shown}?` };
}

/**
 * Every declaration the reference could name, once each, under the shortest name it can be written
 * by (its qualified name, for a qualified reference).
 */
function candidatesOf(context: RuleContext<unknown>, info: ReferenceInfo, qualified: boolean): Candidate[] {
    const byTarget = new Map<string, AstNodeDescription>();
    for (const description of context.services.references.ScopeProvider.getScope(info).getAllElements()) {
        const key = `${description.documentUri.toString()}#${description.path}`;
        const known = byTarget.get(key);
        const better = qualified
            ? description.name.includes('.') && (!known || !known.name.includes('.') || description.name.length < known.name.length)
            : !known || description.name.length < known.name.length;
        if (!known || better) {
            byTarget.set(key, description);
        }
    }
    return [...byTarget.values()].map(description => ({
        name: description.name,
        names: () => namesOf(context, description),
    }));
}

/** The official names a declaration goes by. */
function namesOf(context: RuleContext<unknown>, description: AstNodeDescription): string[] {
    let node = description.node;
    if (!node) {
        const document = context.services.shared.workspace.LangiumDocuments.getDocument(description.documentUri);
        node = document ? context.services.workspace.AstNodeLocator.getAstNode(document.parseResult.value, description.path) : undefined;
    }
    if (isAgency(node) || isGroup(node)) {
        return [node.officialName, ...node.aliases].filter((n): n is string => typeof n === 'string');
    }
    if (isDocument(node)) {
        return typeof node.summary === 'string' ? [node.summary] : [];
    }
    if (isPlan(node) || isTarget(node) || isIndicator(node)) {
        const text = isPlan(node) ? node.title : node.text;
        return typeof text === 'string' ? [text] : [];
    }
    return [];
}

/**
 * Fixes that declare a missing body or document in the registry of its namespace: the file of the
 * workspace with that `phạm vi` (none for national names) that already declares bodies (or
 * documents), a pure registry first. The official name is a placeholder that unfilled-placeholder
 * reports until someone writes it; a body's place in the hierarchy (`thuộc CẦN_ĐIỀN`) too, since
 * whether the issuer can direct it depends on it. Nothing is created when there is no such file.
 */
function declarations(context: RuleContext<unknown>, from: AstNode, written: string, type: string, registries: Map<string, Registry | undefined>): Fix[] {
    if (type !== 'Party' && type !== 'Citable') {
        return [];
    }
    const segments = written.normalize('NFC').split('.');
    if (!segments.every(s => ID.test(s))) {
        return [];
    }
    const id = segments[segments.length - 1];
    const namespace = segments.length > 1 ? segments.slice(0, -1).join('.') : namespaceOf(from);
    const uri = AstUtils.getDocument(from).uri;
    const index = context.services.references.WorkspaceIndex;
    if (index.declarationsNamed(uri, qualify(namespace, id)).length > 0 || (segments.length === 1 && index.declarationsNamed(uri, id).length > 0)) {
        // Declared, but as something else (a document named where a body is expected).
        return [];
    }
    const wanted = type === 'Party' ? (n: AstNode) => isAgency(n) || isGroup(n) : isDocument;
    const key = `${type}\u0000${namespace?.normalize('NFC') ?? ''}`;
    if (!registries.has(key)) {
        registries.set(key, registryOf(context, uri, namespace, wanted));
    }
    const registry = registries.get(key);
    if (!registry) {
        return [];
    }
    const { document, last } = registry;
    const text = document.textDocument.getText();
    const cst = last.$cstNode!;
    const lineEnd = text.indexOf('\n', cst.end);
    const at = lineEnd < 0 ? text.length : text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const english = /^(agency|group|document)\b/i.test(cst.text);
    const indent = lineIndent(text, cst.offset);
    const file = UriUtils.basename(document.uri);

    const declare = (title: string, head: string, placeholder: string, tail: string, what: 'agency' | 'document', kind?: DocumentKind): Fix => {
        const prefix = `${eol(text)}${indent}${head} `;
        const insertion = edit(document, at, at, `${prefix}${quote(placeholder)}${tail}`);
        // Where the placeholder will be once the declaration is in: the editor asks for the name there.
        const start = { line: insertion.range.start.line + 1, character: prefix.length - eol(text).length };
        const range = { start, end: { line: start.line, character: start.character + quote(placeholder).length } };
        return {
            title,
            edits: [{ ...insertion, uri: document.uri.toString() }],
            command: {
                title: 'Nhập tên chính thức / Enter the official name',
                command: ASK_OFFICIAL_NAME,
                arguments: [{ uri: document.uri.toString(), range, id, namespace, declaration: what, ...(kind ? { kind } : {}) }],
            },
        };
    };

    if (type === 'Party') {
        const head = english ? `agency ${id}` : `cơ quan ${id}`;
        const tail = english ? ` under ${PLACEHOLDER_ID}` : ` thuộc ${PLACEHOLDER_ID}`;
        return [declare(
            `Khai báo cơ quan ${id} trong ${file} (tên chính thức cần điền) / Declare agency ${id} in ${file} (official name to fill in)`,
            head, placeholderText('tên chính thức của cơ quan', 'official name of the body'), tail, 'agency')];
    }
    const prefix = foldUpper(/^[\p{L}]+/u.exec(id)?.[0] ?? '');
    const kinds = KINDS_BY_ABBREVIATION.get(prefix) ?? COMMON_KINDS;
    return kinds.map(kind => {
        const keyword = english ? kindEnglish(kind) : documentKindLabel[kind].toLowerCase();
        return declare(
            `Khai báo ${documentKindLabel[kind].toLowerCase()} ${id} trong ${file} (trích yếu cần điền) / Declare ${kindEnglish(kind)} ${id} in ${file} (title to fill in)`,
            `${english ? 'document' : 'văn bản'} ${id} ${keyword}`, placeholderText('trích yếu của văn bản', 'title of the document'), '', 'document', kind);
    });
}

interface Registry {
    document: LangiumDocument;
    /** Its last declaration of the sort wanted: the new one goes after it. */
    last: AstNode;
}

/** The registry file for a namespace in the workspace of `uri`, and its last declaration of the wanted sort. */
function registryOf(context: RuleContext<unknown>, uri: LangiumDocument['uri'], namespace: string | undefined,
    wanted: (node: AstNode) => boolean): Registry | undefined {
    const roots = context.services.workspace.Roots;
    const root = roots.rootOf(uri);
    const found: Array<{ document: LangiumDocument; last: AstNode; count: number; plans: boolean; uri: string }> = [];
    for (const document of context.services.shared.workspace.LangiumDocuments.all) {
        if (roots.rootOf(document.uri) !== root) {
            continue;
        }
        const model = document.parseResult.value as Model | undefined;
        if ((model?.namespace?.name?.normalize('NFC') ?? undefined) !== namespace?.normalize('NFC')) {
            continue;
        }
        const declared = (model?.elements ?? []).filter(e => wanted(e) && e.$cstNode);
        if (declared.length > 0) {
            found.push({
                document, last: declared[declared.length - 1], count: declared.length,
                plans: (model?.elements ?? []).some(isPlan), uri: document.uri.toString(),
            });
        }
    }
    found.sort((a, b) => Number(a.plans) - Number(b.plans) || b.count - a.count || (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    return found[0];
}
