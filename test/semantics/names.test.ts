import { describe, expect, test } from 'vitest';
import { otherLevelSubject } from '../../src/semantics/levels.js';
import { leadingWordsOf, wordsOf } from '../../src/semantics/names.js';

describe('leadingWordsOf', () => {
    test('gives the first words from an offset as wordsOf reads them in the whole text (tone placement, case, NFC)', () => {
        const pieces = ['Uỷ', 'ban', 'hoà', 'HOÀ', 'nhân', 'dân', 'tỉnh,', 'thuỷ', 'qua', 'UY', 'kho', '1.', '2)', ' ', '  ', '\u00a0', '—', '“', 'o', 'u', 'oa', 'oà'.normalize('NFD')];
        let state = 5;
        const random = (n: number) => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            return Math.floor((state / 4294967296) * n);
        };
        for (let k = 0; k < 5_000; k++) {
            const text = Array.from({ length: random(16) }, () => pieces[random(pieces.length)]).join(random(3) === 0 ? '' : ' ').normalize('NFC');
            const from = random(4);
            const count = random(8);
            expect(leadingWordsOf(text, from, count), JSON.stringify([text, from, count]))
                .toEqual(wordsOf(text).filter(w => w.start >= from).slice(0, count));
        }
    });

    test('otherLevelSubject reads the subject of a long duty, typed in NFC or NFD', () => {
        const text = `2. Giao UBND các tỉnh, thành phố trực thuộc trung ương chỉ đạo ${'triển khai thực hiện '.repeat(2000)}.`;
        const phrase = 'UBND các tỉnh, thành phố trực thuộc trung ương';
        for (const form of [text, text.normalize('NFD')]) {
            expect(otherLevelSubject(form)).toEqual({ start: 8, end: 8 + phrase.length, phrase });
        }
        expect(otherLevelSubject(`Các sở ${'phối hợp '.repeat(500)}các Bộ, ngành`)).toBeUndefined();
    });
});
