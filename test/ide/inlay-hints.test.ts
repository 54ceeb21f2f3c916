import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterAll, describe, expect, test } from 'vitest';
import type { Range } from 'vscode-languageserver';
import { expectNoSyntaxErrors, load, services } from '../helpers.js';
import { examples, positionOf, workspace } from './fixture.js';

afterAll(async () => {
    await clearDocuments(services.shared);
});

const EVERYWHERE: Range = { start: { line: 0, character: 0 }, end: { line: 1_000_000, character: 0 } };

/** The hints of a document as "line:character label", 1-based lines. */
async function hints(document: LangiumDocument, range: Range = EVERYWHERE): Promise<string[]> {
    const result = await services.lsp.InlayHintProvider!.getInlayHints(document, { textDocument: { uri: document.uri.toString() }, range });
    return (result ?? []).map(h => `${h.position.line + 1}:${h.position.character} ${typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join('')}`);
}

/** "line:character" just after the `nth` occurrence of `needle`. */
function after(document: LangiumDocument, needle: string, nth = 0): string {
    const p = positionOf(document, needle, nth, needle.length);
    return `${p.line + 1}:${p.character}`;
}

describe('inlay hints on a small plan (NFC and NFD input)', () => {
    for (const [form, transform] of [['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const) {
        test(`${form}: the concrete date after "kể từ ngày ký", "nay" and "sau khi … có hiệu lực"; the lead after a task that inherits it`, async () => {
            const loaded = await load(workspace(transform));
            expectNoSyntaxErrors(loaded);
            const document = loaded.main;
            const at = (needle: string) => after(document, needle.normalize(form));
            expect(await hints(document)).toEqual([
                `${at('kể từ ngày ký')} = 15/3/2018`,
                `${at('từ nay')} = 15/3/2018`,
                `${at('"Rà soát văn bản"')} ← chủ trì / lead: Sở Tư pháp`,
                `${at('"Tuyên truyền ở cơ sở"')} ← chủ trì / lead: Các sở, ban, ngành tỉnh`,
                `${at('LUAT_X có hiệu lực')} = 1/1/2022`,
            ]);
        });
    }

    test('tooltips say where the value comes from, in both languages', async () => {
        const loaded = await load(workspace());
        const result = await services.lsp.InlayHintProvider!.getInlayHints(loaded.main, { textDocument: { uri: loaded.main.uri.toString() }, range: EVERYWHERE });
        const tooltips = (result ?? []).map(h => String(h.tooltip));
        expect(tooltips).toContain('ngày của kế hoạch / the plan\'s date: 15/3/2018 (Thứ Năm / Thursday)');
        expect(tooltips).toContain('Kế thừa từ tiêu đề phần / Inherited from the heading');
        expect(tooltips).toContain('Kế thừa từ nhiệm vụ chứa nó / Inherited from the enclosing task');
    });

    test('no date the plan does not give: "nay" in a plan without a date, a law without an effective date', async () => {
        const loaded = await load(workspace(t => t
            .replace('ban hành kèm theo ⟦⟧QD_BH', '')
            .replace(' có hiệu lực từ ngày 01/01/2022', '')));
        const found = await hints(loaded.main);
        expect(found.filter(h => h.includes('='))).toEqual([`${after(loaded.main, 'kể từ ngày ký')} = 15/3/2018`]);
    });

    test('only the hints in the requested range', async () => {
        const loaded = await load(workspace());
        const line = positionOf(loaded.main, '"Rà soát văn bản"').line;
        expect(await hints(loaded.main, { start: { line, character: 0 }, end: { line: line + 1, character: 0 } })).toEqual([
            `${after(loaded.main, '"Rà soát văn bản"')} ← chủ trì / lead: Sở Tư pháp`,
        ]);
    });
});

describe('inlay hints on the examples', () => {
    test('Đồng Nai: "từ nay" is 31/7/2017; the tasks under "UBND các huyện" show their lead', async () => {
        const loaded = await load(examples('dong-nai/kh-7488.plan'));
        const found = await hints(loaded.main);
        expect(found).toContain(`${after(loaded.main, 'thời gian từ nay')} = 31/7/2017`);
        expect(found.filter(h => h.endsWith('← chủ trì / lead: UBND các huyện, thị xã, thành phố'))).toHaveLength(4);
    });

    test('Cà Mau: the decision takes effect on signing, 16/6/2020', async () => {
        const loaded = await load(examples('ca-mau/kh-qd634.plan'));
        expect(await hints(loaded.main)).toContain(`${after(loaded.main, 'có hiệu lực kể từ ngày ký')} = 16/6/2020`);
    });
});

describe('inlay hints never fail on partial input', () => {
    test('the fixture cut short at many places', async () => {
        const full = workspace();
        const plan = full['plan.plan'].replace(/[⟦⟧]/g, '');
        for (let cut = 0; cut <= plan.length; cut += 17) {
            const loaded = await load({ ...full, 'plan.plan': plan.slice(0, cut) });
            expect(Array.isArray(await hints(loaded.main))).toBe(true);
        }
        for (const source of ['', 'kế hoạch K "x" { thời gian từ nay', 'văn bản D quyết định có hiệu lực kể từ ngày ký',
            'kế hoạch K "x" { nhiệm vụ "a" { sau khi D có hiệu lực } }', 'phần "1" "x" giao X { nhiệm vụ "a" }']) {
            const loaded = await load(source);
            expect(Array.isArray(await hints(loaded.main))).toBe(true);
        }
    });
});
