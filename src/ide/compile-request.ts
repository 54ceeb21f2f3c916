/**
 * `planspec/compile`: the plans of one file compiled to JSON for the editor, which writes them.
 * The same refusal as `planspec compile` (src/compiler/documents.ts): a plan with errors, or whose
 * workspace holds a file that cannot be read as a plan, or under a broken configuration, is not
 * compiled, and the errors come back with their places instead.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { DocumentState, URI } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { ConfigError } from '../config/config.js';
import { compileBlockers, compileDocument, diagnosticCode, serializePlans } from '../compiler/documents.js';
import { CONFIG_FILE, listPlanFiles } from '../workspace/roots.js';
import type { CompiledFile, CompileParams, CompileResult } from './requests.js';
import type { IdeServices } from './services.js';

export { COMPILE_REQUEST } from './requests.js';

export async function compileRequest(services: IdeServices, params: CompileParams, token?: CancellationToken): Promise<CompileResult> {
    const refuse = (refusal: string): CompileResult => ({ files: [], errors: [], refusal });
    let uri: URI;
    try {
        uri = URI.parse(params.uri);
    } catch {
        return refuse('URI không hợp lệ / Invalid URI');
    }
    if (uri.scheme !== 'file') {
        return refuse('Chỉ biên dịch được tệp đã lưu trên đĩa / Only a plan saved on disk can be compiled');
    }
    const shared = services.shared;
    await shared.workspace.WorkspaceManager.ready;
    if (!shared.workspace.LangiumDocuments.hasDocument(uri)) {
        // A plan outside the workspace folders: load it with the files of its workspace, as the CLI does.
        if (!isFile(uri.fsPath)) {
            return refuse(`Không tìm thấy tệp / No such file: ${uri.fsPath}`);
        }
        const others = listPlanFiles(services.workspace.Roots.rootOf(uri)).map(f => URI.file(f))
            .filter(u => !shared.workspace.LangiumDocuments.hasDocument(u));
        await shared.workspace.WorkspaceLock.write(cancel => shared.workspace.DocumentBuilder.update([uri, ...others], [], cancel));
    }
    try {
        await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
    } catch {
        return refuse('Tệp đang được kiểm tra, hãy thử lại / The file is being checked; try again');
    }
    // A read action runs only between rebuilds: every document is as validated as it will be.
    return shared.workspace.WorkspaceLock.read(() => compileValidated(services, uri, params.outputFolder));
}

function compileValidated(services: IdeServices, uri: URI, outputFolder: string | undefined): CompileResult {
    const refuse = (refusal: string): CompileResult => ({ files: [], errors: [], refusal });
    const documents = services.shared.workspace.LangiumDocuments;
    const document = documents.getDocument(uri);
    if (!document || document.state < DocumentState.Validated) {
        return refuse('Tệp đang được kiểm tra, hãy thử lại / The file is being checked; try again');
    }
    const settings = services.config.ConfigProvider.tryGetRuleSettings(uri);
    if (settings instanceof ConfigError) {
        return {
            files: [],
            errors: settings.problems.map(p => ({
                uri: URI.file(p.file).toString(),
                range: { start: { line: p.line - 1, character: p.column - 1 }, end: { line: p.line - 1, character: p.column - 1 } },
                message: p.message,
                code: 'config',
            })),
        };
    }
    const roots = services.workspace.Roots;
    const root = roots.rootOf(uri);
    const workspace = documents.all.filter(d => d.uri.scheme === 'file' && roots.rootOf(d.uri) === root).toArray();
    const blockers = compileBlockers([document], workspace.filter(d => d !== document));
    if (blockers.length > 0) {
        return {
            files: [],
            errors: blockers.map(({ document: d, diagnostic }) => ({
                uri: d.uri.toString(),
                range: diagnostic.range,
                message: typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value,
                code: diagnosticCode(diagnostic),
            })),
        };
    }
    const plans = compileDocument(document, root, services);
    if (plans.length === 0) {
        return refuse('Tệp không có kế hoạch nào để biên dịch / The file holds no plan to compile');
    }
    const ids = new Set<string>();
    for (const plan of plans) {
        if (ids.has(plan.id)) {
            return refuse(`Hai kế hoạch cùng mã '${plan.id}' / Two plans with id '${plan.id}'`);
        }
        ids.add(plan.id);
    }
    let folder = path.dirname(uri.fsPath);
    if (outputFolder) {
        try {
            folder = URI.parse(outputFolder).fsPath;
        } catch {
            return refuse('Thư mục đích không hợp lệ / Invalid output folder');
        }
    }
    const sources = sourceFiles(services, document, workspace);
    const files: CompiledFile[] = [];
    for (const plan of plans) {
        const target = path.join(folder, `${plan.id}.json`);
        const problem = unwritable(target, sources);
        if (problem) {
            return refuse(problem);
        }
        files.push({ planId: plan.id, uri: URI.file(target).toString(), content: serializePlans(plan) });
    }
    return { files, errors: [] };
}

/** The files compiling must never overwrite: the workspace's plans and registries, the configuration. */
function sourceFiles(services: IdeServices, document: LangiumDocument, workspace: LangiumDocument[]): Set<string> {
    const config = services.config.ConfigProvider.configFileFor(document.uri);
    return new Set([...workspace.map(d => d.uri.fsPath), ...(config ? [config] : [])].map(realPath));
}

/** Why a target must not be written (as the CLI refuses it), or undefined. */
function unwritable(target: string, sources: Set<string>): string | undefined {
    if (sources.has(realPath(target)) || path.basename(target) === CONFIG_FILE) {
        return `${target}: là tệp nguồn hoặc tệp cấu hình, không ghi đè / is a source, registry or configuration file; not overwritten`;
    }
    let stat: fs.Stats | undefined;
    try {
        stat = fs.lstatSync(target);
    } catch {
        return undefined;
    }
    if (stat.isSymbolicLink()) {
        return `${target}: là liên kết tượng trưng, không ghi đè / is a symbolic link; planspec does not write through or replace links`;
    }
    if (stat.isDirectory()) {
        return `${target}: là thư mục, không phải tệp / is a folder, not a file`;
    }
    return undefined;
}

function realPath(file: string): string {
    try {
        return fs.realpathSync(file);
    } catch {
        return path.resolve(file);
    }
}

function isFile(file: string): boolean {
    try {
        return fs.statSync(file).isFile();
    } catch {
        return false;
    }
}
