/**
 * The grammar in the words of a drafter, for syntax errors: what may be written where (read from
 * the grammar itself, so it follows every change to it), each keyword's English twin, and the
 * names of the tokens and blocks ("một chuỗi trong ngoặc kép / a quoted string", "nhiệm vụ NV1 /
 * task NV1"), never a token type such as STRING or ID.
 */
import type { AstNode } from 'langium';
import { GrammarAST } from 'langium';
import { editDistance, foldForSearch } from './fold.js';
import { keywordKey } from './keywords.js';

/** Vietnamese keywords written without diacritics (all others without them are English). */
const ASCII_VIETNAMESE = new Set(['cho', 'giao', 'khi', 'nay', 'ngay sau khi', 'ngay trong', 'qua', 'sau khi', 'suy ra', 'trong']);

export function isVietnameseKeyword(keyword: string): boolean {
    return /[^\x00-\x7f]/.test(keyword) || ASCII_VIETNAMESE.has(keyword) || !/[a-z]/i.test(keyword);
}

/** Terminals in the drafter's words. */
const TERMINALS: Record<string, { vi: string; en: string }> = {
    ID: { vi: 'một mã như CA_TINH', en: 'an id such as CA_TINH' },
    STRING: { vi: 'một chuỗi trong ngoặc kép', en: 'a quoted string' },
    NUMBER: { vi: 'một số', en: 'a number' },
    DATE: { vi: 'một ngày như 16/6/2025', en: 'a date such as 16/6/2025' },
    DAY_MONTH: { vi: 'ngày/tháng như 20/7', en: 'a day and month such as 20/7' },
    MONTH_YEAR: { vi: 'tháng/năm như 12/2025', en: 'a month and year such as 12/2025' },
    ROMAN_YEAR: { vi: 'quý/năm như IV/2025', en: 'a quarter and year such as IV/2025' },
    ITEM_NUMBER: { vi: 'số mục như [1.] hoặc [a)]', en: 'an item number such as [1.] or [a)]' },
    EOF: { vi: 'hết tệp', en: 'the end of the file' },
};

export function describeTerminal(name: string): { vi: string; en: string } | undefined {
    return TERMINALS[name];
}

/** The clauses a drafter most often means, first; the others follow in the order of the grammar. */
const PRIORITY = [
    'chủ trì', 'phối hợp', 'phối hợp với', 'hạn', 'trước', 'nhiệm vụ', 'đề nghị', 'chỉ tiêu', 'báo cáo', 'kinh phí', 'phần',
    'mục tiêu', 'thường xuyên', 'hằng năm', 'định kỳ', 'trong', 'đến', 'từ', 'sản phẩm', 'căn cứ', 'thực hiện', 'số', 'ngày', 'của',
    'tại', 'người ký', 'thời gian', 'nơi nhận', 'gửi', 'qua', 'tham mưu', 'kỳ', 'cơ quan', 'nhóm', 'văn bản', 'chỉ số', 'kế hoạch',
    'quyết định', 'nghị quyết', 'thuộc', 'viết tắt', 'gồm', 'độc lập',
];

/** Names of the blocks a syntax error can be in, by AST type: Vietnamese, English. */
const BLOCKS: Record<string, [string, string]> = {
    Model: ['tệp', 'the file'],
    NamespaceDecl: ['phạm vi', 'namespace'],
    Agency: ['cơ quan', 'agency'],
    Group: ['nhóm', 'group'],
    Document: ['văn bản', 'document'],
    Article: ['điều', 'article'],
    Indicator: ['chỉ số', 'indicator'],
    Plan: ['kế hoạch', 'plan'],
    Annex: ['phụ lục', 'annex'],
    Section: ['phần', 'section'],
    Paragraph: ['đoạn văn', 'paragraph'],
    Objective: ['mục tiêu', 'objective'],
    TextBlock: ['đoạn', 'text block'],
    Footnote: ['chú thích', 'footnote'],
    Funding: ['kinh phí', 'funding'],
    FundingSource: ['nguồn kinh phí', 'funding source'],
    Target: ['chỉ tiêu', 'target'],
    Task: ['nhiệm vụ', 'task'],
    Phase: ['giai đoạn', 'phase'],
    Report: ['báo cáo', 'report'],
    Signer: ['người ký', 'signer'],
    Recipient: ['nơi nhận', 'recipient'],
};

/** AST types a syntax error is said to be "in" (the clauses and values inside them are not named). */
export function isNamedBlock(node: AstNode): boolean {
    return node.$type in BLOCKS && node.$type !== 'Recipient' && node.$type !== 'FundingSource';
}

/**
 * "nhiệm vụ NV1" / "task NV1": a block by its kind and id, else its number as printed or its heading,
 * else the line it begins on.
 */
export function describeBlock(node: AstNode, line: (offset: number) => number): { vi: string; en: string } {
    const [vi, en] = BLOCKS[node.$type] ?? ['khối', 'block'];
    if (node.$type === 'Model') {
        return { vi, en };
    }
    const n = node as AstNode & { name?: unknown; label?: unknown; number?: unknown; heading?: unknown; mode?: unknown; kind?: unknown };
    if (node.$type === 'Plan' && typeof n.kind === 'string' && typeof n.name === 'string') {
        return { vi: `${keywordKey(n.kind)} ${n.name}`, en: `plan ${n.name}` };
    }
    if (node.$type === 'Task' && typeof n.mode === 'string' && /^(đề nghị|request)$/.test(keywordKey(n.mode))) {
        return named(['đề nghị', 'request'], n, node, line);
    }
    return named([vi, en], n, node, line);
}

function named([vi, en]: [string, string], n: { name?: unknown; label?: unknown; number?: unknown; heading?: unknown }, node: AstNode, line: (offset: number) => number): { vi: string; en: string } {
    if (typeof n.name === 'string' && n.name !== '') {
        return { vi: `${vi} ${n.name}`, en: `${en} ${n.name}` };
    }
    if (typeof n.label === 'string') {
        return { vi: `${vi} ${n.label}`, en: `${en} ${n.label}` };
    }
    if (typeof n.number === 'string') {
        return { vi: `${vi} "${n.number}"`, en: `${en} "${n.number}"` };
    }
    const at = node.$cstNode ? line(node.$cstNode.offset) : undefined;
    return at ? { vi: `${vi} ở dòng ${at}`, en: `${en} at line ${at}` } : { vi, en };
}

interface First {
    symbols: string[];
    nullable: boolean;
}

/**
 * What the grammar allows, computed once per grammar: the tokens that can begin each rule and each
 * repetition (the clauses of a block), and the English twin of each Vietnamese keyword.
 */
export class SyntaxVocabulary {
    private readonly rules = new Map<string, GrammarAST.ParserRule>();
    private readonly terminals = new Set<string>();
    private readonly firsts = new Map<string, First>();
    private readonly clausesByRule = new Map<string, string[]>();
    private readonly glosses = new Map<string, string>();
    private readonly keywordList: string[] = [];
    private readonly priority = new Map(PRIORITY.map((k, i) => [k, i]));
    private readonly beforeReference = new Set<string>();

    constructor(grammar: GrammarAST.Grammar) {
        const keywords = new Set<string>();
        for (const rule of grammar.rules) {
            if (GrammarAST.isParserRule(rule)) {
                this.rules.set(rule.name, rule);
            } else if (GrammarAST.isTerminalRule(rule)) {
                this.terminals.add(rule.name);
            }
        }
        for (const rule of this.rules.values()) {
            this.collectGlosses(rule.definition, keywords);
            this.collectReferenceKeywords(rule.definition);
        }
        this.keywordList = [...keywords];
    }

    isTerminal(name: string): boolean {
        return this.terminals.has(name) || name === 'EOF';
    }

    /** Every keyword of the grammar. */
    get keywords(): readonly string[] {
        return this.keywordList;
    }

    /** The English twin of a Vietnamese keyword ("chủ trì" → "lead"). */
    gloss(keyword: string): string | undefined {
        return this.glosses.get(keyword);
    }

    /** Whether `keyword` is followed by the id of a declaration ("chủ trì CA_TINH"). */
    takesReference(keyword: string): boolean {
        return this.beforeReference.has(keywordKey(keyword));
    }

    /** The tokens that can begin `ruleName`. */
    first(ruleName: string): string[] {
        const rule = this.rules.get(ruleName);
        return rule ? this.ruleFirst(rule, new Set()).symbols : [];
    }

    /** The tokens that can begin one more clause of `ruleName` (the first tokens of its repetitions). */
    clauses(ruleName: string): string[] {
        let result = this.clausesByRule.get(ruleName);
        if (!result) {
            const rule = this.rules.get(ruleName);
            const found = new Set<string>();
            if (rule) {
                this.repetitions(rule.definition, found);
            }
            result = [...found];
            this.clausesByRule.set(ruleName, result);
        }
        return result;
    }

    /** The rules in whose clauses `keyword` may begin one, among `ruleNames`. */
    rulesWithClause(keyword: string, ruleNames: readonly string[]): string[] {
        return ruleNames.filter(r => this.clauses(r).includes(keyword));
    }

    /**
     * The Vietnamese keywords of `symbols` for a message, the most useful first, at most `max`, then
     * the terminals in words; `more` says whether some were left out.
     */
    display(symbols: readonly string[], max = 10): { vi: string[]; en: string[]; more: boolean } {
        const keywords = symbols.filter(s => !this.isTerminal(s) && isVietnameseKeyword(s) && /\p{L}/u.test(s));
        const rank = (k: string) => this.priority.get(k) ?? PRIORITY.length + symbols.indexOf(k);
        const sorted = [...new Set(keywords)].sort((a, b) => rank(a) - rank(b));
        const shown = sorted.slice(0, max);
        const vi = shown.map(k => k);
        const en = shown.map(k => (this.gloss(k) ? `${k} (${this.gloss(k)})` : k));
        for (const terminal of ['STRING', 'ID', 'ITEM_NUMBER']) {
            if (symbols.includes(terminal) && vi.length <= max) {
                vi.push(TERMINALS[terminal].vi);
                en.push(TERMINALS[terminal].en);
            }
        }
        return { vi, en, more: sorted.length > shown.length };
    }

    /** The keywords of `candidates` nearest to what was typed (folded: no diacritics, any case), best first. */
    nearest(typed: string, candidates: readonly string[], max = 3): Array<{ keyword: string; distance: number }> {
        const folded = foldForSearch(typed);
        if (folded === '') {
            return [];
        }
        const scored = [...new Set(candidates)]
            .filter(c => !this.isTerminal(c) && /\p{L}/u.test(c))
            .map(keyword => ({ keyword, distance: editDistance(folded, foldForSearch(keyword), 6) }))
            .sort((a, b) => a.distance - b.distance || Number(!isVietnameseKeyword(a.keyword)) - Number(!isVietnameseKeyword(b.keyword)));
        return scored.slice(0, max);
    }

    private ruleFirst(rule: GrammarAST.ParserRule, visiting: Set<string>): First {
        const known = this.firsts.get(rule.name);
        if (known) {
            return known;
        }
        if (visiting.has(rule.name)) {
            return { symbols: [], nullable: false };
        }
        visiting.add(rule.name);
        const result = this.elementFirst(rule.definition, visiting);
        visiting.delete(rule.name);
        this.firsts.set(rule.name, result);
        return result;
    }

    private elementFirst(element: GrammarAST.AbstractElement, visiting: Set<string>): First {
        const optional = element.cardinality === '?' || element.cardinality === '*';
        const result = this.innerFirst(element, visiting);
        return optional ? { symbols: result.symbols, nullable: true } : result;
    }

    private innerFirst(element: GrammarAST.AbstractElement, visiting: Set<string>): First {
        if (GrammarAST.isKeyword(element)) {
            return { symbols: [keywordKey(element.value) || element.value], nullable: false };
        }
        if (GrammarAST.isAssignment(element)) {
            return this.elementFirst(element.terminal, visiting);
        }
        if (GrammarAST.isCrossReference(element)) {
            return element.terminal ? this.elementFirst(element.terminal, visiting) : { symbols: ['ID'], nullable: false };
        }
        if (GrammarAST.isRuleCall(element)) {
            const rule = element.rule.ref;
            if (GrammarAST.isParserRule(rule)) {
                return this.ruleFirst(rule, visiting);
            }
            return { symbols: rule ? [rule.name] : [], nullable: false };
        }
        if (GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
            const symbols: string[] = [];
            let nullable = false;
            for (const alternative of element.elements) {
                const f = this.elementFirst(alternative, visiting);
                symbols.push(...f.symbols);
                nullable ||= f.nullable;
            }
            return { symbols: [...new Set(symbols)], nullable };
        }
        if (GrammarAST.isGroup(element)) {
            const symbols: string[] = [];
            for (const part of element.elements) {
                const f = this.elementFirst(part, visiting);
                symbols.push(...f.symbols);
                if (!f.nullable) {
                    return { symbols: [...new Set(symbols)], nullable: false };
                }
            }
            return { symbols: [...new Set(symbols)], nullable: true };
        }
        return { symbols: [], nullable: true };
    }

    /** The first tokens of every repetition in `element` (not looking into the rules it calls). */
    private repetitions(element: GrammarAST.AbstractElement, found: Set<string>): void {
        if (element.cardinality === '*' || element.cardinality === '+') {
            this.elementFirst(element, new Set()).symbols.forEach(s => found.add(s));
        }
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
            element.elements.forEach(e => this.repetitions(e, found));
        } else if (GrammarAST.isAssignment(element)) {
            this.repetitions(element.terminal, found);
        }
    }

    /** Keywords directly followed by a reference: `('chủ trì' | 'lead') leads+=[Party:…]`. */
    private collectReferenceKeywords(element: GrammarAST.AbstractElement): void {
        if (GrammarAST.isGroup(element)) {
            element.elements.forEach((part, i) => {
                const next = element.elements[i + 1];
                const reference = next && startsWithReference(next);
                if (reference) {
                    const keywords = GrammarAST.isKeyword(part) ? [part] : GrammarAST.isAlternatives(part) ? part.elements.filter(GrammarAST.isKeyword) : [];
                    keywords.forEach(k => this.beforeReference.add(keywordKey(k.value)));
                }
            });
        }
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
            element.elements.forEach(e => this.collectReferenceKeywords(e));
        } else if (GrammarAST.isAssignment(element)) {
            this.collectReferenceKeywords(element.terminal);
        }
    }

    /** Keyword alternatives `('chủ trì' | 'lead')`: each Vietnamese spelling's English twin is the next English one. */
    private collectGlosses(element: GrammarAST.AbstractElement, keywords: Set<string>): void {
        if (GrammarAST.isKeyword(element)) {
            keywords.add(keywordKey(element.value) || element.value);
            return;
        }
        if (GrammarAST.isAlternatives(element)) {
            const spelled = element.elements.filter(GrammarAST.isKeyword).map(k => keywordKey(k.value));
            if (spelled.length === element.elements.length) {
                spelled.forEach((keyword, i) => {
                    if (isVietnameseKeyword(keyword) && !this.glosses.has(keyword)) {
                        const twin = spelled.slice(i + 1).find(k => !isVietnameseKeyword(k));
                        if (twin) {
                            this.glosses.set(keyword, twin);
                        }
                    }
                });
            }
        }
        if (GrammarAST.isGroup(element) || GrammarAST.isAlternatives(element) || GrammarAST.isUnorderedGroup(element)) {
            element.elements.forEach(e => this.collectGlosses(e, keywords));
        } else if (GrammarAST.isAssignment(element)) {
            this.collectGlosses(element.terminal, keywords);
        }
    }
}

/** Whether an element can begin with a reference (`leads+=[Party]`, or a group or choice beginning with one). */
function startsWithReference(element: GrammarAST.AbstractElement): boolean {
    if (GrammarAST.isAssignment(element)) {
        return GrammarAST.isCrossReference(element.terminal) && !element.terminal.deprecatedSyntax;
    }
    if (GrammarAST.isGroup(element)) {
        return element.elements.length > 0 && startsWithReference(element.elements[0]);
    }
    if (GrammarAST.isAlternatives(element)) {
        return element.elements.some(startsWithReference);
    }
    return false;
}
