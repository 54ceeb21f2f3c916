import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { limitNesting, MAX_NESTING } from '../../src/language/planspec-parser.js';
import { services } from '../helpers.js';

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
            let k = i + 1;
            while (k < text.length && text[k] !== '"') {
                k += text[k] === '\\' ? 2 : 1;
            }
            // A quote never closed is one bad character to the lexer, then tokens again.
            i = k < text.length ? k + 1 : i + 1;
            continue;
        }
        if (c === '/' && text[i + 1] === '/') {
            while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
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
        const piece = fc.constantFrom('{', '}', '"', '\\', '/', '*', '\n', '\r', 'a', ' ', 'ệ', '{ "x" }', '// c\n', '// c\r', '/* c */');
        fc.assert(fc.property(fc.array(piece, { maxLength: 60 }), fc.integer({ min: 0, max: 3 }), (pieces, max) => {
            const text = pieces.join('');
            expect(limitNesting(text, max)).toEqual(reference(text, max));
        }), { numRuns: 3000 });
    });

    test('what is left is never nested deeper than the limit (and its first brace too deep) for the lexer: line comments ended by "\\r", quotes never closed', () => {
        const lexer = services.parser.Lexer;
        const depthOf = (text: string) => {
            let depth = 0;
            let deepest = 0;
            for (const token of lexer.tokenize(text).tokens) {
                if (token.image === '{') deepest = Math.max(deepest, ++depth);
                if (token.image === '}') depth = Math.max(0, depth - 1);
            }
            return deepest;
        };
        const piece = fc.constantFrom('{', '}', '"', '\\', '/', '\n', '\r', '\r\n', 'a ', '{ "x" }', '// c', '/* c */', 'nhiệm vụ "x" {');
        fc.assert(fc.property(fc.array(piece, { maxLength: 80 }), fc.integer({ min: 1, max: 4 }), (pieces, max) => {
            // The first brace too deep stays (the error is reported there); what it holds is blanked.
            expect(depthOf(limitNesting(pieces.join(''), max).text)).toBeLessThanOrEqual(max + 1);
        }), { numRuns: 2000 });
        // As the fuzz found it: a plan with old Mac line endings ("\r") and a comment before deep nesting.
        const deep = `// ghi chú\rkế hoạch KH "x" {\r${'nhiệm vụ "x" {\r'.repeat(500)}${'}\r'.repeat(501)}`;
        expect(depthOf(limitNesting(deep).text)).toBe(MAX_NESTING + 1);
        expect(depthOf(limitNesting(`"${'{'.repeat(500)}`).text)).toBe(MAX_NESTING + 1);
    });

    test('leaves a text within the limit as it is, the same string', () => {
        const text = 'kế hoạch KH "Kế hoạch \\"trích\\" {" {\n    // { không đếm\n    phần "I" "A" { }\n}\n';
        const result = limitNesting(text, 2);
        expect(result.text).toBe(text);
        expect(result.cuts).toEqual([]);
    });
});
