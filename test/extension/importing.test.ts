import { describe, expect, test } from 'vitest';
import { MAX_IMPORT_BYTES as SERVER_LIMIT } from '../../src/ide/import-request.js';
import {
    baseName, draftNames, IMPORT_FILTERS, importedMessage, isWordFile, MAX_IMPORT_BYTES, tooLargeMessage,
} from '../../src/extension/importing.js';

/** What planspec.importPlan decides without VS Code (src/extension/importing.ts). */

describe('planspec.importPlan', () => {
    test('the dialog offers Word and text files; a Word file is told apart by its extension, in any case', () => {
        expect(Object.values(IMPORT_FILTERS)[0]).toEqual(['docx', 'txt']);
        expect(isWordFile('Kế hoạch 182.docx')).toBe(true);
        expect(isWordFile('KH.DOCX')).toBe(true);
        expect(isWordFile('kế-hoạch.txt')).toBe(false);
        expect(isWordFile('docx')).toBe(false);
    });

    test('the draft is proposed under the source\'s name, with .plan, and the registry additions beside it', () => {
        expect(draftNames('Kế hoạch 182-KH-UBND.docx')).toEqual({ plan: 'Kế hoạch 182-KH-UBND.plan', registry: 'Kế hoạch 182-KH-UBND.registry.plan' });
        // A decomposed name (as macOS gives it) is proposed composed.
        expect(draftNames('/Users/a/Kế hoạch.txt'.normalize('NFD')).plan).toBe('Kế hoạch.plan');
        expect(draftNames('C:\\Văn bản\\KH 7488.docx').plan).toBe('KH 7488.plan');
        expect(draftNames('noi-nhan').plan).toBe('noi-nhan.plan');
        expect(draftNames('.docx').plan).toBe('.docx.plan');
        expect(draftNames('a:b?.txt').plan).toBe('a-b-.plan');
        expect(baseName('/a/b/c.docx')).toBe('c.docx');
        expect(baseName('C:\\a\\c.txt')).toBe('c.txt');
    });

    test('the size limit is the server\'s and is said in both languages', () => {
        expect(MAX_IMPORT_BYTES).toBe(SERVER_LIMIT);
        expect(tooLargeMessage(31 * 1024 * 1024)).toBe('planspec: tệp quá lớn để nhập (31.0 MB, tối đa 20 MB) / the file is too large to import (31.0 MB, at most 20 MB)');
    });

    test('after the import: what was imported, whether registry additions came, how much to review', () => {
        expect(importedMessage('/tmp/KH 182.docx', 3, true)).toBe(
            'planspec: đã nhập KH 182.docx thành bản nháp (và các khai báo bổ sung danh mục); 3 chỗ cần xem lại'
            + ' / imported KH 182.docx as a draft (with registry additions); 3 places to review');
        expect(importedMessage('kh.txt', 1, false)).toBe(
            'planspec: đã nhập kh.txt thành bản nháp; 1 chỗ cần xem lại / imported kh.txt as a draft; 1 place to review');
        expect(importedMessage('kh.txt', 0, false)).toMatch(/không có chỗ nào được đánh dấu cần xem lại \/ .*nothing marked for review$/u);
    });
});
