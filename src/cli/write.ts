import { randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { UsageError } from '../workspace/load.js';

/**
 * Writes `content` to `file` atomically: through a temporary file with an unpredictable name,
 * created exclusively (O_EXCL, so a file or link planted at that name is never followed) in the
 * target's own folder, then renamed into place. A reader never sees a half-written file, and a
 * failure leaves the old file (or none) behind. `shown` is the path as the user wrote it, for
 * messages.
 *
 * A symbolic link at the target is refused rather than replaced or followed: planspec never writes
 * outside the path it was given.
 */
export function writeFileAtomic(file: string, content: string, shown: string = file): void {
    const target = path.resolve(file);
    const dir = path.dirname(target);
    const existing = lstat(target);
    if (existing?.isSymbolicLink()) {
        throw new UsageError(`${shown}: là liên kết tượng trưng, planspec không ghi đè liên kết (is a symbolic link; planspec does not write through or replace links)`);
    }
    if (existing?.isDirectory()) {
        throw new UsageError(`${shown}: là thư mục, không phải tệp (is a folder, not a file)`);
    }
    const parent = lstat(dir);
    if (!parent) {
        throw new UsageError(`${shown}: thư mục chứa không tồn tại (the folder ${path.dirname(shown)} does not exist)`);
    }
    if (!parent.isDirectory()) {
        throw new UsageError(`${shown}: ${path.dirname(shown)} không phải thư mục (is not a folder)`);
    }
    if (Buffer.byteLength(path.basename(target)) > 255) {
        throw new UsageError(`${shown}: tên tệp quá dài (the file name is longer than 255 bytes)`);
    }
    const temp = path.join(dir, `.${path.basename(target).slice(0, 100)}.${randomBytes(12).toString('hex')}.tmp`);
    let fd: number | undefined;
    try {
        fd = fs.openSync(temp, fs.constants.O_WRONLY | fs.constants.O_CREAT | fs.constants.O_EXCL, 0o644);
        fs.writeFileSync(fd, content, 'utf8');
        fs.fsyncSync(fd);
        fs.closeSync(fd);
        fd = undefined;
        fs.renameSync(temp, target);
    } catch (error) {
        if (fd !== undefined) {
            fs.closeSync(fd);
        }
        fs.rmSync(temp, { force: true });
        throw new UsageError(`${shown}: không ghi được tệp (cannot write the file): ${describe(error)}`);
    }
}

function lstat(p: string): fs.Stats | undefined {
    try {
        return fs.lstatSync(p);
    } catch {
        return undefined;
    }
}

/** A file-system error in words, without the paths it names (the caller names the user's path). */
export function describe(error: unknown): string {
    const code = (error as NodeJS.ErrnoException)?.code;
    switch (code) {
        case 'EACCES':
        case 'EPERM': return 'không có quyền (permission denied)';
        case 'EROFS': return 'hệ thống tệp chỉ đọc (read-only file system)';
        case 'ENOSPC': return 'hết chỗ trống (no space left on the device)';
        case 'ENAMETOOLONG': return 'tên quá dài (name too long)';
        case 'ENOENT': return 'không tồn tại (does not exist)';
        case 'ENOTDIR': return 'một phần của đường dẫn không phải thư mục (a part of the path is not a folder)';
        case 'EISDIR': return 'là thư mục (is a folder)';
        default: return code ?? (error instanceof Error ? error.message : String(error));
    }
}
