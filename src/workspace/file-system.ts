import { isUtf8 } from 'node:buffer';
import * as fs from 'node:fs';
import type { FileSystemNode, URI } from 'langium';
import { UriUtils } from 'langium';
import { NodeFileSystemProvider } from 'langium/node';

/** Where a file stops being valid UTF-8. */
export interface EncodingProblem {
    /** 1-based line and column (UTF-16 code units) of the first invalid byte. */
    line: number;
    column: number;
    /** The byte's value, for the message ("0xE0"). */
    byte: number;
}

/**
 * Reads plans honestly:
 * - a byte-order mark is dropped;
 * - a file that is not valid UTF-8 (a plan saved as Windows-1258) is read with replacement
 *   characters, and the place of its first invalid byte is kept so that the file gets an error
 *   naming it instead of being compiled with U+FFFD characters silently;
 * - only regular files are read, never a FIFO or a device (reading one would wait forever);
 * - symbolic links in folders are listed as what they point to, so the editor sees linked plans.
 */
export class PlanspecFileSystemProvider extends NodeFileSystemProvider {
    protected readonly problems = new Map<string, EncodingProblem>();

    /** The encoding problem of a file read through this provider, if any. */
    encodingProblem(uri: URI): EncodingProblem | undefined {
        return this.problems.get(uri.toString());
    }

    override async readFile(uri: URI): Promise<string> {
        const stat = await fs.promises.stat(uri.fsPath);
        if (!stat.isFile()) {
            throw new Error(`${uri.fsPath}: không phải tệp thông thường (not a regular file)`);
        }
        return this.decode(uri, await fs.promises.readFile(uri.fsPath));
    }

    override readFileSync(uri: URI): string {
        if (!fs.statSync(uri.fsPath).isFile()) {
            throw new Error(`${uri.fsPath}: không phải tệp thông thường (not a regular file)`);
        }
        return this.decode(uri, fs.readFileSync(uri.fsPath));
    }

    override async readDirectory(uri: URI): Promise<FileSystemNode[]> {
        const dirents = await fs.promises.readdir(uri.fsPath, { withFileTypes: true });
        const result: FileSystemNode[] = [];
        for (const dirent of dirents) {
            const child = UriUtils.joinPath(uri, dirent.name);
            let isFile = dirent.isFile();
            let isDirectory = dirent.isDirectory();
            if (dirent.isSymbolicLink()) {
                try {
                    const target = await fs.promises.stat(child.fsPath);
                    isFile = target.isFile();
                    isDirectory = target.isDirectory();
                } catch {
                    // A broken link is neither.
                }
            }
            result.push({ isFile, isDirectory, uri: child });
        }
        return result;
    }

    protected decode(uri: URI, bytes: Buffer): string {
        const key = uri.toString();
        this.problems.delete(key);
        // Validated and decoded by Node's own UTF-8 code (simdutf): a TextDecoder with `fatal` was a
        // fiftieth of a check of 1,000 plans. The byte-order mark is dropped, as TextDecoder drops it.
        if (isUtf8(bytes)) {
            return (startsWithByteOrderMark(bytes) ? bytes.subarray(3) : bytes).toString('utf8');
        }
        const at = firstInvalidByte(bytes);
        const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
        const line = before.split('\n').length;
        const column = before.length - before.lastIndexOf('\n');
        this.problems.set(key, { line, column, byte: bytes[at] });
        return new TextDecoder('utf-8').decode(bytes);
    }
}

/** Whether the bytes start with UTF-8's byte-order mark (EF BB BF). */
function startsWithByteOrderMark(bytes: Uint8Array): boolean {
    return bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf;
}

/** The offset of the first byte that does not belong to a valid UTF-8 sequence. */
export function firstInvalidByte(bytes: Uint8Array): number {
    let i = 0;
    // Skip a byte-order mark, which the decoder drops.
    if (startsWithByteOrderMark(bytes)) {
        i = 3;
    }
    while (i < bytes.length) {
        const b = bytes[i];
        let need: number;
        let min: number;
        if (b < 0x80) {
            i++;
            continue;
        } else if (b >= 0xc2 && b <= 0xdf) {
            need = 1; min = 0x80;
        } else if (b >= 0xe0 && b <= 0xef) {
            need = 2; min = 0x800;
        } else if (b >= 0xf0 && b <= 0xf4) {
            need = 3; min = 0x10000;
        } else {
            return i;
        }
        if (i + need >= bytes.length) {
            return i;
        }
        let cp = b & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
        for (let k = 1; k <= need; k++) {
            const c = bytes[i + k];
            if (c === undefined || (c & 0xc0) !== 0x80) {
                return i;
            }
            cp = (cp << 6) | (c & 0x3f);
        }
        if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
            return i;
        }
        i += need + 1;
    }
    return bytes.length;
}

export const PlanspecFileSystem = {
    fileSystemProvider: () => new PlanspecFileSystemProvider(),
};
