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

/** Caches the root of each folder; documents that are not files (tests, untitled) share one root. */
export class WorkspaceRoots {
    protected readonly cache = new Map<string, string>();

    rootOf(uri: URI): string {
        if (uri.scheme !== 'file') {
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

/** All `.plan` files below a folder, sorted, skipping dot-folders and node_modules. */
export function listPlanFiles(folder: string): string[] {
    const result: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            if (entry.name.startsWith('.') || entry.name === 'node_modules') {
                continue;
            }
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                walk(full);
            } else if (entry.isFile() && entry.name.endsWith('.plan')) {
                result.push(full);
            }
        }
    };
    walk(folder);
    return result;
}
