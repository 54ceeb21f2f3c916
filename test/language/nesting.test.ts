import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { limitNesting } from '../../src/language/planspec-parser.js';

/** The nesting guard read one character at a time, as it was first written: the reference. */
function reference(text: string, max: number): { text: string; cuts: number[] } {
    let depth = 0;
    const chars = [...text.split('')];
    let changed = false;
    const cuts: number[] = [];
    let blankFrom = -1;
    const blank = (from: number, to: number) => {
        for (let k = from; k < to; k++) {
            if (chars[k] !== '\n' && chars[k] !== '\r') {
                chars[k] = ' ';
            }
        }
        changed = true;
    };
    let i = 0;
    while (i < text.length) {
        const c = text[i];
        if (c === '"') {
            i++;
            while (i < text.length && text[i] !== '"') {
                i += text[i] === '\\' ? 2 : 1;
            }
            i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n') i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            const end = text.indexOf('*/', i + 2);
            i = end < 0 ? text.length : end + 2;
            continue;
        }
        if (c === '{') {
            depth++;
            if (depth === max + 1 && blankFrom < 0) {
                cuts.push(i);
                blankFrom = i + 1;
            }
        } else if (c === '}') {
            if (depth === max + 1 && blankFrom >= 0) {
                blank(blankFrom, i);
                blankFrom = -1;
            }
            depth = Math.max(0, depth - 1);
        }
        i++;
    }
    if (blankFrom >= 0) {
        blank(blankFrom, text.length);
    }
    return { text: changed ? chars.join('') : text, cuts };
}

describe('limitNesting', () => {
    test('blanks what a character-by-character scan blanks, for any mix of braces, strings, escapes and comments', () => {
        const piece = fc.constantFrom('{', '}', '"', '\\', '/', '*', '\n', 'a', ' ', 'ệ', '{ "x" }', '// c\n', '/* c */');
        fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (pieces, max) => {
            const text = pieces.join('');
            expect(limitNesting(text, max)).toEqual(reference(text, max));
        }), { numRuns: 3000 });
    });

    test('leaves a text within the limit as it is, the same string', () => {
        const text = 'kế hoạch KH "Kế hoạch \\"trích\\" {" {\n    // { không đếm\n    phần "I" "A" { }\n}\n';
        const result = limitNesting(text, 2);
        expect(result.text).toBe(text);
        expect(result.cuts).toEqual([]);
    });
});
