import type { AstNode, LangiumDocument, LangiumDocuments } from 'langium';
import { AstUtils, DocumentCache, interruptAndCheck } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { LangiumSharedServices, WorkspaceSymbolProvider } from 'langium/lsp';
import type { Range, SymbolKind, WorkspaceSymbol, WorkspaceSymbolParams } from 'vscode-languageserver';
import type { Model } from '../language/generated/ast.js';
import { isArticle, isElement, isPhase, isReport, isTarget, isTask } from '../language/generated/ast.js';
import { searchScore } from '../language/fold.js';
import { qualify } from '../language/planspec-scope.js';
import { ownerOf } from '../semantics/structure.js';
import { firstWords, symbolOf } from './symbols.js';

interface Entry {
    name: string;
    kind: SymbolKind;
    uri: string;
    range: Range;
    containerName?: string;
    /** The ids it is found by: its own, and qualified with its namespace ("CaMau.CA_TINH"). */
    ids: string[];
    /** Official name, short names, title or text: found without diacritics ("cong an tinh"). */
    texts: string[];
    /** Declarations of the registries first, then named items of plans, then tasks without an id. */
    rank: number;
}

/** At most this many results: an empty query lists everything, and the editor asks on each keystroke. */
export const WORKSPACE_SYMBOL_LIMIT = 1000;

/**
 * Workspace symbols: every declaration (agencies, groups, documents, indicators, plans, and the
 * targets, reports, phases and articles with an id) and every task, with or without an id, in the
 * loaded workspace. A query matches an id, or a name, title or text typed without diacritics
 * (src/language/fold.ts `searchScore`); the best matches come first, and an id before a text.
 */
export class PlanspecWorkspaceSymbolProvider implements WorkspaceSymbolProvider {

    protected readonly documents: LangiumDocuments;
    protected readonly entriesCache: DocumentCache<string, Entry[]>;

    constructor(shared: LangiumSharedServices) {
        this.documents = shared.workspace.LangiumDocuments;
        this.entriesCache = new DocumentCache(shared);
    }

    async getSymbols(params: WorkspaceSymbolParams, cancelToken: CancellationToken = CancellationToken.None): Promise<WorkspaceSymbol[]> {
        const query = (params.query ?? '').normalize('NFC');
        const found: Array<{ entry: Entry; score: number; onId: boolean; length: number }> = [];
        for (const document of this.documents.all) {
            await interruptAndCheck(cancelToken);
            for (const entry of this.entries(document)) {
                const onId = bestMatch(query, entry.ids);
                const onText = bestMatch(query, entry.texts);
                const best = onId.score >= onText.score ? onId : onText;
                if (best.score > 0) {
                    found.push({ entry, score: best.score, onId: best === onId, length: best.length });
                }
            }
        }
        found.sort((a, b) => b.score - a.score
            || Number(b.onId) - Number(a.onId)
            || a.entry.rank - b.entry.rank
            || a.length - b.length
            || a.entry.name.localeCompare(b.entry.name, 'vi')
            || a.entry.uri.localeCompare(b.entry.uri)
            || a.entry.range.start.line - b.entry.range.start.line);
        return found.slice(0, WORKSPACE_SYMBOL_LIMIT).map(({ entry }) => ({
            name: entry.name,
            kind: entry.kind,
            containerName: entry.containerName,
            location: { uri: entry.uri, range: entry.range },
        }));
    }

    /** The symbols of one document, computed once per version of it. */
    protected entries(document: LangiumDocument): Entry[] {
        return this.entriesCache.get(document.uri, 'symbols', () => {
            const model = document.parseResult?.value as Model | undefined;
            if (!model) {
                return [];
            }
            const namespace = model.namespace?.name;
            const uri = document.uri.toString();
            const result: Entry[] = [];
            for (const node of AstUtils.streamAst(model)) {
                const rank = rankOf(node);
                const info = rank === undefined ? undefined : symbolOf(node);
                const range = info?.nameNode?.range ?? node.$cstNode?.range;
                if (rank === undefined || !info || !range) {
                    continue;
                }
                const ids = info.id ? [...new Set([info.id, qualify(isElement(node) ? namespace : undefined, info.id)])] : [];
                const owner = isElement(node) ? undefined : ownerOf(node.$container ?? node);
                const where = owner?.name ? qualify(namespace, owner.name) : namespace;
                // The text is the name of an item without an id; otherwise shown beside the id.
                const about = info.id ? firstWords(info.text) : undefined;
                result.push({
                    name: info.name, kind: info.kind, uri, range, ids, rank,
                    texts: [info.text, ...(info.aliases ?? [])].filter((t): t is string => t !== undefined && t !== ''),
                    containerName: [about, where].filter(s => s !== undefined && s !== '').join(' — ') || undefined,
                });
            }
            return result;
        });
    }
}

/**
 * The best score of a query over several names, and the length of the name that gave it: of two
 * equal matches the shorter name matched more of itself ("Công an tỉnh" before "Công an các đơn vị").
 */
function bestMatch(query: string, names: string[]): { score: number; length: number } {
    let best = { score: 0, length: 0 };
    for (const name of names) {
        const score = searchScore(query, name);
        if (score > best.score || (score === best.score && score > 0 && name.length < best.length)) {
            best = { score, length: name.length };
        }
    }
    return best;
}

function rankOf(node: AstNode): number | undefined {
    if (isElement(node)) {
        return node.name ? 0 : undefined;
    }
    if (isTarget(node) || isReport(node) || isPhase(node) || isArticle(node)) {
        return node.name ? 1 : undefined;
    }
    if (isTask(node)) {
        return node.name ? 1 : 2;
    }
    return undefined;
}
