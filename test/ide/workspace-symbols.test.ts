import { afterAll, describe, expect, test } from 'vitest';
import type { Location, Range, WorkspaceSymbol } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver';
import { WORKSPACE_SYMBOL_LIMIT } from '../../src/ide/workspace-symbols.js';
import { load, services } from '../helpers.js';
import { BROKEN_INPUTS, exampleFiles, textAt } from './support.js';

async function search(query: string): Promise<WorkspaceSymbol[]> {
    return services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query });
}

function rangeOf(symbol: WorkspaceSymbol): Range {
    expect('range' in symbol.location, 'a location with its range').toBe(true);
    return (symbol.location as Location).range;
}

function where(symbol: WorkspaceSymbol): { uri: string; line: number } {
    return { uri: symbol.location.uri, line: rangeOf(symbol).start.line };
}

const REGISTRY = `phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Vĩnh Phúc" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan STP "Sở Tư pháp tỉnh Vĩnh Phúc" thuộc UBND_TINH
cơ quan CA_HUYEN "Công an các huyện, thành phố" thuộc UBND_TINH
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH gồm STP, CA_TINH
chỉ số TY_LE_TIN_BAO "Tỷ lệ giải quyết tin báo"
`;

const PLAN = `phạm vi VinhPhuc
kế hoạch KH_PCTP "Phòng, chống tội phạm" {
    của UBND_TINH
    phần "I" "NHIỆM VỤ" {
        [1.] nhiệm vụ NV1 "Tuyên truyền pháp luật" { chủ trì STP }
        [-] nhiệm vụ "Tổng kết công tác phòng, chống tội phạm" { chủ trì CA_TINH }
        chỉ tiêu CT_TIN_BAO "Tỷ lệ giải quyết tin báo" chỉ số TY_LE_TIN_BAO trên 90%
        báo cáo BC_NAM "Báo cáo năm" { từ SO_NGANH gửi UBND_TINH }
    }
}
`;

describe('workspace symbols', () => {
    afterAll(async () => {
        await load('');
    });

    test('a declaration is found by its id, and by its name typed without diacritics', async () => {
        const { documents } = await load({ 'plan.plan': PLAN, 'registry.plan': REGISTRY });
        const registry = documents['registry.plan'];
        const [byId] = await search('STP');
        expect(byId).toMatchObject({ name: 'STP', kind: SymbolKind.Class, containerName: 'Sở Tư pháp tỉnh Vĩnh Phúc — VinhPhuc' });
        expect(textAt(registry, rangeOf(byId))).toBe('STP');
        expect((await search('so tu phap'))[0].name).toBe('STP');
        expect((await search('Sở Tư pháp'))[0].name).toBe('STP');
        expect((await search('Sở Tư pháp'.normalize('NFD')))[0].name).toBe('STP');
        // A short name ("viết tắt") is a name too; the qualified id finds it as well.
        expect((await search('ubnd tinh'))[0].name).toBe('UBND_TINH');
        expect((await search('VinhPhuc.CA_TINH'))[0].name).toBe('CA_TINH');
        expect(await search('khong co gi nhu the')).toEqual([]);
    });

    test('decomposed (NFD) files give the same symbols, found by a composed or a decomposed query', async () => {
        await load({ 'plan.plan': PLAN, 'registry.plan': REGISTRY });
        const nfc = (await search('')).map(s => [s.name, s.kind, s.containerName]);
        await load({ 'plan.plan': PLAN.normalize('NFD'), 'registry.plan': REGISTRY.normalize('NFD') });
        expect((await search('')).map(s => [s.name, s.kind, s.containerName])).toEqual(nfc);
        expect((await search('Sở Tư pháp'))[0].name).toBe('STP');
        expect((await search('Sở Tư pháp'.normalize('NFD')))[0].name).toBe('STP');
        expect((await search('tong ket'))[0].name).toBe('Tổng kết công tác phòng, chống tội phạm');
    });

    test('best first: the whole id, then a prefix, then words; an id before a text; the shorter name first', async () => {
        await load({ 'plan.plan': PLAN, 'registry.plan': REGISTRY });
        const names = (await search('cong an')).map(s => s.name);
        // "Công an tỉnh" (a short name of CA_TINH) is matched more closely than "Công an các huyện, thành phố".
        expect(names.slice(0, 2)).toEqual(['CA_TINH', 'CA_HUYEN']);
        const caTinh = (await search('CA_TINH')).map(s => s.name);
        expect(caTinh[0]).toBe('CA_TINH');
        // "tin bao" matches the words of two ids alike: the registry's indicator before the plan's target.
        const tinBao = await search('tin bao');
        expect(tinBao.map(s => s.name)).toEqual(['TY_LE_TIN_BAO', 'CT_TIN_BAO']);
        expect(tinBao.map(s => s.kind)).toEqual([SymbolKind.Property, SymbolKind.Number]);
        // Two ids the query begins: the shorter first.
        expect((await search('CA')).map(s => s.name).slice(0, 2)).toEqual(['CA_TINH', 'CA_HUYEN']);
        expect((await search('nv1')).map(s => s.name)).toEqual(['NV1']);
    });

    test('every task is found, those without an id by the words of their text', async () => {
        const { documents } = await load({ 'plan.plan': PLAN, 'registry.plan': REGISTRY });
        const [task] = await search('tong ket cong tac');
        expect(task).toMatchObject({ name: 'Tổng kết công tác phòng, chống tội phạm', kind: SymbolKind.Function, containerName: 'VinhPhuc.KH_PCTP' });
        expect(where(task)).toEqual({ uri: documents['plan.plan'].uri.toString(), line: 5 });
        expect(await search('NV1')).toMatchObject([{ name: 'NV1', kind: SymbolKind.Function, containerName: 'Tuyên truyền pháp luật — VinhPhuc.KH_PCTP' }]);
        expect((await search('bao cao nam'))[0]).toMatchObject({ name: 'BC_NAM', kind: SymbolKind.Event });
        // An empty query lists every declaration and task.
        const everything = await search('');
        expect(everything.map(s => s.name).sort()).toEqual([
            'BC_NAM', 'CA_HUYEN', 'CA_TINH', 'CT_TIN_BAO', 'KH_PCTP', 'NV1', 'SO_NGANH', 'STP', 'Tổng kết công tác phòng, chống tội phạm',
            'TY_LE_TIN_BAO', 'UBND_TINH',
        ].sort());
    });

    test('examples/: the police of each province for "cong an tinh", a decision by its id', async () => {
        const { documents } = await load(exampleFiles('ca-mau/kh-qd634.plan'));
        const police = (await search('cong an tinh')).slice(0, 4);
        expect(police.map(s => s.name)).toEqual(['CA_TINH', 'CA_TINH', 'CA_TINH', 'CA_TINH']);
        expect(police.map(s => s.containerName!.split(' — ')[1]).sort()).toEqual(['CaMau', 'DongNai', 'TinhKhuyetDanh', 'VinhPhuc']);
        const [decision] = await search('qd_634');
        expect(decision).toMatchObject({ name: 'QD_634_2020', kind: SymbolKind.File });
        expect(textAt(documents['quoc-gia/van-ban.plan'], rangeOf(decision))).toBe('QD_634_2020');
        // Item 23 of part III, by its words, and the yearly report of Cà Mau by its title.
        expect((await search('chu dong thuc hien cac bien phap')).map(s => s.name)).toContain('NV_III_23');
        expect((await search('Báo cáo năm')).map(s => s.name)).toContain('BC_NAM');
        expect((await search('')).length).toBeLessThanOrEqual(WORKSPACE_SYMBOL_LIMIT);
    });

    test('never throws on partial or broken input', async () => {
        for (const input of BROKEN_INPUTS) {
            await load({ 'broken.plan': input, 'registry.plan': REGISTRY });
            for (const query of ['', 'a', 'cong an', 'CA_TINH', '"', '.', '  ']) {
                for (const symbol of await search(query)) {
                    expect(symbol.name.trim()).not.toBe('');
                }
            }
        }
    });
});
