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
