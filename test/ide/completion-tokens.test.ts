import * as fs from 'node:fs';
import * as path from 'node:path';
import type { NextFeature } from 'langium/lsp';
import { DefaultCompletionProvider } from 'langium/lsp';
import { describe, expect, test } from 'vitest';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanspecCompletionProvider } from '../../src/ide/completion.js';
import { services } from '../helpers.js';

/**
 * Completion asks the completion parser what may follow the text before a place; it now parses
 * the tokens of the whole text lexed once, instead of lexing that text again each time. Wherever it
 * does, the answer must be the one of lexing the text before the place.
 */
const provider = services.lsp.CompletionProvider as PlanspecCompletionProvider;
const exposed = provider as unknown as { tokensBefore(text: string, offset: number): unknown[] | undefined };
const lexing = (document: TextDocument, offset: number): NextFeature[] =>
    (DefaultCompletionProvider.prototype as unknown as { findFeaturesAt(d: TextDocument, o: number): NextFeature[] }).findFeaturesAt.call(provider, document, offset);
const fromTokens = (document: TextDocument, offset: number): NextFeature[] =>
    (provider as unknown as { findFeaturesAt(d: TextDocument, o: number): NextFeature[] }).findFeaturesAt(document, offset);
const shape = (features: NextFeature[]) => features.map(f => [f.feature, f.type, f.property]);

/** Places a completion asks about: the start of every token, and after the blank that follows one. */
function places(text: string, limit: number): number[] {
    const tokens = services.parser.Lexer.tokenize(text).tokens;
    const all = tokens.flatMap(t => [t.startOffset, ...(text[t.endOffset! + 1] === ' ' ? [t.endOffset! + 2] : [])]);
    return all.length <= limit ? all : Array.from({ length: limit }, (_, i) => all[Math.floor(i * all.length / limit)]);
}

function compare(text: string, limit: number): { fast: number; total: number } {
    const document = TextDocument.create('file:///ws/main.plan', 'planspec', 1, text);
    let fast = 0;
    const offsets = places(text, limit);
    for (const offset of offsets) {
        if (exposed.tokensBefore(text, offset)) {
            fast++;
        }
        expect(shape(fromTokens(document, offset)), `at ${offset}: …${JSON.stringify(text.slice(Math.max(0, offset - 30), offset))}`).toEqual(shape(lexing(document, offset)));
    }
    return { fast, total: offsets.length };
}

const EXAMPLES = path.resolve('examples');
const plans = fs.readdirSync(EXAMPLES, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.plan')).sort();

describe('what may follow a place, from the tokens lexed once', () => {
    const small = `kế hoạch KH "Kế hoạch thử" {
    căn cứ QD1
    nhiệm vụ NV1 "Tuyên truyền, phổ biến" {
        chủ trì CA_TINH
        phối hợp với SO_TP, UBND_HUYEN
        thời hạn 6 tháng đầu năm 2025
    }
}
`;
    for (const [form, normalize] of [['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const) {
        test(`${form}: a small plan, at every word and blank`, () => {
            const { fast, total } = compare(normalize(small), 500);
            expect(fast).toBeGreaterThan(total * 0.8);
        });
    }

    test.each(plans)('examples/%s, at 150 places', plan => {
        const { fast, total } = compare(fs.readFileSync(path.join(EXAMPLES, plan), 'utf8'), 150);
        expect(fast).toBeGreaterThan(total * 0.8);
    });

    test('not from the tokens where a token or an unfinished string reaches the place', () => {
        // Inside the two-word keyword `chủ trì`, and right after a word with no blank before the place.
        const text = 'kế hoạch KH "K" {\n    nhiệm vụ NV1 "N" {\n        chủ trì CA_TINH\n    }\n}\n';
        expect(exposed.tokensBefore(text, text.indexOf('trì'))).toBeUndefined();
        expect(exposed.tokensBefore(text, text.indexOf(' CA_TINH'))).toBeUndefined();
        expect(exposed.tokensBefore(text, text.indexOf('CA_TINH'))).toBeDefined();
        const open = 'kế hoạch KH "K {\n    nhiệm vụ NV1\n';
        const document = TextDocument.create('file:///ws/main.plan', 'planspec', 1, open);
        const at = open.indexOf('NV1');
        expect(shape(fromTokens(document, at))).toEqual(shape(lexing(document, at)));
    });
});
