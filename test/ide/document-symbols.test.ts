import { AstUtils } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import type { DocumentSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { isSection, isTask } from '../../src/language/generated/ast.js';
import { load, services } from '../helpers.js';
import { BROKEN_INPUTS, contains, EXAMPLE_PLANS, exampleFiles, prefixes, textAt } from './support.js';

const KIND_NAMES = new Map(Object.entries(SymbolKind).map(([name, value]) => [value, name]));

async function outline(files: string | Record<string, string>) {
    const loaded = await load(files);
    const symbols = await services.lsp.DocumentSymbolProvider!.getSymbols(loaded.main, { textDocument: { uri: loaded.main.uri.toString() } });
    return { loaded, symbols };
}

/** The outline as indented lines "Kind name — detail". */
function render(symbols: DocumentSymbol[], depth = 0): string[] {
    return symbols.flatMap(s => [
        `${'  '.repeat(depth)}${KIND_NAMES.get(s.kind)} ${s.name}${s.detail ? ` — ${s.detail}` : ''}`,
        ...render(s.children ?? [], depth + 1),
    ]);
}

function all(symbols: DocumentSymbol[]): DocumentSymbol[] {
    return symbols.flatMap(s => [s, ...all(s.children ?? [])]);
}

/** What an editor requires of an outline: names, and each selection and child inside its parent. */
function expectWellFormed(symbols: DocumentSymbol[]): void {
    for (const symbol of all(symbols)) {
        expect(symbol.name.trim(), 'a symbol has a name').not.toBe('');
        expect(symbol.name).toBe(symbol.name.normalize('NFC'));
        expect(contains(symbol.range, symbol.selectionRange), `selection of ${symbol.name} inside its range`).toBe(true);
        for (const child of symbol.children ?? []) {
            expect(contains(symbol.range, child.range), `${child.name} inside ${symbol.name}`).toBe(true);
        }
    }
}

const FIXTURE = `phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc"
cơ quan SO_NV "Sở Nội vụ" thuộc UBND_TINH
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" gồm SO_NV
chỉ số IND "Tỷ lệ xã không ma túy" đơn vị %
văn bản QD_1 quyết định số "1/QĐ-UBND" ngày 1/1/2025 "Ban hành Kế hoạch" {
    điều "1" "Ban hành kèm theo Quyết định này Kế hoạch."
    điều "3" DIEU_3 "Các cơ quan chịu trách nhiệm thi hành." { thi hành SO_NV }
}
kế hoạch KH "Phòng, chống ma túy năm 2025" {
    của UBND_TINH  ban hành kèm theo QD_1
    phần "I" "MỤC ĐÍCH, YÊU CẦU" {
        [-] mục tiêu "Nâng cao nhận thức."
        chỉ tiêu CT_XA "Xã, phường không ma túy" chỉ số IND phấn đấu đạt 20% trong năm 2025
    }
    phần "II" "NHIỆM VỤ" {
        phần "2" "Sở Nội vụ:" giao SO_NV {
            [a)] nhiệm vụ "Phối hợp với Sở Giáo dục và Đào tạo rà soát các cơ sở giáo dục trên địa bàn" { trong tháng 12/2025 }
            [-] nhiệm vụ "Tổng kết công tác"
        }
        [3.] nhiệm vụ NV3 "Các sở, ban, ngành tuyên truyền" {
            chủ trì SO_NGANH
            chỉ tiêu "Tổng tỷ suất sinh" khoảng 2,1 con/phụ nữ
            báo cáo BC "Báo cáo kết quả" { từ SO_NGANH gửi UBND_TINH }
        }
        [4.] "Đoạn văn được đánh số."
        [-] "Đoạn văn gạch đầu dòng."
        [8.] { "Đoạn thứ nhất của mục 8." "Đoạn thứ hai." }
        giai đoạn GD1 "Giai đoạn đầu" từ 2025 đến 2026
        kinh phí "Từ nguồn ngân sách tỉnh."
    }
    phụ lục "I" "DANH MỤC NHIỆM VỤ" {
        [1] nhiệm vụ "Xây dựng đề án" { chủ trì SO_NV }
    }
}
`;

describe('document symbols (outline)', () => {
    afterAll(async () => {
        await load('');
    });

    test('the outline follows the plan: sections with their printed number, then tasks, targets, reports, phases', async () => {
        const { symbols } = await outline(FIXTURE);
        expect(render(symbols)).toEqual([
            'Namespace VinhPhuc — Tỉnh Vĩnh Phúc',
            'Class UBND_TINH — Ủy ban nhân dân tỉnh Vĩnh Phúc',
            'Class SO_NV — Sở Nội vụ',
            'Struct SO_NGANH — Các sở, ban, ngành tỉnh',
            'Property IND — Tỷ lệ xã không ma túy',
            'File QD_1 — Quyết định số 1/QĐ-UBND: Ban hành Kế hoạch',
            '  Namespace Điều 1 — Ban hành kèm theo Quyết định này Kế hoạch.',
            '  Namespace Điều 3 — DIEU_3 · Các cơ quan chịu trách nhiệm thi hành.',
            'Module KH — Kế hoạch: Phòng, chống ma túy năm 2025',
            '  Namespace I. MỤC ĐÍCH, YÊU CẦU',
            '    Number CT_XA — Xã, phường không ma túy: phấn đấu đạt 20% trong năm 2025',
            '  Namespace II. NHIỆM VỤ',
            '    Namespace 2. Sở Nội vụ: — giao SO_NV',
            '      Function a) Phối hợp với Sở Giáo dục và Đào…',
            '      Function Tổng kết công tác',
            '    Function NV3 — 3. Các sở, ban, ngành tuyên truyền',
            '      Number Tổng tỷ suất sinh — khoảng 2,1 con/phụ nữ',
            '      Event BC — Báo cáo kết quả',
            '    String 4. Đoạn văn được đánh số.',
            '    Namespace 8. Đoạn thứ nhất của mục 8.',
            '    Package GD1 — Giai đoạn đầu (từ 2025 đến 2026)',
            '    Object Từ nguồn ngân sách tỉnh.',
            '  Package Phụ lục I: DANH MỤC NHIỆM VỤ',
            '    Function 1 Xây dựng đề án',
        ]);
        expectWellFormed(symbols);
    });

    test('an item is selected by its id, else by its number, else by its text', async () => {
        const { loaded, symbols } = await outline(FIXTURE);
        const byName = new Map(all(symbols).map(s => [s.name, s]));
        expect(textAt(loaded.main, byName.get('NV3')!.selectionRange)).toBe('NV3');
        expect(textAt(loaded.main, byName.get('I. MỤC ĐÍCH, YÊU CẦU')!.selectionRange)).toBe('"I"');
        expect(textAt(loaded.main, byName.get('a) Phối hợp với Sở Giáo dục và Đào…')!.selectionRange)).toBe('[a)]');
        expect(textAt(loaded.main, byName.get('Tổng kết công tác')!.selectionRange)).toBe('"Tổng kết công tác"');
        expect(textAt(loaded.main, byName.get('KH')!.range)).toMatch(/^kế hoạch KH[\s\S]*\}$/);
    });

    test('decomposed (NFD) input gives the same outline, in composed (NFC) names', async () => {
        const nfc = render((await outline(FIXTURE)).symbols);
        const { symbols } = await outline(FIXTURE.normalize('NFD'));
        expect(render(symbols)).toEqual(nfc);
        expectWellFormed(symbols);
    });

    test('examples/ca-mau/kh-qd634.plan: its ten sections of parts I, II and IV, and part III by body', async () => {
        const { loaded, symbols } = await outline(exampleFiles('ca-mau/kh-qd634.plan'));
        const plan = symbols.find(s => s.name === 'KH_QD634')!;
        expect(plan.kind).toBe(SymbolKind.Module);
        const sections = (s: DocumentSymbol) => (s.children ?? []).filter(c => c.kind === SymbolKind.Namespace).map(c => c.name);
        const parts = plan.children!;
        expect(sections(plan)).toEqual(['I. MỤC ĐÍCH, YÊU CẦU', 'II. NHIỆM VỤ VÀ GIẢI PHÁP CHỦ YẾU', 'III. PHÂN CÔNG NHIỆM VỤ', 'IV. TỔ CHỨC THỰC HIỆN']);
        expect(sections(parts[0])).toEqual(['1. Mục tiêu, yêu cầu chung', '2. Mục tiêu, yêu cầu cụ thể']);
        expect(sections(parts[1])).toEqual([
            '3. Tăng cường công tác phòng ngừa tội phạm và vi phạm pháp luật',
            '4. Đẩy mạnh tấn công trấn áp các loại tội phạm và vi phạm pháp luật',
            '5. Thực hiện đồng bộ các giải pháp để nâng cao chất lượng công tác điều tra, xử lý tội phạm, phòng, chống oan, sai, chống bỏ lọt tội phạm và người phạm tội',
            '7. Thực hiện nghiêm các quy định pháp luật về thi hành án',
            '8. Tiếp tục thực hiện có hiệu quả Nghị…',
        ]);
        // Part II in its printed order 1–8: tasks, headed sections, a numbered paragraph, a numbered item.
        expect(parts[1].children!.map(c => c.name.split(' ')[0])).toEqual(['NV_II_1', 'NV_II_2', '3.', '4.', '5.', '6.', '7.', '8.']);
        expect(parts[1].children![0].detail).toBe('1. Các sở, ban, ngành tỉnh, Ủy ban nhân dân huyện, thành phố tổ chức phổ biến, quán triệt Nghị…');
        // Part III: one heading per body, "giao" or "đề nghị", with items 23 and 26 as tasks.
        const partIII = parts[2].children!;
        expect(partIII[0]).toMatchObject({ name: '1. Công an tỉnh', detail: 'giao CA_TINH', kind: SymbolKind.Namespace });
        expect(partIII.find(s => s.name.startsWith('25.'))!.detail).toBe('đề nghị VKS_TINH, TAND_TINH');
        expect(partIII.map(s => s.name.split(/[. ]/)[0])).toEqual([
            '1', '2', '3', '4', '5', '6', '7', '8', '9', '10', '11', '12', '13', '13', '14', '15', '16', '17', '18', '19', '20', '21', '22',
            'NV_III_23', '24', '25', 'NV_III_26', '27',
        ]);
        // Every task appears, with or without an id; bullets are named by their first words.
        const tasks = AstUtils.streamAst(loaded.model).filter(isTask).toArray();
        expect(all(symbols).filter(s => s.kind === SymbolKind.Function)).toHaveLength(tasks.length);
        expect(partIII[0].children![0]).toMatchObject({ name: 'Tham mưu Ủy ban nhân dân tỉnh đôn…', kind: SymbolKind.Function });
        expect(partIII[0].children![0].children!.map(c => [c.name, c.kind])).toEqual([['BC_PCTP', SymbolKind.Event]]);
        // Targets of I.2 by id, with the comparison as printed.
        expect(parts[0].children![1].children!.find(s => s.name === 'CT_GQ_TIN_BAO')).toMatchObject({ kind: SymbolKind.Number, detail: 'Tỷ lệ giải quyết tố giác, tin báo…: trên 90%' });
        // The decision that issues the plan, with its articles.
        expect(render(symbols.filter(s => s.name === 'QD_1073')).slice(1).map(l => l.trim().split(' — ')[0])).toEqual(['Namespace Điều 1', 'Namespace Điều 2', 'Namespace Điều 3']);
        expectWellFormed(symbols);
    });

    test.each(EXAMPLE_PLANS)('%s: every section and task is in the outline, well formed', async (main) => {
        const { loaded, symbols } = await outline(exampleFiles(main));
        const nodes = AstUtils.streamAst(loaded.model).toArray();
        const listed = all(symbols);
        expect(listed.filter(s => s.kind === SymbolKind.Function)).toHaveLength(nodes.filter(isTask).length);
        expect(listed.filter(s => s.kind === SymbolKind.Namespace && !/^(Điều|Article) /.test(s.name) && s.detail !== 'Tỉnh'))
            .toHaveLength(nodes.filter(isSection).length + (loaded.model.namespace ? 1 : 0));
        expectWellFormed(symbols);
    });

    test('registries list agencies, groups, documents and indicators', async () => {
        const { symbols } = await outline(exampleFiles('quoc-gia/co-quan.plan'));
        expect(new Set(symbols.map(s => s.kind))).toEqual(new Set([SymbolKind.Class, SymbolKind.Struct].filter(k => symbols.some(s => s.kind === k))));
        expect(symbols.find(s => s.name === 'BCA')).toMatchObject({ kind: SymbolKind.Class, detail: 'Bộ Công an' });
        const indicators = await outline(exampleFiles('quoc-gia/chi-so.plan'));
        expect(indicators.symbols.length).toBeGreaterThan(0);
        expect(indicators.symbols.every(s => s.kind === SymbolKind.Property)).toBe(true);
        const documents = await outline(exampleFiles('quoc-gia/van-ban.plan'));
        expect(documents.symbols.find(s => s.name === 'QD_634_2020')).toMatchObject({ kind: SymbolKind.File });
        expect(documents.symbols.find(s => s.name === 'QD_634_2020')!.detail).toMatch(/^Quyết định số 634\/QĐ-TTg/);
    });

    test('never throws on partial or broken input, and every symbol has a name', async () => {
        const text = exampleFiles('vinh-phuc/ke-hoach-ct39.plan')['vinh-phuc/ke-hoach-ct39.plan'];
        for (const input of [...BROKEN_INPUTS, ...prefixes(text, 40), ...prefixes(FIXTURE, 30), FIXTURE.replace(/"/g, '')]) {
            const { symbols } = await outline(input);
            expectWellFormed(symbols);
        }
    });
});
