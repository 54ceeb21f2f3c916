import type { AstNode, CstNode, DocumentBuilder, LangiumDocument, LangiumDocuments, LeafCstNode, Reference } from 'langium';
import { AstUtils, CstUtils, DocumentState, GrammarAST, GrammarUtils, isCompositeCstNode, isLeafCstNode, isReference, OperationCancelled } from 'langium';
import type { SemanticTokenAcceptor, SemanticTokensBuilder } from 'langium/lsp';
import { AbstractSemanticTokenProvider } from 'langium/lsp';
import type { Range, SemanticTokens, SemanticTokensDelta, SemanticTokensDeltaParams, SemanticTokensParams, SemanticTokensRangeParams } from 'vscode-languageserver';
import { CancellationToken, SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAgency, isArticle, isDocument, isGroup, isIndicator, isNamespaceDecl, isPhase, isPlan, isReport, isTarget, isTask
} from '../language/generated/ast.js';
import { StringMap } from '../language/string-map.js';
import { findNumbers, proseTextsOf } from '../semantics/citations.js';
import type { IdeServices } from './services.js';
import { propertyNode } from '../language/cst-property.js';

/**
 * Semantic tokens, in standard LSP token types so every theme colours them:
 *
 * | planspec                                              | token type    |
 * |-------------------------------------------------------|---------------|
 * | namespace (`phạm vi CaMau`, `CaMau.` in `CaMau.CA_TINH`) | `namespace` |
 * | agency id                                             | `class`       |
 * | group id                                              | `struct`      |
 * | document or plan id; a number-symbol ("634/QĐ-TTg") in `số "…"` or recognised in prose | `type` |
 * | indicator id                                          | `property`    |
 * | target id                                             | `variable`    |
 * | task id                                               | `function`    |
 * | report or phase id                                    | `event`       |
 * | article id (`điều "3" DIEU_3`)                        | `enumMember`  |
 * | dates and time points (`16/6/2025`, `20/7`, `IV/2025`, `16 tháng 6 năm 2025`), numbers, quantities with their unit (`90%`, `2,1 con/phụ nữ`) | `number` |
 * | keywords (`cơ quan`, `chủ trì`, `trước ngày` …)        | `keyword`     |
 * | comparison signs (`>`, `≥`, `<=` …)                    | `operator`    |
 *
 * An id where it is declared also has the `declaration` modifier. A reference that does not resolve
 * gets no token (its kind is not known); strings and comments are left to the TextMate grammar.
 */
export class PlanspecSemanticTokenProvider extends AbstractSemanticTokenProvider {

    protected readonly builder: DocumentBuilder;
    protected readonly documents: LangiumDocuments;
    /** Whether the client takes `workspace/semanticTokens/refresh`. */
    protected refreshSupport = false;

    constructor(services: IdeServices) {
        super(services);
        this.builder = services.shared.workspace.DocumentBuilder;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.refreshUnedited(services);
    }

    /**
     * An open plan can change colour with no edit of its own: a registry edited beside it resolves or
     * breaks its references. An editor asks again for the tokens of the text it edits, not of the
     * others, unless the server tells it to: after a build that relinked an open, unedited file.
     */
    protected refreshUnedited(services: IdeServices): void {
        const { shared } = services;
        const connection = shared.lsp.Connection;
        shared.lsp.LanguageServer.onInitialize(params => {
            this.refreshSupport = params.capabilities.workspace?.semanticTokens?.refreshSupport === true;
        });
        const edited = new Set<string>();
        this.builder.onUpdate(changed => changed.forEach(uri => edited.add(uri.toString())));
        this.builder.onBuildPhase(DocumentState.Validated, documents => {
            const refresh = this.refreshSupport && documents.some(d => !edited.has(d.uri.toString()) && shared.workspace.TextDocuments.get(d.uri.toString()) !== undefined);
            edited.clear();
            if (refresh) {
                connection?.languages.semanticTokens.refresh();
            }
        });
    }

    /**
     * Langium's three entry points, each read in one turn of the event loop once the document is
     * linked. Langium lets this read run beside a build and yielded between nodes: a build that
     * reset the document meanwhile (an edit, or only its opening) left the rest of its references
     * unresolved, and so uncoloured, until the next request; and two requests at once shared the
     * provider's `current…` fields across their yields.
     */
    override async semanticHighlight(document: LangiumDocument, _params: SemanticTokensParams, cancelToken = CancellationToken.None): Promise<SemanticTokens> {
        await this.linked(document, cancelToken);
        return this.highlightNow(document, undefined, builder => builder.flush(), cancelToken).build();
    }

    override async semanticHighlightRange(document: LangiumDocument, params: SemanticTokensRangeParams, cancelToken = CancellationToken.None): Promise<SemanticTokens> {
        await this.linked(document, cancelToken);
        return this.highlightNow(document, params.range, builder => builder.flush(), cancelToken).build();
    }

    override async semanticHighlightDelta(document: LangiumDocument, params: SemanticTokensDeltaParams, cancelToken = CancellationToken.None): Promise<SemanticTokens | SemanticTokensDelta> {
        await this.linked(document, cancelToken);
        return this.highlightNow(document, undefined, builder => builder.previousResult(params.previousResultId), cancelToken).buildEdits();
    }

    /**
     * Until the document is linked (again, if a build reset it after the request waited for that).
     * One no longer in the workspace (deleted, or replaced by another of its URI) is read as it is.
     */
    protected async linked(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        while (document.state < DocumentState.Linked && this.documents.getDocument(document.uri) === document) {
            await this.builder.waitUntil(DocumentState.Linked, document.uri, cancelToken);
        }
    }

    /** Collects the tokens without yielding; the caller builds them in the same turn. */
    protected highlightNow(document: LangiumDocument, range: Range | undefined, start: (builder: SemanticTokensBuilder) => void, cancelToken: CancellationToken): SemanticTokensBuilder {
        const builder = this.getDocumentTokensBuilder(document);
        this.currentDocument = document;
        this.currentRange = range;
        this.currentTokensBuilder = builder;
        start(builder);
        this.highlightTree(document, this.createAcceptor(), cancelToken);
        return builder;
    }

    /**
     * Langium's computeHighlighting, which the entry points above replace, without its yields and with
     * the range of a range request applied here: Langium 4.4's `streamContents(node, { range })` skips
     * the property after a single child outside the range (after `phạm vi X`, the whole file's
     * declarations).
     */
    protected highlightTree(document: LangiumDocument, acceptor: SemanticTokenAcceptor, cancelToken: CancellationToken): void {
        const range = this.currentRange;
        const iterator = AstUtils.streamAst(document.parseResult.value).iterator();
        for (let next = iterator.next(); !next.done; next = iterator.next()) {
            if (cancelToken.isCancellationRequested) {
                throw OperationCancelled;
            }
            const node = next.value;
            const nodeRange = node.$cstNode?.range;
            if (range && (!nodeRange || !CstUtils.inRange(nodeRange, range))) {
                iterator.prune();
            } else if (this.highlightElement(node, acceptor) === 'prune') {
                iterator.prune();
            }
        }
    }

    protected highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void | 'prune' {
        const cst = node.$cstNode;
        const document = this.currentDocument;
        if (!cst || !document) {
            return;
        }
        const nameType = tokenTypeOf(node);
        const nameNode = nameType ? propertyNode(cst, 'name') : undefined;
        if (nameType && nameNode) {
            emit(acceptor, document, nameNode.range, nameType, SemanticTokenModifiers.declaration);
        }
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (isReference(reference)) {
                this.highlightReference(document, reference, acceptor);
            }
        }
        for (const leaf of ownLeaves(node, cst)) {
            const type = leafType(leaf, nameNode);
            if (type) {
                emit(acceptor, document, leaf.range, type);
            }
        }
        this.highlightNumberSymbols(document, node, cst, acceptor);
    }

    /** The last part of a reference by its target's kind; a namespace before it ("CaMau.") as a namespace. */
    protected highlightReference(document: LangiumDocument, reference: Reference, acceptor: SemanticTokenAcceptor): void {
        const type = reference.ref ? tokenTypeOf(reference.ref) : undefined;
        const refNode = reference.$refNode;
        if (!type || !refNode) {
            return;
        }
        const ids = leavesOf(refNode).filter(leaf => leaf.tokenType.name === 'ID');
        ids.forEach((leaf, i) => emit(acceptor, document, leaf.range, i === ids.length - 1 ? type : SemanticTokenTypes.namespace));
    }

    /** The number of a document (`số "634/QĐ-TTg"`) and number-symbols recognised in prose. */
    protected highlightNumberSymbols(document: LangiumDocument, node: AstNode, cst: CstNode, acceptor: SemanticTokenAcceptor): void {
        if ((isDocument(node) || isPlan(node)) && node.number) {
            for (const numberNode of GrammarUtils.findNodesForProperty(cst, 'number')) {
                const { start, end } = numberNode.range;
                if (start.line === end.line && end.character - start.character > 2) {
                    emit(acceptor, document, { start: { line: start.line, character: start.character + 1 }, end: { line: end.line, character: end.character - 1 } }, SemanticTokenTypes.type);
                }
            }
        }
        for (const prose of proseTextsOf(node)) {
            const found = findNumbers(prose.text);
            const map = found.length > 0 ? StringMap.of(document, node, prose.property) : undefined;
            for (const number of found) {
                const range = map?.range(number.start, number.end);
                if (range) {
                    emit(acceptor, document, range, SemanticTokenTypes.type);
                }
            }
        }
    }
}

/** The token type of an id, by what it names. */
export function tokenTypeOf(node: AstNode): string | undefined {
    if (isNamespaceDecl(node)) return SemanticTokenTypes.namespace;
    if (isAgency(node)) return SemanticTokenTypes.class;
    if (isGroup(node)) return SemanticTokenTypes.struct;
    if (isDocument(node) || isPlan(node)) return SemanticTokenTypes.type;
    if (isIndicator(node)) return SemanticTokenTypes.property;
    if (isTarget(node)) return SemanticTokenTypes.variable;
    if (isTask(node)) return SemanticTokenTypes.function;
    if (isReport(node) || isPhase(node)) return SemanticTokenTypes.event;
    if (isArticle(node)) return SemanticTokenTypes.enumMember;
    return undefined;
}

/** Data-type rules whose every token is part of a date or a quantity. */
const NUMBER_RULES = new Set(['DateValue', 'DayValue', 'MonthValue', 'QuarterValue', 'Unit']);
const NUMBER_TERMINALS = new Set(['NUMBER', 'DATE', 'DAY_MONTH', 'MONTH_YEAR', 'ROMAN_YEAR']);
const OPERATORS = new Set(['>', '<', '≥', '≤', '=', '>=', '<=']);

function leafType(leaf: LeafCstNode, nameNode: CstNode | undefined): string | undefined {
    if (leaf.hidden || leaf === nameNode) {
        return undefined;
    }
    const source = leaf.grammarSource;
    const rule = source ? AstUtils.getContainerOfType(source, GrammarAST.isParserRule)?.name : undefined;
    if (NUMBER_TERMINALS.has(leaf.tokenType.name) || (rule !== undefined && NUMBER_RULES.has(rule))) {
        return SemanticTokenTypes.number;
    }
    if (rule === 'QualifiedName' || !GrammarAST.isKeyword(source)) {
        // Ids are named by what they declare or reference (above); strings are left to TextMate.
        return undefined;
    }
    if (OPERATORS.has(source.value)) {
        return SemanticTokenTypes.operator;
    }
    return /\p{L}/u.test(source.value) ? SemanticTokenTypes.keyword : undefined;
}

/** The leaves of a node's own text, not those of the nodes it contains. */
function ownLeaves(node: AstNode, cst: CstNode): LeafCstNode[] {
    const result: LeafCstNode[] = [];
    const visit = (current: CstNode) => {
        if (isLeafCstNode(current)) {
            result.push(current);
        } else if (isCompositeCstNode(current)) {
            for (const child of current.content) {
                if (child.astNode === node) {
                    visit(child);
                }
            }
        }
    };
    visit(cst);
    return result;
}

function leavesOf(cst: CstNode): LeafCstNode[] {
    if (isLeafCstNode(cst)) {
        return [cst];
    }
    return isCompositeCstNode(cst) ? cst.content.flatMap(leavesOf) : [];
}

/** One token per line: a keyword written over a line break ("cơ\n quan") is two tokens. */
function emit(acceptor: SemanticTokenAcceptor, document: LangiumDocument, range: Range, type: string, modifier?: string): void {
    const text = document.textDocument;
    for (let line = range.start.line; line <= range.end.line; line++) {
        const start = line === range.start.line ? range.start.character : 0;
        const end = line === range.end.line
            ? range.end.character
            : text.offsetAt({ line: line + 1, character: 0 }) - text.offsetAt({ line, character: 0 });
        const lineText = text.getText({ start: { line, character: start }, end: { line, character: end } });
        const trimmed = lineText.replace(/[\r\n]+$/, '');
        const lead = trimmed.length - trimmed.trimStart().length;
        const length = trimmed.trimEnd().length - lead;
        if (length > 0) {
            acceptor({ line, char: start + lead, length, type, modifier });
        }
    }
}
