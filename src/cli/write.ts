import * as fs from 'node:fs';
import * as path from 'node:path';

/**
 * Writes through a temporary file in the same folder and renames it into place, so a reader never
 * sees a half-written file and a failure leaves the old file (or none) behind.
 */
export function writeFileAtomic(file: string, content: string): void {
    const dir = path.dirname(path.resolve(file));
    const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
    try {
        fs.writeFileSync(temp, content, 'utf8');
        fs.renameSync(temp, file);
    } catch (error) {
        fs.rmSync(temp, { force: true });
        throw error;
    }
}
