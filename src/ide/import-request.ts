/**
 * `planspec/import`: the editor sends a Word or text file's bytes; the server reads it as text (a Word
 * file through docxToText) and has the importer turn it into a draft, resolved against the workspace
 * the editor names. Every failure is a bilingual refusal, never a server error: the editor shows it.
 */
import { URI } from 'langium';
import type { ImportOptions, ImportResult } from '../import/api.js';
import { DocxError, docxToText } from '../import/docx.js';
import { findWorkspaceRoot } from '../workspace/roots.js';
import type { ImportParams, ImportResponse } from './requests.js';

export { IMPORT_REQUEST } from './requests.js';

export type Importer = (text: string, options?: ImportOptions) => Promise<ImportResult>;

/** Far above any plan (a 40 KB plan is a 60 KB .docx), low enough to refuse a wrong file quickly. */
export const MAX_IMPORT_BYTES = 20 * 1024 * 1024;

/** Formats people may pick by mistake, and what to do instead. */
const UNREADABLE: Record<string, [vi: string, en: string]> = {
    '.doc': ['tệp Word 97–2003 (.doc): hãy mở bằng Word và lưu thành .docx', 'a Word 97–2003 file (.doc): open it in Word and save it as .docx'],
    '.pdf': ['tệp PDF: hãy chép văn bản ra một tệp .txt', 'a PDF file: copy its text into a .txt file'],
    '.odt': ['tệp OpenDocument (.odt): hãy lưu thành .docx', 'an OpenDocument file (.odt): save it as .docx'],
    '.rtf': ['tệp RTF: hãy lưu thành .docx', 'an RTF file: save it as .docx'],
};

export async function importRequest(params: ImportParams, importer: Importer): Promise<ImportResponse> {
    const refuse = (refusal: string): ImportResponse => ({ source: '', plan: '', notes: [], refusal });
    if (typeof params?.fileName !== 'string' || typeof params.data !== 'string') {
        return refuse('Yêu cầu thiếu tên tệp hoặc nội dung / The request lacks the file name or content');
    }
    const extension = /\.[^./\\]+$/u.exec(params.fileName.toLowerCase())?.[0] ?? '';
    const unreadable = UNREADABLE[extension];
    if (unreadable) {
        return refuse(`Không nhập được ${unreadable[0]} / Cannot import ${unreadable[1]}`);
    }
    // base64 is 4 characters for 3 bytes: refuse before decoding what is too large anyway.
    if (params.data.length > Math.ceil(MAX_IMPORT_BYTES / 3) * 4) {
        return refuse(`Tệp quá lớn (hơn ${MAX_IMPORT_BYTES / 1024 / 1024} MB) / The file is too large (over ${MAX_IMPORT_BYTES / 1024 / 1024} MB)`);
    }
    const bytes = new Uint8Array(Buffer.from(params.data, 'base64'));
    let source: string;
    try {
        source = extension === '.docx' ? await docxToText(bytes) : decodeText(bytes);
    } catch (error) {
        return refuse(error instanceof DocxError || error instanceof TextError ? error.message : String(error));
    }
    if (source.trim() === '') {
        return refuse('Tệp không có nội dung để nhập / The file has no text to import');
    }
    let options: ImportOptions = { sourceName: params.fileName };
    const workspace = workspaceFolder(params.workspace);
    if (workspace) options = { ...options, workspace };
    try {
        const result = await importer(source, options);
        return { source, plan: result.plan, registry: result.registry, notes: result.notes };
    } catch (error) {
        return refuse(`Không nhập được kế hoạch / The plan could not be imported: ${error instanceof Error ? error.message : String(error)}`);
    }
}

/** The workspace root of a file or folder URI; nothing for a URI that is not a local file. */
function workspaceFolder(uri: string | undefined): string | undefined {
    if (typeof uri !== 'string' || uri === '') return undefined;
    try {
        const parsed = URI.parse(uri);
        return parsed.scheme === 'file' ? findWorkspaceRoot(parsed.fsPath) : undefined;
    } catch {
        return undefined;
    }
}

class TextError extends Error {}

/**
 * A text file as people save plans: UTF-8 (with or without a byte-order mark) or UTF-16 with its mark
 * (Notepad's "Unicode"); composed (NFC). Anything else is refused rather than read as mojibake.
 */
export function decodeText(bytes: Uint8Array): string {
    let encoding = 'utf-8';
    let start = 0;
    if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
        start = 3;
    } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
        encoding = 'utf-16le';
        start = 2;
    } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
        encoding = 'utf-16be';
        start = 2;
    }
    let text: string;
    try {
        text = new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(start));
    } catch {
        throw new TextError('Tệp không phải văn bản UTF-8: hãy lưu lại với bảng mã UTF-8 / The file is not UTF-8 text: save it again as UTF-8');
    }
    if (text.includes('\u0000')) {
        throw new TextError('Tệp không phải văn bản (có byte 0): hãy chọn tệp .docx hoặc .txt / The file is not text (it holds zero bytes): choose a .docx or .txt file');
    }
    return text.normalize('NFC');
}
