/**
 * What "planspec: Import plan from Word/text" decides without VS Code (tested with vitest): which files
 * it takes, the names it proposes for the draft, and what it says. Messages: Vietnamese, then English.
 */

/** The file kinds offered in the open dialog (Word and text); others are refused by the server. */
export const IMPORT_FILTERS: Record<string, string[]> = {
    'Word, văn bản / Word, text': ['docx', 'txt'],
    'Word (.docx)': ['docx'],
    'Văn bản / Text (.txt)': ['txt'],
};

/** The same limit as the server's, checked before the bytes are sent. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** A Word file's text is shown as an untitled document; a text file is itself the original. */
export function isWordFile(fileName: string): boolean {
    return /\.docx$/iu.test(fileName);
}

/** The file's name without its folder, whichever separator the path uses. */
export function baseName(filePath: string): string {
    return filePath.slice(Math.max(filePath.lastIndexOf('/'), filePath.lastIndexOf('\\')) + 1);
}

/**
 * The names proposed when the drafter saves: the source's name with `.plan`, and the registry
 * additions beside it. Characters a file name cannot hold on Windows become "-".
 */
export function draftNames(sourceFileName: string): { plan: string; registry: string } {
    const name = baseName(sourceFileName).normalize('NFC');
    const stem = (name.replace(/\.[^.]*$/u, '') || name).replace(/[<>:"/\\|?*\u0000-\u001f]/gu, '-').trim() || 'ke-hoach';
    return { plan: `${stem}.plan`, registry: `${stem}.registry.plan` };
}

export function tooLargeMessage(bytes: number): string {
    const mb = (bytes / 1024 / 1024).toFixed(1);
    return `planspec: tệp quá lớn để nhập (${mb} MB, tối đa ${MAX_IMPORT_BYTES / 1024 / 1024} MB) / the file is too large to import (${mb} MB, at most ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`;
}

/** What the drafter has to do next: save, then review what the importer marked. */
export function importedMessage(sourceFileName: string, notes: number, registry: boolean): string {
    const name = baseName(sourceFileName);
    const vi = `đã nhập ${name} thành bản nháp${registry ? ' (và các khai báo bổ sung danh mục)' : ''}; `
        + (notes > 0 ? `${notes} chỗ cần xem lại` : 'không có chỗ nào được đánh dấu cần xem lại');
    const en = `imported ${name} as a draft${registry ? ' (with registry additions)' : ''}; `
        + (notes > 0 ? `${notes} ${notes === 1 ? 'place' : 'places'} to review` : 'nothing marked for review');
    return `planspec: ${vi} / ${en}`;
}
