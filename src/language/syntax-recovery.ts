/**
 * Error recovery that keeps a typo inside the block it was typed in. Chevrotain recovers by
 * skipping to a token that may follow the failing rule somewhere up the rule stack; in a language of
 * `{ … }` blocks whose clauses start with common words, that token is often the `}` of the block
 * itself, taken as the enclosing block's, or a clause of the enclosing plan (`số`): the rest of the
 * file then shifts one level and every later line is reported. Here:
 *
 * - a rule that fails inside its own `{ … }` skips to the matching `}` (nested braces counted) and
 *   ends there, so the enclosing block continues with the next line as written;
 * - a rule that fails in its header, with its `{` later on the same line, skips the whole block;
 * - inside a repetition (the clauses of a task, the members of a section), tokens are skipped as a
 *   unit up to the next line that begins a clause (a block `{ … }` on the way is skipped whole),
 *   never resuming in the middle of the broken line, where a string or an id would parse as
 *   something else.
 *
 * Every recovery is logged with the text it skipped, so that the rules can leave that text alone.
 */
import type { IRecognitionException, IToken, TokenType } from 'chevrotain';
import type { CstNode, LangiumParser } from 'langium';

/** A stretch of the text the parser could not read as written: from the start of the node it was building, or of the first token it skipped, to the end of the last. */
export interface RecoveredRegion {
    from: number;
    to: number;
    /** The node the parser was building, left without what was skipped. */
    node?: CstNode;
}

export interface RecoveryLog {
    regions: RecoveredRegion[];
}

/** The parts of chevrotain's parser this module drives (not in its public typings). */
interface Recognizer {
    LA(howMuch: number): IToken;
    consumeToken(): void;
    exportLexerState(): number;
    importLexerState(state: number): void;
    tokenMatcher(token: IToken, type: TokenType): boolean;
    flattenFollowSet(): TokenType[];
    SAVE_ERROR(error: IRecognitionException): IRecognitionException;
    getCurrRuleFullName(): string;
    isBackTracking(): boolean;
    recoveryEnabled: boolean;
    RULE_STACK_IDX: number;
    errorMessageProvider: { buildMismatchTokenMessage(options: { expected: TokenType; actual: IToken; previous: IToken; ruleName: string }): string };
    invokeRuleCatch(error: unknown, resyncEnabled: boolean, recoveryValueFunc: (e: unknown) => unknown): unknown;
    tryInRepetitionRecovery(grammarRule: (...args: unknown[]) => void, args: unknown[], lookAhead: () => boolean, expected: TokenType): void;
    canRecoverWithSingleTokenInsertion(expected: TokenType, follows: TokenType[]): boolean;
}

interface ParserInternals {
    wrapper: Recognizer;
    nodeBuilder: { current: CstNode & { content?: CstNode[] } };
}

const RECOGNITION_EXCEPTIONS = new Set(['MismatchedTokenException', 'NoViableAltException', 'EarlyExitException', 'NotAllInputParsedException']);

function isEof(token: IToken): boolean {
    return token.tokenType?.name === 'EOF' || !Number.isFinite(token.startOffset);
}

function isOpen(token: IToken): boolean {
    return token.tokenType?.name === '{';
}

function isClose(token: IToken): boolean {
    return token.tokenType?.name === '}';
}

function endOf(token: IToken): number {
    return (token.endOffset ?? token.startOffset) + 1;
}

/** The braces a composite CST node has opened among its own children and not closed. */
function openBraces(node: CstNode & { content?: CstNode[] }): number {
    let depth = 0;
    for (const child of node.content ?? []) {
        const name = (child as { tokenType?: TokenType }).tokenType?.name;
        if (name === '{') {
            depth++;
        } else if (name === '}') {
            depth--;
        }
    }
    return depth;
}

/** Where a node under construction begins: its first token, if it has consumed any. */
function startOf(node: CstNode & { content?: CstNode[] }): number | undefined {
    const first = (node.content ?? []).find(child => !child.hidden);
    return first ? first.offset : undefined;
}

/** Installs the recovery on a document parser; returns the log it fills, to be cleared before each parse. */
export function installBraceRecovery(parser: LangiumParser): RecoveryLog {
    const log: RecoveryLog = { regions: [] };
    const { wrapper, nodeBuilder } = parser as unknown as ParserInternals;
    if (!wrapper || !nodeBuilder || typeof wrapper.invokeRuleCatch !== 'function' || typeof wrapper.tryInRepetitionRecovery !== 'function') {
        return log;
    }
    const invokeRuleCatch = wrapper.invokeRuleCatch;
    const canInsert = wrapper.canRecoverWithSingleTokenInsertion;

    /** Skips the tokens up to and including the `}` that closes `depth` open braces; false (and nothing skipped) when the file ends first. */
    const skipToClose = (self: Recognizer, depth: number): IToken[] | undefined => {
        const saved = self.exportLexerState();
        const skipped: IToken[] = [];
        for (let token = self.LA(1); !isEof(token); token = self.LA(1)) {
            if (isOpen(token)) {
                depth++;
            } else if (isClose(token)) {
                depth--;
            }
            skipped.push(token);
            self.consumeToken();
            if (depth === 0) {
                return skipped;
            }
        }
        self.importLexerState(saved);
        return undefined;
    };

    wrapper.invokeRuleCatch = function (this: Recognizer, error: unknown, resyncEnabled: boolean, recoveryValueFunc: (e: unknown) => unknown): unknown {
        const recognition = error as IRecognitionException;
        if (resyncEnabled && this.recoveryEnabled && !this.isBackTracking() && this.RULE_STACK_IDX > 0
            && RECOGNITION_EXCEPTIONS.has(recognition?.name)) {
            const node = nodeBuilder.current;
            const open = node ? openBraces(node) : 0;
            let skipped: IToken[] | undefined;
            if (open > 0) {
                skipped = skipToClose(this, open);
            } else if (node && node.content && node.content.length > 0) {
                // Still in the header: the block's `{` on the same line belongs to this rule.
                const line = this.LA(0).endLine ?? this.LA(0).startLine ?? 0;
                let k = 1;
                for (let token = this.LA(k); !isEof(token) && token.startLine === line && !isClose(token); token = this.LA(++k)) {
                    if (isOpen(token)) {
                        for (let i = 1; i < k; i++) {
                            this.consumeToken();
                        }
                        skipped = skipToClose(this, 0);
                        break;
                    }
                }
            }
            if (skipped && skipped.length > 0) {
                recognition.resyncedTokens = skipped;
                const from = Math.min(startOf(node) ?? Infinity, skipped[0].startOffset, recognition.token && !isEof(recognition.token) ? recognition.token.startOffset : Infinity);
                log.regions.push({ from, to: endOf(skipped[skipped.length - 1]), node });
                return recoveryValueFunc(error);
            }
        }
        const before = this.exportLexerState();
        const result = invokeRuleCatch.call(this, error, resyncEnabled, recoveryValueFunc);
        // Chevrotain's own resynchronisation: the node it returns lacks what was skipped.
        const after = this.exportLexerState();
        const node = nodeBuilder.current;
        if (RECOGNITION_EXCEPTIONS.has(recognition?.name) && node) {
            const start = recognition.token && !isEof(recognition.token) ? recognition.token.startOffset : undefined;
            const from = Math.min(startOf(node) ?? Infinity, start ?? Infinity);
            const last = after > before ? this.LA(0) : recognition.token;
            const to = last && !isEof(last) ? endOf(last) : from;
            if (Number.isFinite(from)) {
                log.regions.push({ from, to: Math.max(from, to), node });
            }
        }
        return result;
    };

    // A `}` is not made up before a word on the same line (`{ chủ trì A  số "5" … }`): the word is a
    // clause out of place inside this block, not the start of the enclosing block's next clause.
    if (typeof canInsert === 'function') {
        wrapper.canRecoverWithSingleTokenInsertion = function (this: Recognizer, expected: TokenType, follows: TokenType[]): boolean {
            const next = this.LA(1);
            if (expected?.name === '}' && !isEof(next) && next.startLine === (this.LA(0).endLine ?? this.LA(0).startLine)) {
                return false;
            }
            return canInsert.call(this, expected, follows);
        };
    }

    wrapper.tryInRepetitionRecovery = function (this: Recognizer, grammarRule, args, lookAhead, expected): void {
        const saved = this.exportLexerState();
        const first = this.LA(1);
        const previous = this.LA(0);
        const follows = this.flattenFollowSet();
        const skipped: IToken[] = [];
        const node = nodeBuilder.current;
        let depth = 0;
        const report = () => {
            const message = this.errorMessageProvider.buildMismatchTokenMessage({ expected, actual: first, previous, ruleName: this.getCurrRuleFullName() });
            const exception = Object.assign(new Error(message), { name: 'MismatchedTokenException', token: first, previousToken: previous, resyncedTokens: skipped.slice(1), context: { ruleStack: [], ruleOccurrenceStack: [] } });
            this.SAVE_ERROR(exception as unknown as IRecognitionException);
            if (skipped.length > 0) {
                log.regions.push({ from: first.startOffset, to: endOf(skipped[skipped.length - 1]), node });
            }
        };
        for (let token = this.LA(1); ; token = this.LA(1)) {
            if (isEof(token)) {
                if (this.tokenMatcher(token, expected)) {
                    report();
                    return;
                }
                break;
            }
            const inFollows = () => follows.some(type => this.tokenMatcher(token, type));
            if (depth === 0) {
                if (skipped.length > 0) {
                    if (this.tokenMatcher(token, expected)) {
                        report();
                        return;
                    }
                    const startsLine = (token.startLine ?? 0) > (this.LA(0).endLine ?? this.LA(0).startLine ?? 0);
                    if (startsLine && lookAhead.call(this)) {
                        report();
                        grammarRule.apply(this, args);
                        return;
                    }
                    if (startsLine && inFollows()) {
                        // A clause of an enclosing block: leave it to that block.
                        break;
                    }
                }
                if (isClose(token) && inFollows()) {
                    // The `}` of an enclosing block.
                    break;
                }
            }
            if (isOpen(token)) {
                depth++;
            } else if (isClose(token)) {
                depth = Math.max(0, depth - 1);
            }
            skipped.push(token);
            this.consumeToken();
        }
        this.importLexerState(saved);
    };
    return log;
}
