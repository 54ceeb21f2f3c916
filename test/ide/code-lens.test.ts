import type { LangiumDocument } from 'langium';
import { clearDocuments } from 'langium/test';
import { afterAll, describe, expect, test } from 'vitest';
import { PlanspecCodeLensProvider } from '../../src/ide/code-lens.js';
import type { CalendarDate } from '../../src/semantics/dates.js';
import { expectNoSyntaxErrors, load, services } from '../helpers.js';
import { examples, positionOf, workspace } from './fixture.js';

afterAll(async () => {
    await clearDocuments(services.shared);
});

/** The lenses of a document as "line: title", lines 1-based, with today fixed. */
async function lenses(document: LangiumDocument, today: CalendarDate = { year: 2019, month: 1, day: 1 }): Promise<string[]> {
    const provider = new PlanspecCodeLensProvider(services, () => today);
    const result = await provider.provideCodeLens(document, { textDocument: { uri: document.uri.toString() } });
    return (result ?? []).map(l => `${l.range.start.line + 1}: ${l.command?.title}`);
}

function lineOf(document: LangiumDocument, needle: string): number {
    return positionOf(document, needle, 0, 0).line + 1;
}

describe('code lens on a small plan (NFC and NFD input)', () => {
    for (const [form, transform] of [['NFC', (t: string) => t.normalize('NFC')], ['NFD', (t: string) => t.normalize('NFD')]] as const) {
        test(`${form}: inherited lead and support on tasks that do not name them; the next due dates of a recurring report`, async () => {
            const loaded = await load(workspace(transform));
            expectNoSyntaxErrors(loaded);
            const document = loaded.main;
            const line = (needle: string) => lineOf(document, needle.normalize(form));
            expect(await lenses(document)).toEqual([
                `${line('[a)]')}: Chủ trì / Lead: Sở Tư pháp (từ phần "1" / from the heading)`,
                `${line('nhiệm vụ NV1_1')}: Chủ trì / Lead: Các sở, ban, ngành tỉnh (từ nhiệm vụ NV1 / from the enclosing task)`
                + ' · Phối hợp / Support: Công an tỉnh (kế thừa / inherited)',
                `${line('báo cáo BC')}: Hạn tiếp theo / Next due: 19/7/2019 (Thứ Sáu / Friday); sau đó / then: 19/7/2020`,
            ]);
        });
    }

    test('"next" is counted from today; past the period, every due date is listed as past', async () => {
        const loaded = await load(workspace());
        const document = loaded.main;
        const report = (titles: string[]) => titles.find(t => t.includes('BC') || /Hạn|hạn/.test(t));
        expect(report(await lenses(document, { year: 2017, month: 12, day: 31 }))).toContain(
            'Hạn tiếp theo / Next due: 19/7/2018 (Thứ Năm / Thursday); sau đó / then: 19/7/2019, 19/7/2020');
        expect(report(await lenses(document, { year: 2019, month: 7, day: 19 }))).toContain('Next due: 19/7/2019');
        expect(report(await lenses(document, { year: 2019, month: 7, day: 20 }))).toContain('Next due: 19/7/2020 (Chủ nhật / Sunday)');
        expect(report(await lenses(document, { year: 2021, month: 1, day: 1 }))).toContain(
            'Đã qua mọi hạn / All due dates past (3): 19/7/2018, 19/7/2019, 19/7/2020');
    });

    test('a recurring duty without dates says why: no period, an inferred period, no interval or due date', async () => {
        const noPeriod = await load(workspace(t => t.replace('thời gian từ ⟦⟧nay đến năm 2020', '')));
        expect((await lenses(noPeriod.main)).find(t => t.includes('No concrete due dates'))).toContain(
            'kế hoạch không nêu thời gian thực hiện, nên không có ngày cụ thể / the plan states no period, so there are no concrete dates');

        const inferred = await load(workspace(t => t.replace('thời gian từ ⟦⟧nay đến năm 2020', 'thời gian từ 2018 đến 2020 suy ra "theo Chỉ thị"')));
        expect((await lenses(inferred.main)).find(t => t.includes('No concrete due dates'))).toContain(
            'thời gian của kế hoạch là suy ra, không có trong bản gốc');

        const periodic = await load(workspace(t => t.replace('trước ngày ⟦⟧20/7  ⟦⟧hằng năm', 'định kỳ')));
        expectNoSyntaxErrors(periodic);
        expect((await lenses(periodic.main)).find(t => t.includes('No concrete due dates'))).toContain(
            'bản gốc không nêu chu kỳ và hạn / the original states no interval and no due date');
    });

    test('a task that names its own lead, or cooperates with one (phối hợp với), gets no inherited lens', async () => {
        const loaded = await load(workspace(t => t.replace('{ phối hợp CA_TINH  hạn quý ⟦⟧IV/2018 }', '{ chủ trì STP  hạn quý IV/2018 }')));
        expect((await lenses(loaded.main)).filter(t => t.includes('từ phần'))).toEqual([]);
        const cooperating = await load(workspace(t => t.replace('{ phối hợp CA_TINH  hạn quý ⟦⟧IV/2018 }', '{ phối hợp với CA_TINH }')));
        // The heading's body is the addressee: it cooperates with Công an tỉnh, which leads.
        const titles = await lenses(cooperating.main);
        expect(titles.filter(t => t.includes('Chủ trì / Lead: Sở Tư pháp'))).toEqual([]);
        expect(titles.find(t => t.startsWith(`${lineOf(cooperating.main, '[a)]')}:`))).toContain(
            'Phối hợp / Support: Sở Tư pháp (cơ quan được giao / the addressee)');
    });
});

describe('code lens on the examples', () => {
    test('Đồng Nai: the yearly report to Bộ Công an; the tasks under "Công an tỉnh:" and under NV_V4B', async () => {
        const loaded = await load(examples('dong-nai/kh-7488.plan'));
        const document = loaded.main;
        const titles = await lenses(document, { year: 2018, month: 1, day: 1 });
        expect(titles).toContain(`${lineOf(document, 'báo cáo BC_NAM')}: Hạn tiếp theo / Next due: 24/11/2018 (Thứ Bảy / Saturday); sau đó / then: 24/11/2019, 24/11/2020`);
        expect(titles.some(t => /Chủ trì \/ Lead: Công an các đơn vị, địa phương \(từ nhiệm vụ NV_V4B/.test(t))).toBe(true);
    });

    test('Cà Mau: the yearly reports have no dates (the plan states no period); part 27 gives its bullets a lead', async () => {
        const loaded = await load(examples('ca-mau/kh-qd634.plan'));
        const document = loaded.main;
        const titles = await lenses(document);
        expect(titles).toContain(`${lineOf(document, 'báo cáo BC_10_THANG')}: Không có ngày đến hạn cụ thể / No concrete due dates: `
            + 'kế hoạch không nêu thời gian thực hiện, nên không có ngày cụ thể / the plan states no period, so there are no concrete dates');
        expect(titles.filter(t => t.includes('Chủ trì / Lead: UBND huyện, thành phố (từ phần "27" / from the heading)'))).toHaveLength(3);
    });
});

describe('code lens never fails on partial input', () => {
    test('the fixture cut short at many places', async () => {
        const full = workspace();
        const plan = full['plan.plan'].replace(/[⟦⟧]/g, '');
        for (let cut = 0; cut <= plan.length; cut += 17) {
            const loaded = await load({ ...full, 'plan.plan': plan.slice(0, cut) });
            await lenses(loaded.main);
        }
        for (const source of ['', 'kế hoạch K "x" { nhiệm vụ "a" { hằng năm', 'kế hoạch K "x" { báo cáo B "b" { trước ngày 31/2 định kỳ 0 tháng } }',
            'kế hoạch K "x" { thời gian từ 2020 đến 1900 báo cáo B "b" { trước ngày 1/1 hằng năm } }', 'phần "1" "x" giao { nhiệm vụ "a" }']) {
            const loaded = await load(source);
            expect(Array.isArray(await lenses(loaded.main))).toBe(true);
        }
    });
});
