import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { AlignmentType, Document, LevelFormat, Packer, Paragraph } from 'docx';
import { afterAll, describe, expect, test } from 'vitest';
import { run } from '../run-cli.js';
import { docxToText } from '../../src/import/docx.js';

/** `planspec import` of a Word file: the same draft as its text, from a file or piped in. */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-import-docx-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** A real plan's opening and assignments in Word, its items numbered by Word, its text decomposed. */
async function wordPlan(): Promise<Uint8Array> {
    const numbered = (text: string, level: number) => new Paragraph({ text: text.normalize('NFD'), numbering: { reference: 'plan', level } });
    const document = new Document({
        numbering: {
            config: [{
                reference: 'plan',
                levels: [
                    { level: 0, format: LevelFormat.UPPER_ROMAN, text: '%1.', alignment: AlignmentType.START },
                    { level: 1, format: LevelFormat.DECIMAL, text: '%2.', alignment: AlignmentType.START },
                ],
            }],
        },
        sections: [{
            children: [
                new Paragraph('KẾ HOẠCH'),
                new Paragraph('TRIỂN KHAI THỰC HIỆN CHỈ THỊ SỐ 39/CT-TTG NGÀY 24/10/2017 CỦA THỦ TƯỚNG CHÍNH PHỦ'),
                new Paragraph('Thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 của Thủ tướng Chính phủ, UBND tỉnh xây dựng Kế hoạch triển khai thực hiện; cụ thể như sau:'),
                numbered('MỤC TIÊU, YÊU CẦU', 0),
                new Paragraph('Nâng cao trình độ nghiệp vụ, pháp luật của cán bộ, công chức, viên chức.'),
                numbered('NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG', 0),
                numbered('Công an tỉnh chủ trì, phối hợp với Sở Tư pháp tham mưu UBND tỉnh tổ chức tuyên truyền, hoàn thành trong Quý IV/2017.', 1),
                numbered('Sở Tư pháp phối hợp với Công an tỉnh rà soát các văn bản quy phạm pháp luật.', 1),
            ],
        }],
    });
    return new Uint8Array(await Packer.toBuffer(document));
}

describe('planspec import of a Word file', () => {
    test('a .docx imports to the same draft as its text saved as .txt, against the workspace', async () => {
        const word = await wordPlan();
        fs.writeFileSync(path.join(dir, 'kh.docx'), word);
        fs.writeFileSync(path.join(dir, 'kh.txt'), await docxToText(word));
        const fromWord = await run('import', path.join(dir, 'kh.docx'), '--workspace', 'examples');
        const fromText = await run('import', path.join(dir, 'kh.txt'), '--workspace', 'examples');
        expect(fromWord.status).toBe(0);
        expect(fromWord.out).toBe(fromText.out.replaceAll('kh.txt', 'kh.docx'));
        expect(fromWord.out).toMatch(/chủ trì \w+/u);
        // Word's numbers are in the draft as the reader saw them.
        expect(fromWord.out).toMatch(/phần "II" "NHIỆM VỤ TRỌNG TÂM VÀ PHÂN CÔNG"/u);
    });

    test('a Word file piped to `planspec import -` is told by its signature and read as Word', () => {
        const bin = path.resolve('bin/planspec.js');
        const file = path.join(dir, 'kh.docx');
        const piped = spawnSync(process.execPath, [bin, 'import', '-', '--workspace', 'examples'], { input: fs.readFileSync(file), encoding: 'utf8' });
        const named = spawnSync(process.execPath, [bin, 'import', file, '--workspace', 'examples'], { encoding: 'utf8' });
        expect(piped.status).toBe(0);
        expect(piped.stdout.replace('stdin', 'kh.docx')).toBe(named.stdout);
    });

    test('a damaged .docx is a usage error in both languages, nothing written', async () => {
        fs.writeFileSync(path.join(dir, 'hong.docx'), 'KẾ HOẠCH');
        const out = path.join(dir, 'hong.plan');
        const result = await run('import', path.join(dir, 'hong.docx'), '-o', out);
        expect(result.status).not.toBe(0);
        expect(result.err).toMatch(/hong\.docx: Không đọc được tệp Word \(\.docx\): .+ \/ Could not read the Word file \(\.docx\): /u);
        expect(fs.existsSync(out)).toBe(false);
    });
});
