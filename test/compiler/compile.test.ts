import * as fs from 'node:fs';
import * as path from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, test } from 'vitest';
import { compilePlan } from '../../src/compiler/compile.js';
import type { PlanJson } from '../../src/compiler/plan-json.js';
import type { Model } from '../../src/language/generated/ast.js';
import { isPlan } from '../../src/language/generated/ast.js';
import { loadWorkspace } from '../../src/workspace/load.js';

const EXAMPLES = path.resolve('examples');
const compiled = new Map<string, PlanJson>();

beforeAll(async () => {
    const { requested, services } = await loadWorkspace([EXAMPLES]);
    for (const document of requested) {
        for (const plan of (document.parseResult.value as Model).elements.filter(isPlan)) {
            compiled.set(plan.name, compilePlan(plan, EXAMPLES, services));
        }
    }
}, 60_000);

function plan(id: string): PlanJson {
    const result = compiled.get(id);
    expect(result, `plan ${id} compiled`).toBeDefined();
    return result!;
}

describe('compiling the examples', () => {
    test('all five seeds are compiled', () => {
        expect([...compiled.keys()].sort()).toEqual(['KH_7488', 'KH_CT39', 'KH_DE_AN_4170', 'KH_QD634', 'NQ_04']);
    });

    test('every example validates against schemas/plan.schema.json', () => {
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats.default(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync('schemas/plan.schema.json', 'utf8')));
        for (const [id, json] of compiled) {
            // Round-trip through JSON text: the schema describes what is written, not the objects.
            const valid = validate(JSON.parse(JSON.stringify(json)));
            expect(valid, `${id}: ${JSON.stringify(validate.errors, null, 2)}`).toBe(true);
        }
    });

    test('schemas/plan.schema.json is the one generated from src/compiler/plan-json.ts (run `npm run docs`)', async () => {
        const { renderPlanSchema } = await import('../../scripts/plan-schema.mjs');
        expect(fs.readFileSync('schemas/plan.schema.json', 'utf8')).toBe(renderPlanSchema());
    }, 30_000);

    test('the output is deterministic', async () => {
        const { requested, services } = await loadWorkspace([path.join(EXAMPLES, 'ca-mau')]);
        const model = requested.find(d => d.uri.path.endsWith('kh-qd634.plan'))!.parseResult.value as Model;
        const again = compilePlan(model.elements.find(isPlan)!, EXAMPLES, services);
        expect(JSON.stringify(again)).toBe(JSON.stringify(plan('KH_QD634')));
    });

    test('seed 002: the plan carries its decision (basis, proposal, articles, recipients, signer) and states no period', async () => {
        const p = plan('KH_QD634');
        // The original gives no period: nothing recurring is expanded, and no date is invented.
        expect(p.period).toBeNull();
        expect(p.date).toBe('2020-06-16');
        expect(p.issuedWith).toMatchObject({
            id: 'CaMau.QD_1073', kind: 'decision', number: '1073/QĐ-UBND', date: '2020-06-16', place: 'Cà Mau',
            effective: { date: '2020-06-16', onSigning: true },
            basis: [{ id: 'LUAT_TCCQDP_2015' }, { id: 'NQ_96_2019' }, { id: 'QD_634_2020' }],
            proposals: [{ id: 'CaMau.TTR_135', number: '135/TTr-CAT-PV01' }],
        });
        expect(p.issuedWith!.articles.map(a => a.number)).toEqual(['1', '2', '3']);
        expect(p.recipientsFrom).toBe('issuedWith');
        expect(p.recipients[0]).toMatchObject({ text: 'Như Điều 3', article: '3' });
        expect(p.recipients[0].parties.map(x => x.id)).toEqual(['CaMau.VP_UBND', 'CaMau.CA_TINH', 'CaMau.SO_NGANH', 'CaMau.CT_UBND_HUYEN']);
        expect(p.signerFrom).toBe('issuedWith');
        expect(p.signer).toMatchObject({ person: 'Trần Hồng Quân', position: 'PHÓ CHỦ TỊCH', authority: { kind: 'signingFor', prefix: 'KT.', principal: 'CHỦ TỊCH' } });
        expect(p.implements.map(c => c.number)).toEqual(['634/QĐ-TTg', '96/2019/QH14']);
        const tenMonths = p.reports.find(r => r.key === 'BC_10_THANG')!;
        expect(tenMonths.occurrences).toEqual([]);
        expect(tenMonths.via).toMatchObject({ id: 'CaMau.CA_TINH' });
        expect(p.reports.find(r => r.key === 'BC_THA')!.preparedBy).toMatchObject({ id: 'CaMau.CUC_THADS' });
        expect(p.agencies.find(a => a.agency.id === 'CaMau.VKS_TINH')!.recipient).toBe(true);
    });

    test('seed 002: every document the prose cites is linked, where it occurs', () => {
        const p = plan('KH_QD634');
        expect(p.citations.length).toBeGreaterThan(30);
        expect(p.citations.filter(c => c.document === null)).toEqual([]);
        const numbers = new Set(p.citations.map(c => c.document?.number));
        for (const number of ['27/KH-UBND', '33/CT-TTg', '49/2020/NĐ-CP', '80/2011/NĐ-CP', '81/KH-UBND', '12/CT-TTg', '42/2017/QH14', '18-NQ/TW']) {
            expect(numbers, number).toContain(number);
        }
        const party = p.citations.find(c => c.printed === '18-NQ/TW')!;
        expect(party).toMatchObject({ kindWord: 'Nghị quyết', printedDate: '25-10-2017', explicit: false, in: { type: 'paragraph' } });
        // A law named without its number is linked explicitly, at its phrase.
        expect(p.citations.some(c => c.explicit && c.document?.id === 'LUAT_THAHS_2019' && c.offset !== null)).toBe(true);
    });

    test('seed 000: leads, requests, an ongoing duty, recipients with the bodies they name', () => {
        const p = plan('KH_CT39');
        const review = p.tasks.find(t => t.key === 'NV2')!;
        expect(review.leads).toEqual([{ id: 'VinhPhuc.SO_TP', name: expect.stringContaining('Sở Tư pháp'), type: 'agency' }]);
        expect(review.supports.map(s => s.id)).toEqual(['VinhPhuc.CA_TINH']);
        expect(review.mode).toBe('directed');
        expect(p.tasks.find(t => t.key === 'NV5')!.mode).toBe('requested');
        // "Đề nghị Ủy ban MTTQ tỉnh … phối hợp với các ngành": the Front is asked, the departments lead.
        expect(p.tasks.find(t => t.key === 'NV6')).toMatchObject({
            mode: 'requested', addressees: [{ id: 'VinhPhuc.MTTQ_TINH' }, { id: 'VinhPhuc.TC_THANH_VIEN' }], effectiveLeads: [{ id: 'VinhPhuc.SO_NGANH' }],
        });
        expect(p.tasks.find(t => t.key === 'NV1_2')!.timings).toEqual([{ kind: 'ongoing', text: 'thường xuyên', earliest: null, latest: null }]);
        expect(p.recipients.find(r => r.text === 'Chủ tịch, Các PCT. UBND tỉnh')).toMatchObject({ internal: true, parties: [] });
        expect(p.recipients.find(r => r.text === 'Các sở, ngành, đoàn thể của tỉnh')!.parties.map(x => x.id)).toEqual(['VinhPhuc.SO_NGANH', 'VinhPhuc.DOAN_THE']);
        expect(p.agencies.find(a => a.agency.id === 'VinhPhuc.BAO_VP')!.leads).toEqual(['NV4']);
        expect(p.implements.map(c => c.number)).toEqual(['39/CT-TTg']);
        expect(p.number).toBeNull();
        expect(p.period).toBeNull();
    });

    test('seed 000: the duties under the heading "1. Các sở, ban, ngành … có trách nhiệm:" take its bodies as leads', () => {
        const p = plan('KH_CT39');
        const section = p.tasks.filter(t => t.key.startsWith('NV1_'));
        expect(section.length).toBe(5);
        for (const task of section) {
            expect(task.leadsFrom).toBe('heading');
            expect(task.effectiveLeads.map(x => x.id)).toEqual(['VinhPhuc.SO_NGANH', 'VinhPhuc.UBND_HUYEN']);
        }
    });

    test('seed 001: a Party resolution: targets the language now writes, a level in words, a periodic report without interval', () => {
        const p = plan('NQ_04');
        expect(p).toMatchObject({ kind: 'resolution', kindLabel: 'Nghị quyết', number: '04-NQ/TU', date: '2022-01-25' });
        expect(p.targets.find(t => t.key === 'CT_GIAM_TOI_PHAM')).toMatchObject({
            comparison: null, change: 'decrease', baseline: { previousYear: true }, recurrence: { intervalMonths: 12 },
        });
        expect(p.targets.find(t => t.key === 'CT_DIEU_TRA')!.comparison).toMatchObject({ op: 'atLeast', value: null, reference: 'chỉ tiêu Quốc hội, Chính phủ giao' });
        expect(p.reports.map(r => r.recurrence)).toEqual([{ text: 'định kỳ', intervalMonths: null, interval: null }]);
    });

    test('seed 004: a plan forwarded by a letter: the letter whole, the yearly report, subject-less reviews, groups in the index', () => {
        const p = plan('KH_7488');
        expect(p).toMatchObject({ number: '7488/KH-UBND', date: '2017-07-31', period: { start: '2017-07-31', end: '2020-12-31' } });
        expect(p.inferred).toHaveProperty('number');
        expect(p.forwardedBy).toMatchObject({ number: '3833 /SYT-VP', kind: 'letter', signer: { person: 'Huỳnh Minh Hoàn', position: 'GIÁM ĐỐC', authority: null } });
        const yearly = p.reports.find(r => r.key === 'BC_NAM')!;
        // "trước ngày 25/11 hàng năm" (before 25 November), from the plan's date to the end of 2020.
        expect(yearly.occurrences.map(o => o.due)).toEqual(['2017-11-24', '2018-11-24', '2019-11-24', '2020-11-24']);
        expect(yearly).toMatchObject({ preparedBy: { id: 'DongNai.CA_TINH' }, via: { id: 'BCN_DE_AN_1960' }, recipients: [{ id: 'BCA' }] });
        expect(p.tasks.filter(t => t.leadUnstated).map(t => [t.key, t.dueDates])).toEqual([['NV_VII_SO_KET', []], ['NV_VII_TONG_KET', ['2020-12-31']]]);
        expect(p.targets.find(t => t.key === 'CT_XA_HOI_DEN')).toMatchObject({ comparison: { op: 'exactly', value: 0 }, scope: [{ party: null, text: 'các địa bàn chuyển hóa' }] });
        expect(p.agencies.find(a => a.agency.id === 'DongNai.UBND_HUYEN')!.throughGroups).toEqual(expect.arrayContaining([
            { group: 'DongNai.UBND_CAC_CAP', role: 'leads', key: 'NV_IV1_UBND' },
            { group: 'DongNai.DIA_PHUONG', role: 'reports', key: 'BC_VUONG_MAC' },
        ]));
        // The letter's own request ("Giám đốc Sở Y tế đề nghị …") joins the plan's tasks.
        expect(p.tasks.find(t => t.key === 'CV_3833_TRIEN_KHAI')).toMatchObject({ mode: 'requested' });
        expect(p.citations.filter(c => c.document === null)).toEqual([]);
    });

    test('seed 003: the Đề án implemented, the range target, the two phases, the subject-less final review', () => {
        const p = plan('KH_DE_AN_4170');
        expect(p.implements).toMatchObject([{ id: 'DE_AN_TPCTC', kind: 'scheme', number: null }]);
        const target = p.targets.find(t => t.comparison?.op === 'between')!;
        expect(target).toMatchObject({ change: 'decrease', relative: true, commitment: 'aspirational', comparison: { value: 3, upper: 5, unit: '%' } });
        expect(p.phases.map(ph => [ph.start, ph.end])).toEqual([['2017-01-01', '2018-12-31'], ['2019-01-01', '2020-12-31']]);
        expect(p.tasks.find(t => t.key === 'TD2')).toMatchObject({ leadUnstated: true, effectiveLeads: [], dueDates: ['2020-12-31'] });
    });
});
