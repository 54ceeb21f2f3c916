import { describe, expect, test } from 'vitest';
import { foldForSearch, searchScore } from '../../src/language/fold.js';

describe('text as a person types it', () => {
    test('diacritics, đ, case, tone placement and blanks fold away; NFC and NFD alike', () => {
        expect(foldForSearch('Sở Tư pháp')).toBe('so tu phap');
        expect(foldForSearch('Sở Tư pháp'.normalize('NFD'))).toBe('so tu phap');
        expect(foldForSearch('Đồng  Nai')).toBe('dong nai');
        expect(foldForSearch('Uỷ ban')).toBe(foldForSearch('Ủy ban'));
    });

    test('whole text, prefix, words in order, or nothing', () => {
        expect(searchScore('so tu phap', 'Sở Tư pháp')).toBe(3);
        expect(searchScore('Sở Tư', 'Sở Tư pháp')).toBe(2);
        expect(searchScore('tu phap', 'Sở Tư pháp')).toBe(1);
        expect(searchScore('cong an', 'Công an tỉnh Cà Mau')).toBe(2);
        expect(searchScore('ca tinh', 'CA_TINH')).toBe(1);
        expect(searchScore('phap tu', 'Sở Tư pháp')).toBe(0);
        expect(searchScore('y te', 'Sở Tư pháp')).toBe(0);
        expect(searchScore('', 'Sở Tư pháp')).toBe(1);
    });
});
