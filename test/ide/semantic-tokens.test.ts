import type { LangiumDocument } from 'langium';
import { AstUtils, DocumentState, setInterruptionPeriod } from 'langium';
import { SemanticTokensDecoder } from 'langium/lsp';
import { setTextDocument } from 'langium/test';
import { afterAll, afterEach, beforeEach, describe, expect, test } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { isAgency, isDocument, isGroup, isTask } from '../../src/language/generated/ast.js';
import { load, services } from '../helpers.js';
import { BROKEN_INPUTS, EXAMPLE_PLANS, exampleFiles, prefixes } from './support.js';

const provider = () => services.lsp.SemanticTokenProvider!;
const DECLARATION = provider().tokenModifiers[SemanticTokenModifiers.declaration];

interface Token { line: number; text: string; type: string; declaration: boolean; offset: number }

async function tokens(document: LangiumDocument): Promise<Token[]> {
    const result = await provider().semanticHighlight(document, { textDocument: { uri: document.uri.toString() } });
    return SemanticTokensDecoder.decode(result, provider().tokenTypes, document).map(t => ({
        line: document.textDocument.positionAt(t.offset).line, text: t.text, type: t.tokenType,
        declaration: (t.tokenModifiers & DECLARATION) !== 0, offset: t.offset,
    }));
}

/** The tokens of one line (0-based) as "text:type", "+" after a declaration. */
function line(all: Token[], n: number): string[] {
    return all.filter(t => t.line === n).map(t => `${t.text.normalize('NFC')}:${t.type}${t.declaration ? '+' : ''}`);
}

const FIXTURE = `phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
cơ quan CA_TINH "Công an tỉnh" thuộc UBND_TINH
nhóm SO_NGANH "Các sở" gồm CA_TINH
văn bản QD_1 quyết định số "182/QĐ-UBND" ngày 16 tháng 6 năm 2025 của CA_TINH {
    điều "3" DIEU_3 "Thi hành." { thi hành CA_TINH }
    nơi nhận như DIEU_3
}
chỉ số IND "Tỷ lệ" đơn vị %
kế hoạch KH "Kế hoạch" {
    ban hành kèm theo QD_1
    thời gian từ 2025 đến 2030
    "Thực hiện Chỉ thị số 39/CT-TTg ngày 24/10/2017 và Ban Chỉ đạo 138/CP."
    nhiệm vụ NV1 "Tuyên truyền" {
        chủ trì VinhPhuc.CA_TINH  phối hợp SO_NGANH  trước ngày 20/7 hằng năm
        chỉ tiêu CT1 "Tỷ lệ" chỉ số IND trên 90% hạn quý IV/2025
        chỉ tiêu CT2 "Tỷ suất" ≥ 2,1 con/phụ nữ
        báo cáo BC "Báo cáo" { từ CA_TINH gửi UBND_TINH }
    }
    nhiệm vụ "Phục vụ" { phục vụ CT1 }
    giai đoạn GD "Giai đoạn" từ 2025 đến 2026
}
`;

describe('semantic tokens', () => {
    afterAll(async () => {
        await load('');
    });

    test('ids by kind (declared and referenced), dates, numbers, percentages, number-symbols, keywords', async () => {
        const { main } = await load(FIXTURE);
        const all = await tokens(main);
        expect(line(all, 0)).toEqual(['phạm vi:keyword', 'VinhPhuc:namespace+']);
        // UBND_TINH is declared nowhere: no token (its kind is not known).
        expect(line(all, 1)).toEqual(['cơ quan:keyword', 'CA_TINH:class+', 'thuộc:keyword']);
        expect(line(all, 2)).toEqual(['nhóm:keyword', 'SO_NGANH:struct+', 'gồm:keyword', 'CA_TINH:class']);
        expect(line(all, 3)).toEqual([
            'văn bản:keyword', 'QD_1:type+', 'quyết định:keyword', 'số:keyword', '182/QĐ-UBND:type', 'ngày:keyword',
            '16:number', 'tháng:number', '6:number', 'năm:number', '2025:number', 'của:keyword', 'CA_TINH:class',
        ]);
        expect(line(all, 4)).toEqual(['điều:keyword', 'DIEU_3:enumMember+', 'thi hành:keyword', 'CA_TINH:class']);
        expect(line(all, 5)).toEqual(['nơi nhận:keyword', 'như:keyword', 'DIEU_3:enumMember']);
        expect(line(all, 7)).toEqual(['chỉ số:keyword', 'IND:property+', 'đơn vị:keyword', '%:number']);
        expect(line(all, 8)).toEqual(['kế hoạch:keyword', 'KH:type+']);
        expect(line(all, 9)).toEqual(['ban hành kèm theo:keyword', 'QD_1:type']);
        expect(line(all, 10)).toEqual(['thời gian:keyword', 'từ:keyword', '2025:number', 'đến:keyword', '2030:number']);
        // In prose, a number-symbol of a document; "138/CP" (a body's name) is not one.
        expect(line(all, 11)).toEqual(['39/CT-TTg:type']);
        expect(line(all, 12)).toEqual(['nhiệm vụ:keyword', 'NV1:function+']);
        expect(line(all, 13)).toEqual([
            'chủ trì:keyword', 'VinhPhuc:namespace', 'CA_TINH:class', 'phối hợp:keyword', 'SO_NGANH:struct',
            'trước:keyword', 'ngày:keyword', '20/7:number', 'hằng năm:keyword',
        ]);
        expect(line(all, 14)).toEqual([
            'chỉ tiêu:keyword', 'CT1:variable+', 'chỉ số:keyword', 'IND:property', 'trên:keyword', '90:number', '%:number',
            'hạn:keyword', 'quý:keyword', 'IV/2025:number',
        ]);
        expect(line(all, 15)).toEqual(['chỉ tiêu:keyword', 'CT2:variable+', '≥:operator', '2,1:number', 'con:number', '/:number', 'phụ:number', 'nữ:number']);
        expect(line(all, 16)).toEqual(['báo cáo:keyword', 'BC:event+', 'từ:keyword', 'CA_TINH:class', 'gửi:keyword']);
        expect(line(all, 18)).toEqual(['nhiệm vụ:keyword', 'phục vụ:keyword', 'CT1:variable']);
        expect(line(all, 19)).toEqual(['giai đoạn:keyword', 'GD:event+', 'từ:keyword', '2025:number', 'đến:keyword', '2026:number']);
        // Strings and punctuation are left to the TextMate grammar.
        expect(all.some(t => t.text.startsWith('"') || t.text === '{' || t.text === ',')).toBe(false);
    });

    test('tokens are in order, never overlap and never span lines', async () => {
        const { main } = await load(FIXTURE);
        const all = await tokens(main);
        for (let i = 1; i < all.length; i++) {
            expect(all[i].offset).toBeGreaterThanOrEqual(all[i - 1].offset + all[i - 1].text.length);
        }
        expect(all.every(t => !/[\r\n]/.test(t.text) && t.text.trim() === t.text && t.text.length > 0)).toBe(true);
    });

    test('decomposed (NFD) input gives the same tokens over its own (longer) text', async () => {
        const nfc = (await tokens((await load(FIXTURE)).main)).map(t => `${t.line} ${t.text}:${t.type}${t.declaration ? '+' : ''}`);
        const nfd = (await tokens((await load(FIXTURE.normalize('NFD'))).main)).map(t => `${t.line} ${t.text.normalize('NFC')}:${t.type}${t.declaration ? '+' : ''}`);
        expect(nfd).toEqual(nfc);
    });

    test('a number-symbol wrapped over a line break is one token per line', async () => {
        const { main } = await load('kế hoạch KH "x" {\n    "Chỉ thị số 39/CT-\n        TTg ngày 24/10/2017"\n}\n');
        expect((await tokens(main)).map(t => `${t.line}:${t.text}:${t.type}`)).toEqual([
            '0:kế hoạch:keyword', '0:KH:type', '1:39/CT-:type', '2:TTg:type',
        ]);
    });

    test.each(EXAMPLE_PLANS)('%s: every declaration and resolved reference is coloured by its kind', async (main) => {
        const loaded = await load(exampleFiles(main));
        const all = await tokens(loaded.main);
        const at = new Map(all.map(t => [t.offset, t]));
        const expected = (node: unknown) => isAgency(node) ? 'class' : isGroup(node) ? 'struct' : isDocument(node) ? 'type' : isTask(node) ? 'function' : undefined;
        let checked = 0;
        for (const node of AstUtils.streamAst(loaded.model)) {
            for (const { reference } of AstUtils.streamReferences(node)) {
                const type = expected((reference as { ref?: unknown }).ref);
                const refNode = reference.$refNode;
                if (!type || !refNode) continue;
                const last = refNode.text.lastIndexOf('.') + 1;
                expect(at.get(refNode.offset + last), `${refNode.text} at line ${refNode.range.start.line + 1}`).toMatchObject({ type, declaration: false });
                checked++;
            }
        }
        expect(checked).toBeGreaterThan(10);
        // Every number-symbol of a citation in prose is a document token.
        const symbols = all.filter(t => t.type === SemanticTokenTypes.type && t.text.includes('/'));
        expect(symbols.length).toBeGreaterThan(0);
        // (A stray blank is a printing defect kept verbatim: "3833 /SYT-VP".)
        expect(symbols.filter(t => !/^\d{1,5} ?(\/\d{4})? ?[/-] ?\p{Lu}/u.test(t.text)).map(t => t.text)).toEqual([]);
    });

    test('a range request gives the tokens of that range, also after a namespace', async () => {
        const { main } = await load(FIXTURE);
        const all = await tokens(main);
        const result = await provider().semanticHighlightRange(main, {
            textDocument: { uri: main.uri.toString() }, range: { start: { line: 13, character: 0 }, end: { line: 14, character: 200 } },
        });
        const decoded = SemanticTokensDecoder.decode(result, provider().tokenTypes, main);
        expect(decoded.map(t => t.offset)).toEqual(all.filter(t => t.line === 13 || t.line === 14).map(t => t.offset));
    });

    // Langium lets a read run beside a build, and its provider yielded between nodes (here, after
    // each one). A rebuilt file's own names leave the index until it is indexed again: SO_TP is one.
    describe('while a build runs', () => {
        const PLAN = 'phạm vi VinhPhuc\ncơ quan SO_TP "Sở Tư pháp"\nkế hoạch KH "x" {\n    nhiệm vụ NV1 "a" { chủ trì CA_TINH }\n    nhiệm vụ NV2 "b" { chủ trì SO_TP  phối hợp CA_TINH }\n}\n';
        const REGISTRY_FILE = 'phạm vi VinhPhuc\ncơ quan CA_TINH "Công an tỉnh"\n';
        beforeEach(() => setInterruptionPeriod(0));
        afterEach(() => setInterruptionPeriod(10));

        test('a build that resets the document (as opening it does) leaves no reference uncoloured', async () => {
            let all: Token[] = [];
            const { main } = await load({ 'main.plan': PLAN, 'co-quan.plan': REGISTRY_FILE });
            const opened = setTextDocument(services, TextDocument.create(main.uri.toString(), 'planspec', 1, PLAN));
            try {
                const request = tokens(main);
                const update = services.shared.workspace.DocumentBuilder.update([main.uri], []);
                all = await request;
                await update;
            } finally {
                opened.dispose();
            }
            expect(line(all, 3)).toEqual(['nhiệm vụ:keyword', 'NV1:function+', 'chủ trì:keyword', 'CA_TINH:class']);
            expect(line(all, 4)).toEqual(['nhiệm vụ:keyword', 'NV2:function+', 'chủ trì:keyword', 'SO_TP:class', 'phối hợp:keyword', 'CA_TINH:class']);
        });

        test('a document no longer in the workspace (its files loaded again) is read as it is, without waiting', async () => {
            const { main } = await load({ 'main.plan': PLAN, 'co-quan.plan': REGISTRY_FILE });
            await load({ 'main.plan': PLAN, 'co-quan.plan': REGISTRY_FILE });
            expect(main.state).toBeLessThan(DocumentState.Linked);
            expect((await tokens(main)).map(t => t.text)).toContain('SO_TP');
        });

        test('two requests at once each get the tokens of their own document', async () => {
            const { documents } = await load({ 'main.plan': PLAN, 'co-quan.plan': REGISTRY_FILE });
            const plan = documents['main.plan'];
            const registry = documents['co-quan.plan'];
            const alone = [await tokens(plan), await tokens(registry)];
            expect(await Promise.all([tokens(plan), tokens(registry)])).toEqual(alone);
        });
    });

    test('never throws on partial or broken input', async () => {
        const text = exampleFiles('tinh-khuyet-danh/ke-hoach-de-an-4170.plan')['tinh-khuyet-danh/ke-hoach-de-an-4170.plan'];
        for (const input of [...BROKEN_INPUTS, ...prefixes(text, 30), ...prefixes(FIXTURE, 40)]) {
            const all = await tokens((await load(input)).main);
            expect(all.every(t => t.text.length > 0)).toBe(true);
        }
    });
});
