/**
 * `planspec import <file|-> [-o out.plan] [--workspace DIR]`: an existing plan (text) becomes a
 * `.plan` draft. With -o the draft is written there and the registry additions beside it
 * (`<name>.registry.plan`); without, the draft goes to stdout and the additions and review notes to
 * stderr. Never writes over the source or a file that is not an earlier import.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { docxToText } from '../import/docx.js';
import { importText } from '../import/index.js';
import { UsageError } from '../workspace/load.js';
import { CONFIG_FILE, findWorkspaceRoot, isMarkedRoot } from '../workspace/roots.js';
import { writeFileAtomic } from './write.js';

export interface ImportCliOptions {
    out?: string;
    workspace?: string;
}

interface CliIo {
    out: (text: string) => void;
    err: (text: string) => void;
}

/**
 * The source's text: a text file (UTF-8), a Word file (.docx, read by docxToText) or stdin ("-"),
 * where a Word file is told by its zip signature.
 */
export async function readSource(file: string): Promise<string> {
    if (file === '-') {
        const data = await readStdin();
        return isZip(data) ? wordText(data, 'stdin') : decode(data, 'stdin');
    }
    let data: Buffer;
    try {
        const stat = fs.statSync(file);
        if (!stat.isFile()) {
            throw new UsageError(`${file}: không phải tệp thông thường (not a regular file)`);
        }
        data = fs.readFileSync(file);
    } catch (error) {
        if (error instanceof UsageError) {
            throw error;
        }
        const code = (error as NodeJS.ErrnoException).code;
        throw new UsageError(code === 'ENOENT' ? `${file}: không tìm thấy tệp (no such file)` : `${file}: không đọc được tệp (cannot read the file): ${code ?? String(error)}`);
    }
    return /\.docx$/i.test(file) ? wordText(data, file) : decode(data, file);
}

function isZip(data: Uint8Array): boolean {
    return data[0] === 0x50 && data[1] === 0x4b && data[2] === 0x03 && data[3] === 0x04;
}

async function wordText(data: Uint8Array, shown: string): Promise<string> {
    try {
        return await docxToText(data);
    } catch (error) {
        throw new UsageError(`${shown}: ${error instanceof Error ? error.message : String(error)}`);
    }
}

function decode(data: Uint8Array, shown: string): string {
    try {
        return new TextDecoder('utf-8', { fatal: true }).decode(data);
    } catch {
        throw new UsageError(`${shown}: không phải văn bản UTF-8 (not UTF-8 text)`);
    }
}

async function readStdin(): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) {
        chunks.push(Buffer.from(chunk as Uint8Array));
    }
    return Buffer.concat(chunks);
}

/** What the importer writes first: a file that begins so is an earlier draft, and may be replaced. */
const DRAFT_MARK = '// Nhập từ / Imported from:';

function isEarlierImport(file: string): boolean {
    try {
        return fs.readFileSync(file, 'utf8').split('\n').slice(0, 4).some(l => l.startsWith(DRAFT_MARK) || l.startsWith('// Bổ sung sổ đăng ký / Registry additions'));
    } catch {
        return false;
    }
}

function checkTarget(target: string, source: string): void {
    if (source !== '-' && fs.existsSync(source) && fs.existsSync(target) && fs.realpathSync(source) === fs.realpathSync(target)) {
        throw new UsageError(`${target}: là tệp nguồn, không ghi đè (is the source file; not overwritten)`);
    }
    if (path.basename(target) === CONFIG_FILE) {
        throw new UsageError(`${target}: là tệp cấu hình, không ghi đè (is a configuration file; not overwritten)`);
    }
    if (fs.existsSync(target) && fs.statSync(target).isFile() && !isEarlierImport(target)) {
        throw new UsageError(`${target}: tệp đã có và không phải bản nhập trước, không ghi đè (exists and is not an earlier import; not overwritten)`);
    }
}

export async function importCommand(source: string, options: ImportCliOptions, io: CliIo): Promise<number> {
    let workspace = options.workspace;
    if (workspace !== undefined && !(fs.existsSync(workspace) && fs.statSync(workspace).isDirectory())) {
        throw new UsageError(`${workspace}: không phải thư mục (--workspace is not a folder)`);
    }
    if (workspace === undefined && options.out) {
        // Written into a workspace: resolve against it.
        const root = findWorkspaceRoot(path.dirname(path.resolve(options.out)));
        if (isMarkedRoot(root)) {
            workspace = root;
        }
    }
    const text = await readSource(source);
    const result = await importText(text, { workspace, sourceName: source === '-' ? 'stdin' : path.basename(source) });
    if (options.out) {
        const registryFile = options.out.replace(/(\.plan)?$/i, '.registry.plan');
        checkTarget(options.out, source);
        if (result.registry) {
            checkTarget(registryFile, source);
        }
        writeFileAtomic(options.out, result.plan, options.out);
        if (result.registry) {
            writeFileAtomic(registryFile, result.registry, registryFile);
        }
        io.err(`planspec: đã viết (wrote) ${options.out}${result.registry ? ` và (and) ${registryFile}` : ''}\n`);
    } else {
        io.out(result.plan);
        if (result.registry) {
            io.err(`planspec: bổ sung sổ đăng ký (registry additions; with -o they go to <name>.registry.plan):\n${result.registry}`);
        }
    }
    for (const note of result.notes) {
        io.err(`planspec: ${options.out ?? 'stdout'}:${note.line}: ${note.message}\n`);
    }
    io.err(`planspec: ${result.notes.length} chỗ cần xem lại (places to review)\n`);
    return 0;
}
