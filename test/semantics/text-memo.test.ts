import { describe, expect, test } from 'vitest';
import { rememberedByText } from '../../src/semantics/text-memo.js';
import { findNumbers } from '../../src/semantics/citations.js';

describe('rememberedByText', () => {
    test('computes a text once while it is among the last two generations of texts, then again', () => {
        const computed: string[] = [];
        const length = rememberedByText(text => {
            computed.push(text);
            return text.length;
        }, 3);
        expect([length('một'), length('hai'), length('một')]).toEqual([3, 3, 3]);
        expect(computed).toEqual(['một', 'hai']);
        // Asked again, an older text moves to the recent generation: still known after one turnover.
        ['ba', 'bốn', 'năm'].forEach(length);
        length('một');
        expect(computed).toEqual(['một', 'hai', 'ba', 'bốn', 'năm']);
        // Not asked for two turnovers: forgotten, computed again.
        ['sáu', 'bảy', 'tám', 'chín', 'mười', 'mười một', 'mười hai'].forEach(length);
        length('hai');
        expect(computed.filter(t => t === 'hai')).toHaveLength(2);
    });

    test('findNumbers answers a text it has read with the same numbers', () => {
        const text = 'Căn cứ Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ';
        const first = findNumbers(text);
        expect(first.map(f => f.compact)).toEqual(['634/QĐ-TTg']);
        expect(findNumbers(`${text}`)).toBe(first);
        expect(findNumbers('Không có số nào')).toEqual([]);
    });
});
