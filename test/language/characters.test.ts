// The character tables the rules read text with, against the regular expressions they stand for.
import { describe, expect, test } from 'vitest';
import { characterClass, isBlank, widthAt } from '../../src/language/characters.js';

describe('isBlank', () => {
    test('is \\s, for every UTF-16 unit', () => {
        const differ: number[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            if (isBlank(code) !== /\s/.test(String.fromCharCode(code))) {
                differ.push(code);
            }
        }
        expect(differ).toEqual([]);
    });
});

describe('characterClass', () => {
    test('answers as its pattern does, with the width of the character (surrogate pairs included)', () => {
        const letter = characterClass(/^\p{L}$/u);
        const text = 'Ủy ban 𝐀 1';
        for (let i = 0; i < text.length; i += widthAt(text, i)) {
            const character = String.fromCodePoint(text.codePointAt(i)!);
            expect(letter(text, i), character).toBe(/^\p{L}$/u.test(character) ? character.length : 0);
        }
        expect(widthAt(text, text.indexOf('𝐀'))).toBe(2);
    });
});
