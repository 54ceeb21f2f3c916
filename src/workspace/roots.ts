import * as fs from 'node:fs';
import * as path from 'node:path';
import type { URI } from 'langium';

/** The file that marks a planspec workspace root and holds its configuration. */
export const CONFIG_FILE = 'planspec.config.json';

/**
 * The workspace root of a file or folder: the nearest folder, from it upwards, that holds
 * `planspec.config.json`; failing that, the nearest folder holding `.git`; failing that, the
 * folder itself. Every plan resolves names only against files of its own workspace, in the CLI
 * and in the editor alike.
 */
export function findWorkspaceRoot(fileOrFolder: string): string {
    const start = path.resolve(fileOrFolder);
    const startDir = isDirectory(start) ? start : path.dirname(start);
    return findUp(startDir, CONFIG_FILE) ?? findUp(startDir, '.git') ?? startDir;
}

/** Whether a folder is a marked workspace root (it holds `planspec.config.json` or `.git`). */
export function isMarkedRoot(folder: string): boolean {
    return fs.existsSync(path.join(folder, CONFIG_FILE)) || fs.existsSync(path.join(folder, '.git'));
}

function findUp(from: string, marker: string): string | undefined {
    let dir = from;
    for (;;) {
        if (fs.existsSync(path.join(dir, marker))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return undefined;
        }
        dir = parent;
    }
}

function isDirectory(p: string): boolean {
    try {
        return fs.statSync(p).isDirectory();
    } catch {
        return false;
    }
}

/**
 * Caches the root of each folder; documents that are not files (tests, untitled) share one root, but
 * for an untitled document given a path in a folder (the editor's imported draft), which belongs to
 * that folder's workspace: it is checked against its registry before it is saved.
 */
export class WorkspaceRoots {
    protected readonly cache = new Map<string, string>();

    rootOf(uri: URI): string {
        if (uri.scheme !== 'file' && !(uri.scheme === 'untitled' && uri.path.startsWith('/'))) {
            return '';
        }
        const dir = path.dirname(uri.fsPath);
        let root = this.cache.get(dir);
        if (root === undefined) {
            root = findWorkspaceRoot(dir);
            this.cache.set(dir, root);
        }
        return root;
    }

    /** Forget cached roots, e.g. after a configuration file was created or deleted. */
    clear(): void {
        this.cache.clear();
    }
}

/** A file-system problem met while listing a workspace, with the path as the user would write it. */
export interface ListingProblem {
    path: string;
    message: string;
}

/**
 * The `.plan` files of a workspace, sorted: every one below a marked root (see `isMarkedRoot`),
 * skipping dot-folders and node_modules; for an unmarked folder, only the files directly in it
 * (an arbitrary folder, such as a shared temp folder, is never scanned to its depth).
 * Symbolic links to files and folders are followed (each folder once); anything that is not a
 * regular file (a FIFO, a device), a broken link or an unreadable folder is skipped and reported.
 */
export function listPlanFiles(folder: string, problems: ListingProblem[] = [], recursive = isMarkedRoot(folder),
    readDirectory: (dir: string) => fs.Dirent[] = dir => fs.readdirSync(dir, { withFileTypes: true })): string[] {
    const result: string[] = [];
    const visited = new Set<string>();
    const pending: string[] = [folder];
    while (pending.length > 0) {
        const dir = pending.shift()!;
        let real: string;
        try {
            real = fs.realpathSync(dir);
        } catch {
            real = dir;
        }
        if (visited.has(real)) {
            continue;
        }
        visited.add(real);
        let entries: fs.Dirent[];
        try {
            entries = readDirectory(dir);
        } catch (error) {
            problems.push({ path: dir, message: `không đọc được thư mục, đã bỏ qua (cannot read the folder, skipped): ${(error as NodeJS.ErrnoException).code ?? String(error)}` });
            continue;
        }
        const subfolders: string[] = [];
        for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') {
                continue;
            }
            const full = path.join(dir, entry.name);
            let stat: fs.Stats | undefined = undefined;
            if (entry.isSymbolicLink()) {
                try {
                    stat = fs.statSync(full);
                } catch {
                    if (entry.name.endsWith('.plan')) {
                        problems.push({ path: full, message: 'liên kết hỏng, đã bỏ qua (broken symbolic link, skipped)' });
                    }
                    continue;
                }
            }
            const isDir = stat ? stat.isDirectory() : entry.isDirectory();
            const isFile = stat ? stat.isFile() : entry.isFile();
            if (isDir) {
                if (recursive) {
                    subfolders.push(full);
                }
            } else if (entry.name.endsWith('.plan')) {
                if (isFile) {
                    result.push(full);
                } else {
                    problems.push({ path: full, message: 'không phải tệp thông thường (FIFO, thiết bị…), đã bỏ qua (not a regular file, skipped)' });
                }
            }
        }
        pending.unshift(...subfolders);
    }
    return result.sort();
}
