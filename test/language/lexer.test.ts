import type { TokenType } from 'chevrotain';
import { Lexer } from 'chevrotain';
import { describe, expect, test } from 'vitest';
import { keywordRegExp } from '../../src/language/planspec-token-builder.js';
import { services } from '../helpers.js';

describe('lexer', () => {
    test('keeps chevrotain\'s first-character optimization (every token tells its first characters)', () => {
        // Without it the lexer tries every token at every position: a 20,000-line plan takes seconds.
        const tokens = services.parser.TokenBuilder.buildTokens(services.Grammar, { caseInsensitive: false }) as TokenType[];
        expect(() => new Lexer(tokens, { ensureOptimizations: true, positionTracking: 'full' })).not.toThrow();
    });

    test('a keyword matches in NFC and NFD, any case, any blanks between its words', () => {
        const regex = new RegExp(`^(?:${keywordRegExp('chủ trì').source})$`, 'i');
        for (const text of ['chủ trì', 'Chủ Trì', 'CHỦ   TRÌ', 'chủ trì'.normalize('NFD'), 'Chủ\ttrì'.normalize('NFD')]) {
            expect(regex.test(text), text).toBe(true);
        }
        expect(regex.test('chủtrì')).toBe(false);
        expect(regex.test('chu tri')).toBe(false);
    });

    test('identifiers take any Unicode letter, composed or decomposed', () => {
        const { tokens, errors } = services.parser.Lexer.tokenize('SỞ_TƯ_PHÁP Δ_ΟΜΑΔΑ 東京 ' + 'Sở_Tư_pháp'.normalize('NFD'));
        expect(errors).toEqual([]);
        expect(tokens.map(t => t.tokenType.name)).toEqual(['ID', 'ID', 'ID', 'ID']);
    });
});
