import { describe, expect, test } from 'vitest';
import { comparableText, leadingMarkerLength, normalizeText, WordNumbers, wordsOf } from '../../../src/linter/support/drafting.js';

/** The definition normalizeText implements without a regular expression per text. */
const defined = (text: string) => text.normalize('NFC').toLowerCase().replace(/[\p{P}\p{S}\s]+/gu, ' ').trim();

describe('normalizeText', () => {
    test('is NFC, lower case, punctuation, symbols and blanks collapsed to one space', () => {
        expect(normalizeText('  Ủy ban Nhân dân,  tỉnh  (Vĩnh Phúc)… ')).toBe('ủy ban nhân dân tỉnh vĩnh phúc');
        expect(normalizeText('Uỷ ban'.normalize('NFD'))).toBe('uỷ ban');
        expect(normalizeText('a\u00a0b\u2003c\u3000d')).toBe('a b c d');
        expect(normalizeText('')).toBe('');
        expect(normalizeText('—…')).toBe('');
    });

    test('agrees with its definition on text of Vietnamese letters (NFC and NFD), blanks, punctuation, symbols and astral characters', () => {
        const pieces = ['a', 'Ủ', 'ủ'.normalize('NFD'), 'Ư', 'đ', 'Đ', 'x\u0301', ' ', '\u00a0', '\t', '\n', '.', ',', '—', '“', '%', '+',
            '😀', '𝐀', '🄰', '\ud800', '\udc00', 'İ', '1', '٣', '\u200b', '\ufeff'];
        let state = 11;
        const random = (n: number) => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            return Math.floor((state / 4294967296) * n);
        };
        for (let k = 0; k < 20_000; k++) {
            const text = Array.from({ length: random(14) }, () => pieces[random(pieces.length)]).join('');
            expect(normalizeText(text), JSON.stringify(text)).toBe(defined(text));
        }
    });

    test('comparableText leaves out the item number and gives the same text when asked again', () => {
        const text = '2. Tăng cường công tác Tuyên truyền, phổ biến pháp luật.';
        expect(comparableText(text)).toBe('tăng cường công tác tuyên truyền phổ biến pháp luật');
        expect(comparableText(text)).toBe(comparableText(text.normalize('NFD')));
    });

    test('wordsOf gives the words of comparableText (after the item number), with where they stand, for NFC text', () => {
        const pieces = ['a', 'Ủ', 'ư', 'Đ', 'x', ' ', '  ', '\u00a0', '\t', '.', ',', '—', '“', '%', '1', '2.', 'IV. ', '- ', 'a) ', '😀', '\u200b', 'hoặc'];
        let state = 7;
        const random = (n: number) => {
            state = (Math.imul(state, 1103515245) + 12345) >>> 0;
            return Math.floor((state / 4294967296) * n);
        };
        const ids = new WordNumbers();
        const numbered = new Map<string, number>();
        for (let k = 0; k < 20_000; k++) {
            const text = Array.from({ length: random(12) }, () => pieces[random(pieces.length)]).join('').normalize('NFC');
            const words = wordsOf(text, ids);
            const texts = Array.from(words.starts, (start, i) => text.slice(start, words.ends[i]).toLowerCase());
            const marker = leadingMarkerLength(text);
            const after = texts.filter((_, i) => words.starts[i] >= marker);
            expect(after.join(' '), JSON.stringify(text)).toBe(comparableText(text));
            texts.forEach((word, i) => {
                expect(words.lengths[i]).toBe(word.length);
                // One number per word, the same every time it is met.
                expect(ids.get(word)).toBe(words.id[i]);
                expect(numbered.get(word) ?? words.id[i]).toBe(words.id[i]);
                numbered.set(word, words.id[i]);
            });
        }
        expect(ids.size).toBe(numbered.size);
        // Enough words that the table grew several times.
        expect(ids.size).toBeGreaterThan(1500);
        expect(new Set(numbered.values()).size).toBe(numbered.size);
    });
});
