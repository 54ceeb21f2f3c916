/**
 * Completion: a drafter finds a body or a document by its Vietnamese name, typed as it comes
 * ("so tu phap", "Sở Tư", "Uỷ ban"), and gets its id; keywords are found without diacritics
 * ("phoi" → `phối hợp`); templates for the usual constructs.
 *
 * Langium's provider completes one token against the label. Here the query is what was typed
 * after the clause keyword, possibly several words that the parser reads as identifiers, keywords
 * or nothing at all, so it is found in the token stream; what may follow is still asked of
 * Langium's completion parser at the start of that query.
 */
import type { IToken } from 'chevrotain';
import type { AstNode, AstNodeDescription, LangiumDocument, LexerResult, Scope } from 'langium';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isOperationCancelled } from 'langium';
import type { CompletionProviderOptions, NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import type { CompletionItem, CompletionParams, InsertReplaceEdit, MarkupContent, Position, TextEdit } from 'vscode-languageserver';
import { CompletionItemKind, CompletionList, CompletionTriggerKind, InsertTextFormat, MarkupKind } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { foldForSearch, searchScore } from '../language/fold.js';
import { limitNesting } from '../language/planspec-parser.js';
import { lowerBound } from '../language/syntax-errors.js';
import type { Citable, Party } from '../language/generated/ast.js';
import { isAgency, isArticle, isDocument, isElement, isGroup, isIndicator, isModel, isPlan, isTarget } from '../language/generated/ast.js';
import { dateOf, kindEnglish, kindLabel, kindOf, ownYear } from '../semantics/documents.js';
import type { PlanSnippet } from './completion-snippets.js';
import { expandSnippet, SNIPPETS } from './completion-snippets.js';
import type { IdeServices } from './services.js';

/** Words of a query looked at before the cursor: names are typed as a few words, not a sentence. */
const MAX_QUERY_WORDS = 8;
/** Possible starts of a reference query tried (each costs a parse of the text before it). */
const MAX_REFERENCE_STARTS = 4;
/** Terminals that can be words of a query: names, numbers, number-symbols ("634/QĐ-TTg", "96/2019"). */
const WORD_TERMINALS = new Set(['ID', 'NUMBER', 'DATE', 'DAY_MONTH', 'MONTH_YEAR', 'ROMAN_YEAR']);

/** Where a query may begin, and what an item accepted for it replaces. */
interface QueryStart {
    /** Start of the range the item replaces (the qualifier, if one was typed, included). */
    replaceStart: number;
    /** Start of the text matched against names (after the qualifier). */
    queryStart: number;
    /** Where to ask the parser what may follow: the start of the query or of its qualifier. */
    anchor: number;
    /** A namespace typed before the query (`DongNai.`). */
    qualifier?: string;
    /** Whether a reference can begin here: at the start of the words, or after a keyword. */
    reference: boolean;
}

interface Request {
    document: LangiumDocument;
    text: string;
    offset: number;
    position: Position;
    /** End of the word under the cursor (what "replace" mode overwrites). */
    wordEnd: number;
    /** Possible starts, the longest query first. */
    starts: QueryStart[];
    /** The character that triggered the request, if any. */
    trigger?: string;
    features: (offset: number) => NextFeature[];
}

/** A declaration offered for a reference, before it becomes an item. */
interface Candidate {
    node: AstNode;
    insert: string;
    score: number;
    /** 0 the file or its namespace, 1 national, 2 another namespace (typed qualifier). */
    origin: number;
    matched: string;
    folded: string[];
}

export class PlanspecCompletionProvider extends DefaultCompletionProvider {

    /** A space after a clause keyword opens the list; `.` after a namespace. */
    override readonly completionOptions: CompletionProviderOptions = { triggerCharacters: [' ', '.'] };

    protected readonly keywordValues: ReadonlySet<string>;
    /** Folded spelling of every keyword made of words, for a cheap test before parsing. */
    protected readonly foldedKeywords: readonly string[];
    protected readonly maxKeywordWords: number;
    protected readonly services: IdeServices;

    constructor(services: IdeServices) {
        super(services);
        this.services = services;
        const keywords = new Set<string>();
        for (const node of AstUtils.streamAllContents(services.Grammar)) {
            if (GrammarAST.isKeyword(node)) {
                keywords.add(node.value);
            }
        }
        this.keywordValues = keywords;
        const wordy = [...keywords].filter(k => /\p{L}/u.test(k));
        this.foldedKeywords = [...new Set([...wordy, ...SNIPPETS.flatMap(s => s.keywords)].map(foldForSearch))];
        this.maxKeywordWords = Math.max(...wordy.map(k => k.split(/\s+/).length));
    }

    override async getCompletion(document: LangiumDocument, params: CompletionParams): Promise<CompletionList | undefined> {
        try {
            return this.complete(document, params);
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            // Called on every keystroke, on whatever half-typed text: an unforeseen failure must
            // cost the drafter a list, never the editor.
            return CompletionList.create([], false);
        }
    }

    protected complete(document: LangiumDocument, params: CompletionParams): CompletionList {
        const textDocument = document.textDocument;
        const text = textDocument.getText();
        const offset = textDocument.offsetAt(params.position);
        const lexed = this.lexedText(text).result;
        if (insideProseOrComment(text, lexed.tokens, lexed.hidden, lexed.errors, offset)) {
            return CompletionList.create([], false);
        }
        const trigger = params.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? params.context.triggerCharacter : undefined;
        const cache = new Map<number, NextFeature[]>();
        const request: Request = {
            document, text, offset, position: params.position, trigger,
            ...this.queryStarts(text, lexed.tokens, offset),
            features: at => {
                let found = cache.get(at);
                if (!found) {
                    found = this.findFeaturesAt(textDocument, at);
                    cache.set(at, found);
                }
                return found;
            },
        };
        const references = this.referenceItems(request);
        const items = references.items;
        if (trigger !== '.') {
            // A keyword inside a name being typed ("Sở Tư" → `từ`) is not offered: only keywords that
            // would replace at least the whole query.
            const upTo = references.start?.queryStart ?? offset;
            items.push(...this.keywordAndSnippetItems({ ...request, starts: request.starts.filter(s => s.queryStart <= upTo) }));
        }
        // Filtered here, with folding, so the client must ask again as the query grows.
        return CompletionList.create(items, true);
    }

    /** The text last lexed, its tokens, and whether it needs the nesting guard somewhere. */
    protected lastLexed: { text: string; result: LexerResult; deep: boolean } | undefined;

    /**
     * The tokens of the whole text, lexed once per text: each request used to lex the whole file
     * again, and the text up to each place asked of the completion parser (40 ms a request at the
     * end of a 5,000-line plan, most of it lexing).
     */
    protected lexedText(text: string): { text: string; result: LexerResult; deep: boolean } {
        if (this.lastLexed?.text !== text) {
            this.lastLexed = { text, result: this.lexer.tokenize(text), deep: limitNesting(text).cuts.length > 0 };
        }
        return this.lastLexed;
    }

    /**
     * The tokens of the text before `offset`, taken from the whole text's when lexing the text up
     * to `offset` alone gives the same: no token, comment or lexing error reaches `offset`, and one character
     * at least separates the last token from it (the terminals look one character ahead at most).
     */
    protected tokensBefore(text: string, offset: number): IToken[] | undefined {
        const lexed = this.lexedText(text);
        if (lexed.deep) {
            return undefined;
        }
        const tokens = lexed.result.tokens;
        const count = lowerBound(tokens, offset);
        const last = count > 0 ? tokens[count - 1] : undefined;
        if (last && last.endOffset! + 1 >= offset) {
            return undefined;
        }
        // Inside a comment the text before is an unfinished comment: lexed alone, not the same.
        const hidden = lexed.result.hidden;
        const lastHidden = hidden[lowerBound(hidden, offset) - 1];
        if (lastHidden && lastHidden.endOffset! + 1 >= offset) {
            return undefined;
        }
        if (lexed.result.errors.some(e => e.offset < offset && e.offset + e.length + 1 >= offset)) {
            return undefined;
        }
        return tokens.slice(0, count);
    }

    /** What may follow the text before `offset`, parsed from the tokens already lexed when they are the same. */
    protected override findFeaturesAt(document: TextDocument, offset: number): NextFeature[] {
        const tokens = this.tokensBefore(document.getText(), offset);
        if (!tokens) {
            return super.findFeaturesAt(document, offset);
        }
        // The completion parser lexes its input: handed these tokens instead, for this one parse.
        const parser = this.completionParser as unknown as { lexer: { tokenize(text: string): LexerResult } };
        const lexer = parser.lexer;
        parser.lexer = { tokenize: () => ({ tokens, errors: [], hidden: [], report: undefined } as unknown as LexerResult) };
        try {
            return super.findFeaturesAt({ ...document, getText: () => '', positionAt: document.positionAt.bind(document) } as TextDocument, offset);
        } finally {
            parser.lexer = lexer;
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The query

    /**
     * The words typed before the cursor on its line (identifiers, keywords, numbers, separated by
     * blanks or dashes), and where a query may start among them.
     */
    protected queryStarts(text: string, tokens: IToken[], offset: number): { starts: QueryStart[]; wordEnd: number } {
        const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
        let k = lastTokenBefore(tokens, offset);
        const words: IToken[] = [];
        let boundary = offset;
        let wordEnd = offset;
        while (k >= 0 && words.length < MAX_QUERY_WORDS) {
            const token = tokens[k];
            const end = token.endOffset! + 1;
            if (token.startOffset < lineStart || !this.isWordToken(token)
                || (end < boundary && !/^[ \t-]*$/.test(text.substring(end, boundary)))) {
                break;
            }
            wordEnd = Math.max(wordEnd, end);
            words.unshift(token);
            boundary = token.startOffset;
            k--;
        }
        // `Ns.` right before the first word (or the cursor): a qualified name is being typed.
        let qualifier: { text: string; start: number } | undefined;
        const first = words.length > 0 ? words[0].startOffset : offset;
        if (k >= 1 && tokens[k].image === '.' && tokens[k].endOffset! + 1 === first) {
            let at = k - 1;
            let start = tokens[k].startOffset;
            const parts: string[] = [];
            while (at >= 0 && tokens[at].tokenType.name === 'ID' && tokens[at].endOffset! + 1 === start) {
                parts.unshift(tokens[at].image);
                start = tokens[at].startOffset;
                if (at >= 1 && tokens[at - 1].image === '.' && tokens[at - 1].endOffset! + 1 === start) {
                    start = tokens[at - 1].startOffset;
                    at -= 2;
                } else {
                    break;
                }
            }
            if (parts.length > 0) {
                qualifier = { text: parts.join('.'), start };
            }
        }
        const starts: QueryStart[] = words.map((word, i) => {
            const qualified = i === 0 && qualifier !== undefined;
            return {
                replaceStart: qualified ? qualifier!.start : word.startOffset,
                queryStart: word.startOffset,
                anchor: qualified ? qualifier!.start : word.startOffset,
                qualifier: qualified ? qualifier!.text : undefined,
                // Inside the words, a reference starts only after a keyword ("… và Đầu tư" is
                // tried, "CA_TINH phoi" is not split after CA_TINH).
                reference: i === 0 || this.isKeywordToken(words[i - 1]),
            };
        });
        // An empty query at the cursor, unless the cursor ends a word (then that word is the query).
        if (words.length === 0 || words[words.length - 1].endOffset! + 1 < offset) {
            const qualified = words.length === 0 && qualifier !== undefined;
            starts.push({
                replaceStart: qualified ? qualifier!.start : offset,
                queryStart: offset,
                anchor: qualified ? qualifier!.start : offset,
                qualifier: qualified ? qualifier!.text : undefined,
                reference: true,
            });
        }
        return { starts, wordEnd };
    }

    protected isWordToken(token: IToken): boolean {
        const name = token.tokenType.name;
        return WORD_TERMINALS.has(name) || name === '/' || this.isKeywordToken(token);
    }

    /** A keyword made of letters or digits ("chủ trì", "và", "6 tháng đầu năm"), not punctuation. */
    protected isKeywordToken(token: IToken): boolean {
        const name = token.tokenType.name;
        return this.keywordValues.has(name) && /[\p{L}\p{N}]/u.test(name);
    }

    // ---------------------------------------------------------------------------------------------
    // References

    /**
     * Declarations for the longest query after which the parser expects a reference and that
     * matches something: "chủ trì Sở Kế hoạch và Đầu" is one query, not "Đầu" after "và".
     */
    protected referenceItems(request: Request): { items: CompletionItem[]; start?: QueryStart } {
        const starts = request.starts.filter(s => s.reference).slice(-MAX_REFERENCE_STARTS);
        for (const start of starts) {
            const references = request.features(start.anchor)
                .map(f => f.feature)
                .filter(GrammarAST.isCrossReference);
            if (references.length === 0) {
                continue;
            }
            const query = request.text.substring(start.queryStart, request.offset);
            const candidates = this.referenceCandidates(request, start, references, query);
            if (candidates.length > 0) {
                const typed = request.text.substring(start.replaceStart, request.offset);
                return { items: candidates.map(c => this.referenceItem(request, start, c, query, typed)), start };
            }
        }
        return { items: [] };
    }

    protected referenceCandidates(request: Request, start: QueryStart, references: GrammarAST.CrossReference[], query: string): Candidate[] {
        const { document } = request;
        const model = document.parseResult.value;
        const cst = model.$cstNode;
        const scopeNode = (cst && CstUtils.findLeafNodeBeforeOffset(cst, start.anchor)?.astNode) ?? model;
        const ownNamespace = isModel(model) ? model.namespace?.name : undefined;
        const seen = new Set<string>();
        const result: Candidate[] = [];
        for (const reference of references) {
            const scope = this.scopeFor(reference, scopeNode);
            if (!scope) {
                continue;
            }
            // The reference is already complete: a blank after it is not a query going on.
            if (/\s$/.test(query) && this.resolves(scope, qualify(start.qualifier, query.trim()))) {
                return [];
            }
            // The same declaration is in scope by several names (`X` and `CaMau.X`): one item.
            const byDeclaration = new Map<string, AstNodeDescription[]>();
            for (const description of scope.getAllElements()) {
                const key = declarationKey(description);
                const list = byDeclaration.get(key);
                if (list) {
                    list.push(description);
                } else {
                    byDeclaration.set(key, [description]);
                }
            }
            for (const [key, descriptions] of byDeclaration) {
                if (seen.has(key)) {
                    continue;
                }
                const candidate = this.candidate(request, start, scope, key, descriptions, query, ownNamespace);
                if (candidate) {
                    seen.add(key);
                    result.push(candidate);
                }
            }
        }
        return result;
    }

    /** The scope of a reference of this grammar feature at `node`, as the linker would see it. */
    protected scopeFor(reference: GrammarAST.CrossReference, node: AstNode): Scope | undefined {
        const rule = AstUtils.getContainerOfType(reference, GrammarAST.isParserRule);
        const assignment = AstUtils.getContainerOfType(reference, GrammarAST.isAssignment);
        if (!rule || !assignment) {
            return undefined;
        }
        // The element holding the reference may not exist yet (or the parser recovered elsewhere):
        // a stand-in of the right type, under the node at the cursor, gets the reference type
        // from the grammar and the local and namespace scopes from its place.
        const container = { $type: GrammarUtils.getTypeName(rule), $container: node } as AstNode;
        AstUtils.assignMandatoryProperties(this.astReflection, container);
        return this.scopeProvider.getScope({
            reference: { $refText: '', ref: undefined },
            container,
            property: assignment.feature,
        });
    }

    protected resolves(scope: Scope, name: string): boolean {
        return name !== '' && scope.getElement(name) !== undefined;
    }

    protected candidate(request: Request, start: QueryStart, scope: Scope, key: string, descriptions: AstNodeDescription[],
        query: string, ownNamespace: string | undefined): Candidate | undefined {
        const node = descriptions[0].node;
        const name = node ? this.nameProvider.getName(node) : undefined;
        if (!node || !name) {
            return undefined;
        }
        const home = AstUtils.getDocument(node);
        const homeModel = home.parseResult.value;
        const namespace = isModel(homeModel) ? homeModel.namespace?.name : undefined;
        const sameFile = home.uri.toString() === request.document.uri.toString();
        const resolvesHere = (n: string) => {
            const found = scope.getElement(n);
            return found !== undefined && declarationKey(found) === key;
        };
        let insert: string | undefined;
        let origin: number;
        if (start.qualifier !== undefined) {
            // Only what the typed namespace declares, by the qualified name that reaches it.
            // Typed as a person types it ("dongnai."); the item writes the declared spelling.
            if (!isElement(node) || namespace === undefined || foldForSearch(namespace) !== foldForSearch(start.qualifier)) {
                return undefined;
            }
            insert = `${namespace}.${name}`;
            origin = namespace === ownNamespace ? 0 : 2;
            if (!resolvesHere(insert)) {
                return undefined;
            }
        } else {
            // Other provinces' declarations only when their namespace is typed.
            if (!sameFile && namespace !== undefined && namespace !== ownNamespace) {
                return undefined;
            }
            origin = sameFile || namespace === ownNamespace ? 0 : 1;
            // The shortest name that the linker resolves to this declaration (a shadowed one has none).
            insert = descriptions.map(d => d.name).sort((a, b) => a.length - b.length).find(resolvesHere);
            if (insert === undefined) {
                return undefined;
            }
        }
        const texts = [name, ...matchTexts(node)];
        let score = 0;
        let matched = '';
        for (const t of texts) {
            const s = searchScore(query, t);
            if (s > score || (s === score && s > 0 && t.length < matched.length)) {
                score = s;
                matched = t;
            }
        }
        if (score === 0) {
            return undefined;
        }
        const folded = [matched, insert, ...texts].map(foldForSearch);
        return { node, insert, score, origin, matched, folded };
    }

    protected referenceItem(request: Request, start: QueryStart, candidate: Candidate, query: string, typed: string): CompletionItem {
        const { node, insert, score, origin, matched } = candidate;
        const described = this.describe(node, insert);
        // Best match first, then the file's own namespace, then national bodies; among equals,
        // the name nearest to what was typed (the shortest that matches), then the id.
        const closeness = foldForSearch(query) === '' ? '000' : String(Math.min(matched.length, 999)).padStart(3, '0');
        return {
            label: insert,
            kind: described.kind,
            detail: described.detail,
            labelDetails: described.labelDetails,
            documentation: described.documentation,
            sortText: `0${3 - score}${origin}${closeness}${insert}`,
            filterText: filterTextFor(typed, candidate.folded),
            textEdit: this.edit(request, start.replaceStart, insert),
        };
    }

    // ---------------------------------------------------------------------------------------------
    // Keywords and templates

    /**
     * Keywords (both languages, typed without diacritics: "phoi" → `phối hợp`, "chu tri" →
     * `chủ trì`) and templates, for the longest words before the cursor that begin one.
     */
    protected keywordAndSnippetItems(request: Request): CompletionItem[] {
        const starts = request.starts.slice(-(this.maxKeywordWords + 1));
        for (const start of starts) {
            if (start.qualifier !== undefined) {
                continue;
            }
            const query = request.text.substring(start.queryStart, request.offset);
            const folded = foldForSearch(query);
            // After a blank only a keyword of several words that is being typed goes on ("chu "):
            // a space in prose or after a finished clause opens nothing.
            if (folded === '' && request.trigger === ' ') {
                continue;
            }
            const wanted = folded === '' ? '' : /\s$/.test(query) ? `${folded} ` : folded;
            if (wanted !== '' && !this.foldedKeywords.some(k => k.startsWith(wanted))) {
                continue;
            }
            const features = request.features(start.queryStart);
            const items = [
                ...this.keywordItems(request, start, features, query, wanted),
                ...this.snippetItems(request, start, features, query, wanted),
            ];
            if (items.length > 0) {
                return items;
            }
        }
        return [];
    }

    protected keywordItems(request: Request, start: QueryStart, features: NextFeature[], query: string, wanted: string): CompletionItem[] {
        const seen = new Set<string>();
        const items: CompletionItem[] = [];
        for (const { feature } of features) {
            if (!GrammarAST.isKeyword(feature) || seen.has(feature.value) || !/\p{L}/u.test(feature.value)) {
                continue;
            }
            const keyword = feature.value;
            const folded = foldForSearch(keyword);
            if (!folded.startsWith(wanted)) {
                continue;
            }
            seen.add(keyword);
            const score = wanted === '' ? 1 : folded === wanted.trim() ? 3 : 2;
            items.push({
                label: keyword,
                kind: CompletionItemKind.Keyword,
                detail: 'Từ khóa / Keyword',
                sortText: `2${3 - score}${languageRank(keyword)}${keyword}`,
                filterText: filterTextFor(query, [folded]),
                textEdit: this.edit(request, start.replaceStart, keyword),
            });
        }
        return items;
    }

    protected snippetItems(request: Request, start: QueryStart, features: NextFeature[], query: string, wanted: string): CompletionItem[] {
        if (request.trigger === ' ') {
            return [];
        }
        const places = snippetPlaces(features);
        const items: CompletionItem[] = [];
        for (const snippet of SNIPPETS) {
            if (!places.has(snippet.place)) {
                continue;
            }
            const folded = snippet.keywords.map(foldForSearch);
            const at = folded.findIndex(k => k.startsWith(wanted));
            if (at < 0) {
                continue;
            }
            const score = wanted === '' ? 1 : folded[at] === wanted.trim() ? 3 : 2;
            items.push(snippetItem(snippet, snippet.keywords[at], score, filterTextFor(query, [folded[at], ...folded]),
                this.edit(request, start.replaceStart, snippet.body)));
        }
        return items;
    }

    // ---------------------------------------------------------------------------------------------
    // Items

    /** Replaces what was typed from `start`; in "replace" mode also the rest of the word under the cursor. */
    protected edit(request: Request, start: number, newText: string): TextEdit | InsertReplaceEdit {
        const textDocument = request.document.textDocument;
        const range = { start: textDocument.positionAt(start), end: request.position };
        if (this.clientCapabilities?.completionItem?.insertReplaceSupport && request.wordEnd > request.offset) {
            return { newText, insert: range, replace: { start: range.start, end: textDocument.positionAt(request.wordEnd) } };
        }
        return { newText, range };
    }

    /** Kind, a one-line detail and the markdown documentation of a declaration, from what it states. */
    protected describe(node: AstNode, insert: string): {
        kind: CompletionItemKind; detail: string; labelDetails: CompletionItem['labelDetails']; documentation: MarkupContent;
    } {
        const lines: string[] = [];
        let kind: CompletionItemKind = CompletionItemKind.Reference;
        let detail = '';
        let labelDetails: CompletionItem['labelDetails'];
        if (isAgency(node) || isGroup(node)) {
            kind = isAgency(node) ? CompletionItemKind.Class : CompletionItemKind.Module;
            const label = isAgency(node) ? 'Cơ quan' : 'Nhóm';
            const parent = node.parent?.$refText;
            const relation = parent ? `thuộc ${parent}` : node.independent ? 'độc lập' : undefined;
            detail = [`${label} / ${isAgency(node) ? 'Agency' : 'Group'}`, node.officialName].filter(Boolean).join(' — ');
            labelDetails = {
                detail: node.officialName ? ` ${node.officialName}` : undefined,
                description: [label, relation].filter(Boolean).join(' · '),
            };
            if (node.officialName) {
                lines.push(`**${md(node.officialName)}**`);
            }
            if (node.aliases.length > 0) {
                lines.push(`Viết tắt / Also written: ${node.aliases.map(md).join('; ')}`);
            }
            if (parent) {
                const parentName = partyName(node.parent?.ref);
                lines.push(`Thuộc / Under: \`${parent}\`${parentName ? ` ${md(parentName)}` : ''}`);
            } else if (node.independent) {
                lines.push('Độc lập / Independent');
            }
            if (isGroup(node) && node.members.length > 0) {
                lines.push(`Gồm / Members: ${node.members.map(m => `\`${m.$refText}\``).join(', ')}`);
            }
        } else if (isDocument(node) || isPlan(node)) {
            kind = CompletionItemKind.File;
            const label = kindLabel(node);
            const canonical = kindOf(node);
            const english = canonical ? kindEnglish(canonical) : undefined;
            const date = dateOf(node as Citable);
            const year = date ? undefined : ownYear(node);
            const when = date ? `ngày ${date.text}` : year !== undefined ? `năm ${year}` : undefined;
            const issuer = node.issuer?.$refText;
            const summary = isDocument(node) ? node.summary : node.title;
            detail = [english ? `${label} / ${capitalize(english)}` : label, node.number, when].filter(Boolean).join(' ');
            labelDetails = {
                detail: ` ${label}${node.number ? ` ${node.number}` : ''}`,
                description: [when, issuer ? `của ${issuer}` : undefined].filter(Boolean).join(' · ') || undefined,
            };
            const issuerName = partyName(node.issuer?.ref) ?? issuer;
            lines.push(`**${md([label, node.number ? `số ${node.number}` : undefined, when, issuerName ? `của ${issuerName}` : undefined]
                .filter(Boolean).join(' '))}**`);
            if (date?.via) {
                lines.push(`Ngày của văn bản ban hành / Date of its instrument: \`${date.via.name}\``);
            }
            if (summary) {
                lines.push(md(summary));
            }
        } else if (isTarget(node)) {
            kind = CompletionItemKind.Field;
            detail = 'Chỉ tiêu / Target';
            labelDetails = { detail: node.text ? ` ${node.text}` : undefined, description: 'Chỉ tiêu' };
            if (node.text) {
                lines.push(md(node.text));
            }
        } else if (isArticle(node)) {
            kind = CompletionItemKind.Field;
            detail = `Điều ${node.number ?? ''} / Article`.trim();
            labelDetails = { description: `Điều ${node.number ?? ''}`.trim() };
            if (node.text) {
                lines.push(md(node.text));
            }
        } else if (isIndicator(node)) {
            kind = CompletionItemKind.Unit;
            detail = 'Chỉ số / Indicator';
            labelDetails = { detail: node.text ? ` ${node.text}` : undefined, description: node.unit ? `đơn vị ${node.unit}` : 'Chỉ số' };
            if (node.text) {
                lines.push(md(node.text));
            }
        }
        const comment = this.documentationProvider.getDocumentation(node);
        if (comment) {
            lines.push(comment);
        }
        const home = AstUtils.getDocument(node).parseResult.value;
        const namespace = isModel(home) ? home.namespace?.name : undefined;
        lines.push(namespace ? `\`${insert}\` · phạm vi / namespace \`${namespace}\`` : `\`${insert}\` · toàn quốc / national`);
        return { kind, detail, labelDetails, documentation: { kind: MarkupKind.Markdown, value: lines.join('\n\n') } };
    }
}

/** The texts a declaration is found by, besides its id: official name, aliases, number-symbol, summary. */
function matchTexts(node: AstNode): string[] {
    const texts: Array<string | undefined> = [];
    if (isAgency(node) || isGroup(node)) {
        texts.push(node.officialName, ...node.aliases);
    } else if (isDocument(node) || isPlan(node)) {
        const label = kindLabel(node);
        const summary = isDocument(node) ? node.summary : node.title;
        texts.push(node.number, node.number ? `${label} ${node.number}` : undefined, summary, summary ? `${label} ${summary}` : undefined);
    } else if (isTarget(node) || isIndicator(node)) {
        texts.push(node.text);
    } else if (isArticle(node)) {
        texts.push(node.number ? `Điều ${node.number}` : undefined, node.text);
    }
    return texts.filter((t): t is string => typeof t === 'string' && t !== '');
}

function partyName(party: Party | undefined): string | undefined {
    return party?.officialName || undefined;
}

/** Where templates may start, read from the keywords the parser expects there. */
function snippetPlaces(features: NextFeature[]): Set<PlanSnippet['place']> {
    const places = new Set<PlanSnippet['place']>();
    for (const { feature } of features) {
        if (!GrammarAST.isKeyword(feature)) {
            continue;
        }
        const rule = AstUtils.getContainerOfType(feature, GrammarAST.isParserRule)?.name;
        // `cơ quan` begins only a top-level declaration; `chỉ tiêu` only a member of a body that
        // also takes tasks and reports (TaskMode alone also follows a section heading).
        if (rule === 'Agency' && feature.value === 'cơ quan') {
            places.add('element');
        } else if (rule === 'Target' && feature.value === 'chỉ tiêu') {
            places.add('member');
        }
    }
    return places;
}

function snippetItem(snippet: PlanSnippet, keyword: string, score: number, filterText: string, textEdit: TextEdit | InsertReplaceEdit): CompletionItem {
    return {
        label: `${snippet.keywords[0]} …`,
        kind: CompletionItemKind.Snippet,
        detail: `Mẫu / Template: ${snippet.description}`,
        labelDetails: { description: `Mẫu ${snippet.description.split(' / ')[0].toLowerCase()}` },
        documentation: { kind: MarkupKind.Markdown, value: '```planspec\n' + expandSnippet(snippet.body) + '\n```' },
        insertTextFormat: InsertTextFormat.Snippet,
        // Right after the keyword it was found by.
        sortText: `2${3 - score}${languageRank(keyword)}${keyword}~`,
        filterText,
        textEdit,
    };
}

/**
 * VS Code filters and ranks the items again on the text in the edit range, against filterText and
 * without folding diacritics. The server has matched already (with folding), so filterText holds
 * the folded names, led by the text as typed whenever that is not already their start ("Sở Tư"):
 * every item then passes the client's filter alike and sortText decides the order.
 */
function filterTextFor(typed: string, folded: string[]): string {
    const parts = [...new Set(folded.filter(f => f !== ''))];
    if (typed.trim() !== '' && !(parts[0] ?? '').startsWith(typed)) {
        parts.unshift(typed);
    }
    return parts.join(' ');
}

/** Vietnamese spellings before English ones. */
function languageRank(keyword: string): number {
    return /[^\p{ASCII}]/u.test(keyword) ? 0 : 1;
}

function declarationKey(description: AstNodeDescription): string {
    return `${description.documentUri.toString()}#${description.path}`;
}

function qualify(qualifier: string | undefined, name: string): string {
    return qualifier === undefined ? name : `${qualifier}.${name}`;
}

/** Index of the last token that starts before `offset`, or -1. */
function lastTokenBefore(tokens: IToken[], offset: number): number {
    let low = 0;
    let high = tokens.length - 1;
    let found = -1;
    while (low <= high) {
        const mid = (low + high) >> 1;
        if (tokens[mid].startOffset < offset) {
            found = mid;
            low = mid + 1;
        } else {
            high = mid - 1;
        }
    }
    return found;
}

/** Inside a string (prose, a name), a comment, or a string being typed on this line: nothing to complete. */
function insideProseOrComment(text: string, tokens: IToken[], hidden: IToken[], errors: Array<{ offset: number }>, offset: number): boolean {
    const at = lastTokenBefore(tokens, offset);
    if (at >= 0 && tokens[at].tokenType.name === 'STRING' && offset <= tokens[at].endOffset!) {
        return true;
    }
    for (const token of hidden) {
        const lineComment = token.image.startsWith('//');
        if (token.startOffset < offset && (offset <= token.endOffset! || (lineComment && offset === token.endOffset! + 1))) {
            return true;
        }
    }
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    return errors.some(e => e.offset >= lineStart && e.offset < offset && text[e.offset] === '"');
}

function md(text: string): string {
    return text.replace(/[\\`*_[\]<>#|]/g, '\\$&');
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}

