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

    test('seed 002: the ten-month report is due 20 July of each year of the plan period, covering 15/9 to 14/7', () => {
        const p = plan('KH_QD634');
        expect(p.period).toEqual({ start: '2020-06-16', end: '2021-12-31' });
        expect(p.issuedWith).toMatchObject({ id: 'CaMau.QD_1073', kind: 'decision', number: '1073/QĐ-UBND', date: '2020-06-16', place: 'Cà Mau' });
        expect(p.implements.map(c => c.number)).toEqual(['634/QĐ-TTg', '96/2019/QH14']);
        const report = p.reports.find(r => r.key === 'BC_10_THANG')!;
        expect(report.occurrences).toEqual([
            { due: '2020-07-19', from: '2019-09-15', to: '2020-07-14' },
            { due: '2021-07-19', from: '2020-09-15', to: '2021-07-14' },
        ]);
        expect(report.via).toMatchObject({ id: 'CaMau.CA_TINH' });
        const yearly = p.reports.find(r => r.key === 'BC_NAM')!;
        expect(yearly.occurrences.map(o => o.due)).toEqual(['2020-09-19', '2021-09-19']);
    });

    test('seed 000: the legal review is led by Sở Tư pháp with Công an tỉnh cooperating, and the index says so', () => {
        const p = plan('KH_CT39');
        const review = p.tasks.find(t => t.key === 'NV2')!;
        expect(review.leads).toEqual([{ id: 'VinhPhuc.SO_TP', name: expect.stringContaining('Sở Tư pháp'), type: 'agency' }]);
        expect(review.supports.map(s => s.id)).toEqual(['VinhPhuc.CA_TINH']);
        expect(review.mode).toBe('directed');
        expect(p.tasks.find(t => t.key === 'NV5')!.mode).toBe('requested');
        const police = p.agencies.find(a => a.agency.id === 'VinhPhuc.CA_TINH')!;
        expect(police.supports).toContain('NV2');
        expect(police.consolidatesReports.length).toBeGreaterThan(0);
        expect(p.implements.map(c => c.number)).toEqual(['39/CT-TTg']);
        expect(p.number).toBeNull();
    });

    test('sub-tasks inherit the lead of their task', () => {
        const p = plan('KH_CT39');
        const parent = p.tasks.find(t => t.key === 'NV1')!;
        expect(parent.subtasks.length).toBeGreaterThan(0);
        for (const key of parent.subtasks) {
            const sub = p.tasks.find(t => t.key === key)!;
            expect(sub.parent).toBe('NV1');
            expect(sub.effectiveLeads).toEqual(parent.leads);
        }
    });

    test('seed 001 (a Party resolution) and seed 004 (a plan forwarded by a letter) keep their kind and carrier', () => {
        expect(plan('NQ_04')).toMatchObject({ kind: 'resolution', kindLabel: 'Nghị quyết', number: '04-NQ/TU', date: '2022-01-25' });
        expect(plan('KH_7488')).toMatchObject({ number: '7488/KH-UBND', date: '2017-07-31', forwardedBy: { number: '3833/SYT-VP', kind: 'letter' } });
        const bca = plan('KH_7488').reports.find(r => r.recipients.some(p => p.id === 'BCA'))!;
        expect(bca.occurrences.map(o => o.due)).toEqual(['2017-11-24', '2018-11-24', '2019-11-24', '2020-11-24']);
    });

    test('seed 003: the range target and the two phases', () => {
        const p = plan('KH_DE_AN_4170');
        const target = p.targets.find(t => t.comparison?.op === 'between')!;
        expect(target).toMatchObject({ change: 'decrease', relative: true, comparison: { value: 3, upper: 5, unit: '%' } });
        expect(p.phases.map(ph => [ph.start, ph.end])).toEqual([['2017-01-01', '2018-12-31'], ['2019-01-01', '2020-12-31']]);
    });
});
