/**
 * The custom requests between the VS Code extension and the language server: their names and
 * shapes, in a module without dependencies so that the extension's bundle can import it.
 */
import type { Range } from 'vscode-languageserver';

/** `planspec/compile`: the plans of one file, compiled to JSON for the editor to write. */
export const COMPILE_REQUEST = 'planspec/compile';

export interface CompileParams {
    /** The plan file, as a URI. */
    uri: string;
    /** The folder to write into, as a URI; beside the plan when absent. */
    outputFolder?: string;
}

export interface CompileError {
    uri: string;
    range: Range;
    message: string;
    /** The rule id, `syntax-error` or `config`. */
    code: string;
}

export interface CompiledFile {
    planId: string;
    /** Where to write it, as a URI. */
    uri: string;
    content: string;
}

export interface CompileResult {
    /** One file per plan of the document; none when anything stops compilation. */
    files: CompiledFile[];
    /** The errors that stop compilation, with their places. */
    errors: CompileError[];
    /** Why nothing was compiled when it is not for errors in the files (no plan, an unwritable target). */
    refusal?: string;
}

/** `planspec/checkWorkspace`: every `.plan` of the workspace folders checked again, from disk. */
export const CHECK_WORKSPACE_REQUEST = 'planspec/checkWorkspace';

export interface CheckWorkspaceResult {
    /** The `.plan` files checked. */
    files: number;
    errors: number;
    warnings: number;
    /** Information and hints. */
    infos: number;
}

/** `planspec/import`: an existing plan (a Word or text file) turned into a `.plan` draft. */
export const IMPORT_REQUEST = 'planspec/import';

export interface ImportParams {
    /** The file's name as the user sees it; `.docx` is read as Word, anything else as text. */
    fileName: string;
    /** The file's bytes, base64. */
    data: string;
    /**
     * A file or folder URI whose workspace (the nearest folder with planspec.config.json or .git)
     * resolves bodies and documents and gives the draft its namespace; none: everything is declared.
     */
    workspace?: string;
}

export interface ImportResponse {
    /** The text the importer read: the file's own, or the text extracted from the Word file. */
    source: string;
    /** The draft plan. */
    plan: string;
    /** Declarations of what the workspace lacks, for a separate file. */
    registry?: string;
    /** What to review: a 1-based line of the draft and why. */
    notes: Array<{ line: number; message: string }>;
    /** Why nothing was imported (bilingual); the other fields are then empty. */
    refusal?: string;
}
