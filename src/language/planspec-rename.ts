import type { LangiumDocument } from 'langium';
import type { LangiumServices } from 'langium/lsp';
import { DefaultRenameProvider } from 'langium/lsp';
import type { RenameParams, WorkspaceEdit } from 'vscode-languageserver';
import { CancellationToken, ResponseError, ErrorCodes } from 'vscode-languageserver';

/**
 * Rename that keeps a plan valid:
 * - the new name must be an identifier of the language (a letter or "_" first, then letters,
 *   marks, digits, "_"), and not a keyword ("số", "cho" …): anything else is refused with a message;
 * - a reference written with its namespace (`CaMau.CA_TINH`) keeps the namespace: only its last
 *   part is renamed.
 */
export class PlanspecRenameProvider extends DefaultRenameProvider {
    protected readonly lexer: LangiumServices['parser']['Lexer'];
    protected readonly langiumDocuments: LangiumServices['shared']['workspace']['LangiumDocuments'];

    constructor(services: LangiumServices) {
        super(services);
        this.lexer = services.parser.Lexer;
        this.langiumDocuments = services.shared.workspace.LangiumDocuments;
    }

    override async rename(document: LangiumDocument, params: RenameParams, cancelToken = CancellationToken.None): Promise<WorkspaceEdit | undefined> {
        const newName = params.newName.normalize('NFC');
        const problem = this.nameProblem(newName);
        if (problem) {
            throw new ResponseError(ErrorCodes.InvalidParams, problem);
        }
        const edit = await super.rename(document, { ...params, newName }, cancelToken);
        for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
            const text = this.textOf(uri, document);
            for (const change of edits) {
                const written = text?.(change.range);
                const dot = written?.lastIndexOf('.') ?? -1;
                if (written && dot > 0) {
                    change.range = { start: { line: change.range.start.line, character: change.range.start.character + dot + 1 }, end: change.range.end };
                }
            }
        }
        return edit;
    }

    /** Why a new name cannot be used, or undefined when it can. */
    nameProblem(name: string): string | undefined {
        if (!/^[\p{L}_][\p{L}\p{M}\p{N}_]*$/u.test(name)) {
            return `"${name}" không phải mã hợp lệ: bắt đầu bằng chữ cái hoặc "_", chỉ gồm chữ, số và "_" / "${name}" is not a valid id: a letter or "_" first, then letters, digits and "_"`;
        }
        const tokens = this.lexer.tokenize(name).tokens;
        if (tokens.length !== 1 || tokens[0].tokenType.name !== 'ID') {
            return `"${name}" là từ khóa của ngôn ngữ, không dùng làm mã được / "${name}" is a keyword of the language and cannot be an id`;
        }
        return undefined;
    }

    /** Reads a range of a document of the workspace. */
    protected textOf(uri: string, fallback: LangiumDocument): ((range: { start: { line: number; character: number }; end: { line: number; character: number } }) => string) | undefined {
        const document = uri === fallback.uri.toString() ? fallback : this.langiumDocuments.all.find(d => d.uri.toString() === uri);
        return document ? range => document.textDocument.getText(range) : undefined;
    }
}
