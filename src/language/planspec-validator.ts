import type { AstNode, AstReflection, FileSystemProvider, LangiumCoreServices, LangiumDocument, ParseResult, ValidationAcceptor, ValidationOptions } from 'langium';
import { Cancellation, CstUtils, DefaultDocumentValidator, DocumentValidator, interruptAndCheck, isOperationCancelled } from 'langium';
import type { EncodingProblem } from '../workspace/file-system.js';
import type { Diagnostic, Range } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { RefinedError } from './syntax-errors.js';

/** Findings kept per rule and file; the rest are counted in one more finding. */
export const MAX_FINDINGS_PER_RULE = 1000;

/**
 * Langium's document validator, made to survive any input:
 * - unresolved references are reported by the `unresolved-reference` rule, with its configured
 *   severity, not here;
 * - findings are gathered without spreading them into function arguments (a plan with 130,000
 *   findings overflowed the stack and lost every one of them);
 * - a validation that fails is reported as an error on the file, so the check fails rather than
 *   passing with its findings lost;
 * - at most MAX_FINDINGS_PER_RULE findings per rule, then one saying how many more (of the highest
 *   severity among them), so that an editor stays responsive.
 */
export class PlanspecDocumentValidator extends DefaultDocumentValidator {
    protected readonly fileSystem: FileSystemProvider & { encodingProblem?: (uri: LangiumDocument['uri']) => EncodingProblem | undefined };

    constructor(services: LangiumCoreServices) {
        super(services);
        this.fileSystem = services.shared.workspace.FileSystemProvider;
        this.reflection = services.shared.AstReflection;
    }

    protected readonly reflection: AstReflection;

    /**
     * The checks registered for the root only, when no other node type has any: the rule runner
     * walks the tree once for every rule, and Langium's walk (a turn of the event loop per node,
     * asking the registry for the checks of each) found nothing else to do but cost a tenth of a
     * check. With a check on any other type, Langium's walk as usual.
     */
    override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.rootOnly ??= this.hasChecksOnlyFor(rootNode.$type);
        if (!this.rootOnly) {
            return super.validateAstNodes(rootNode, options, acceptor, cancelToken);
        }
        await interruptAndCheck(cancelToken);
        for (const check of this.validationRegistry.getChecks(rootNode.$type, options.categories)) {
            await check(rootNode, acceptor, cancelToken);
        }
    }

    private rootOnly: boolean | undefined;

    private hasChecksOnlyFor(rootType: string): boolean {
        return this.reflection.getAllTypes().every(type => type === rootType || this.validationRegistry.getChecks(type).isEmpty());
    }

    protected override processLinkingErrors(): void {
        // intentionally empty: see the unresolved-reference rule
    }

    protected override processLexingErrors(parseResult: ParseResult, diagnostics: Diagnostic[]): void {
        this.syntaxDiagnostics(undefined, diagnostics, parseResult, 'lexer');
    }

    protected override processParsingErrors(parseResult: ParseResult, diagnostics: Diagnostic[]): void {
        this.syntaxDiagnostics(undefined, diagnostics, parseResult, 'parser');
    }

    /**
     * The file's syntax errors as refined by the parser (syntax-errors.ts): each at the place of the
     * typo, with its quick fixes (the diagnostic's `data`, as for a rule's finding) and the places it
     * names (the `{` a missing `}` would close).
     */
    protected syntaxDiagnostics(document: LangiumDocument | undefined, diagnostics: Diagnostic[], parseResult = document!.parseResult, which?: 'lexer' | 'parser'): void {
        const errors: Array<{ error: RefinedError; range: Range | undefined }> = [];
        if (which !== 'parser') {
            for (const e of [...parseResult.lexerErrors, ...parseResult.lexerReport?.diagnostics ?? []] as RefinedError[]) {
                const at = e as RefinedError & { line: number; column: number; length: number };
                errors.push({ error: e, range: { start: { line: at.line - 1, character: at.column - 1 }, end: { line: at.line - 1, character: at.column + at.length - 1 } } });
            }
        }
        if (which !== 'lexer') {
            for (const e of parseResult.parserErrors as RefinedError[]) {
                errors.push({ error: e, range: parserErrorRange(e as RefinedError & { token: Parameters<typeof CstUtils.tokenToRange>[0] }) });
            }
        }
        for (const { error, range } of errors) {
            const note = error.planspec;
            const at = note?.range ?? range;
            if (!at) {
                continue;
            }
            const related = document && note?.related?.map(r => ({ location: { uri: document.uri.toString(), range: r.range }, message: r.message }));
            diagnostics.push({
                severity: (error as { severity?: string }).severity === 'warning' ? DiagnosticSeverity.Warning : DiagnosticSeverity.Error,
                range: at,
                message: error.message,
                data: { code: DocumentValidator.ParsingError, ...(note?.fixes ? { fixes: note.fixes } : {}) },
                ...(related && related.length > 0 ? { relatedInformation: related } : {}),
                source: this.getSource(),
            });
        }
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken = Cancellation.CancellationToken.None): Promise<Diagnostic[]> {
        const parseResult = document.parseResult;
        const diagnostics: Diagnostic[] = [];
        await interruptAndCheck(cancelToken);
        if (!options.categories || options.categories.includes('built-in')) {
            const encoding = this.fileSystem.encodingProblem?.(document.uri);
            if (encoding) {
                const at = { line: encoding.line - 1, character: encoding.column - 1 };
                const byte = `0x${encoding.byte.toString(16).toUpperCase().padStart(2, '0')}`;
                diagnostics.push({
                    severity: DiagnosticSeverity.Error,
                    range: { start: at, end: { line: at.line, character: at.character + 1 } },
                    message: `Tệp không phải UTF-8: byte ${byte} không hợp lệ ở dòng ${encoding.line}, cột ${encoding.column}; hãy lưu lại tệp với bảng mã UTF-8 / The file is not UTF-8: invalid byte ${byte} at line ${encoding.line}, column ${encoding.column}; save it as UTF-8`,
                    code: 'invalid-encoding',
                    source: this.getSource(),
                });
            }
            this.syntaxDiagnostics(document, diagnostics);
        }
        try {
            const found = await this.validateAst(parseResult.value, options, cancelToken);
            for (const diagnostic of capFindings(found)) {
                diagnostics.push(diagnostic);
            }
        } catch (error) {
            if (isOperationCancelled(error)) {
                throw error;
            }
            const reason = error instanceof Error ? error.message : String(error);
            console.error(`planspec: validation failed on ${document.uri.toString()}:`, error);
            diagnostics.push({
                severity: DiagnosticSeverity.Error,
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                message: `Lỗi nội bộ: không kiểm tra hết được tệp này (${reason}); kết quả kiểm tra chưa đầy đủ / Internal error: this file could not be fully checked (${reason}); its findings are incomplete`,
                code: 'internal-error',
                source: this.getSource(),
            });
        }
        await interruptAndCheck(cancelToken);
        return diagnostics;
    }
}

/** Where Langium shows a parser error: its token, or just after the token before when the parser made one up. */
function parserErrorRange(error: { token: Parameters<typeof CstUtils.tokenToRange>[0]; previousToken?: Parameters<typeof CstUtils.tokenToRange>[0] }): Range {
    if (CstUtils.isValidTokenRange(error.token)) {
        return CstUtils.tokenToRange(error.token);
    }
    const previous = error.previousToken;
    const at = previous && CstUtils.isValidTokenRange(previous) ? { line: previous.endLine! - 1, character: previous.endColumn! } : { line: 0, character: 0 };
    return { start: at, end: at };
}

/** The first MAX_FINDINGS_PER_RULE findings of each rule, and one counting the rest. */
export function capFindings(found: Diagnostic[]): Diagnostic[] {
    const counts = new Map<unknown, number>();
    const overflow = new Map<unknown, { count: number; severity: DiagnosticSeverity; last: Diagnostic }>();
    const kept: Diagnostic[] = [];
    for (const d of found) {
        const count = (counts.get(d.code) ?? 0) + 1;
        counts.set(d.code, count);
        if (count <= MAX_FINDINGS_PER_RULE) {
            kept.push(d);
            continue;
        }
        const o = overflow.get(d.code);
        const severity = d.severity ?? DiagnosticSeverity.Error;
        if (o) {
            o.count++;
            o.severity = Math.min(o.severity, severity) as DiagnosticSeverity;
        } else {
            overflow.set(d.code, { count: 1, severity, last: d });
        }
    }
    for (const [code, o] of overflow) {
        kept.push({
            ...o.last,
            severity: o.severity,
            message: `Còn ${o.count} phát hiện nữa của quy tắc ${String(code)} không hiển thị / ${o.count} more findings of ${String(code)} not shown`,
        });
    }
    return kept;
}
