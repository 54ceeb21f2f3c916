import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { addScenarioPlans, DUPLICATE_BASIS, MISSING_LEAD } from './plans.js';
import { packagedExtension, ROOT, Workbench } from './workbench.js';

/**
 * The packaged extension in a real VS Code (code-server), on a copy of examples/ with two small
 * plans added: one whose task has no lead, one citing the same document twice. Each scenario is what
 * a drafter or reviewer does; it fails on a missing element, never on pixels, and leaves a
 * screenshot in test-results/e2e/.
 */
/** The colour an element is drawn in (run in the page, where the DOM exists). */
const COLOUR = (e: unknown) => (globalThis as unknown as { getComputedStyle(e: unknown): { color: string } }).getComputedStyle(e).color;

describe('the extension in VS Code (code-server)', () => {
    let workbench: Workbench;

    beforeAll(async () => {
        workbench = new Workbench(path.join(ROOT, 'examples'));
        addScenarioPlans(workbench.folder);
        await workbench.start(packagedExtension());
    });

    afterAll(async () => {
        await workbench?.stop();
    });

    test('a plan with a missing lead shows its error in the editor and in the Problems panel', async () => {
        const { page } = workbench;
        await workbench.open('e2e/thieu-chu-tri.plan');
        await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
        await page.keyboard.press('Control+Shift+M');
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-lead' }).first().waitFor({ timeout: 30_000 });
        expect(await page.locator('.markers-panel').innerText()).toMatch(/Nhiệm vụ chưa có đơn vị chủ trì/);
        await workbench.screenshot('1-diagnostics');
    });

    test('keywords are coloured by the TextMate grammar', async () => {
        const { page } = workbench;
        await workbench.focusEditor();
        // Monaco writes blanks as no-break spaces.
        const keyword = page.locator('.view-lines span', { hasText: /^chủ\s+trì$/ }).first();
        await keyword.waitFor();
        const identifier = page.locator('.view-lines span', { hasText: /^SO_TP$/ }).first();
        const [keywordColour, identifierColour] = await Promise.all([
            keyword.evaluate(COLOUR),
            identifier.evaluate(COLOUR),
        ]);
        expect(keywordColour).not.toBe(identifierColour);
        const plain = await page.locator('.view-lines span', { hasText: /Tổ\s+chức\s+tuyên\s+truyền/ }).first().evaluate(COLOUR);
        expect(keywordColour).not.toBe(plain);
    });

    test('"so tu phap" typed after `chủ trì ` offers Sở Tư pháp', async () => {
        const { page } = workbench;
        await workbench.focusEditor();
        const line = MISSING_LEAD.split('\n')[4];
        await workbench.goTo(5, line.indexOf('{  }') + 3);
        await page.keyboard.type('chủ trì so tu phap');
        await page.keyboard.press('Control+Space');
        const first = page.locator('.suggest-widget .monaco-list-row').first();
        await first.waitFor({ timeout: 30_000 });
        expect(await first.getAttribute('aria-label')).toMatch(/SO_TP/);
        expect(await page.locator('.suggest-widget').innerText()).toMatch(/Sở Tư pháp/);
        await workbench.screenshot('2-completion');
        await page.keyboard.press('Enter');
        await page.locator('.view-lines', { hasText: /\{\s+chủ\s+trì\s+SO_TP\s+\}/ }).first().waitFor();
        // The finding goes once the lead is there.
        await page.locator('.markers-panel .monaco-list-row', { hasText: 'missing-lead' }).waitFor({ state: 'detached', timeout: 30_000 });
    });

    test('hover on a document reference shows its number and date', async () => {
        const { page } = workbench;
        await workbench.open('ca-mau/kh-qd634.plan');
        const text = fs.readFileSync(path.join(workbench.folder, 'ca-mau', 'kh-qd634.plan'), 'utf8').split('\n');
        const line = text.findIndex(l => l.includes('ban hành kèm theo QD_1073'));
        await workbench.focusEditor();
        await workbench.goTo(line + 1, text[line].indexOf('QD_1073') + 3);
        await page.keyboard.press('Control+K');
        await page.keyboard.press('Control+I');
        const hover = page.locator('.monaco-hover', { hasText: 'Loại / Kind' }).first();
        await hover.waitFor({ timeout: 30_000 });
        expect(await hover.innerText()).toMatch(/1073\/QĐ-UBND/);
        expect(await hover.innerText()).toMatch(/16\/6\/2020/);
        await workbench.screenshot('3-hover');
        await page.keyboard.press('Escape');
    });

    test('a quick fix removes its finding', async () => {
        const { page } = workbench;
        await workbench.open('e2e/trung-can-cu.plan');
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ timeout: 60_000 });
        await workbench.focusEditor();
        const line = DUPLICATE_BASIS.split('\n')[4];
        await workbench.goTo(5, line.lastIndexOf('CT_39_2017') + 3);
        await page.keyboard.press('Control+.');
        const fix = page.locator('.action-widget .monaco-list-row', { hasText: /CT_39_2017/ }).first();
        await fix.waitFor({ timeout: 30_000 });
        await workbench.screenshot('4-quick-fix');
        // The fix is the first, focused action.
        await page.keyboard.press('Enter');
        await page.locator('.view-lines', { hasText: 'căn cứ CT_39_2017' }).first().waitFor();
        await page.locator('.monaco-editor .squiggly-warning').first().waitFor({ state: 'detached', timeout: 30_000 });
        expect(await page.locator('.view-lines').first().innerText()).not.toMatch(/CT_39_2017, CT_39_2017/);
    });

    test('"Compile to JSON" writes the plan as JSON valid against the schema', async () => {
        await workbench.open('vinh-phuc/ke-hoach-ct39.plan');
        await workbench.command('planspec: Compile to JSON');
        // Named by the plan's qualified id, as `planspec compile --out-dir` names it.
        const written = path.join(workbench.folder, 'vinh-phuc', 'VinhPhuc.KH_CT39.json');
        const deadline = Date.now() + 30_000;
        while (!fs.existsSync(written) && Date.now() < deadline) {
            await new Promise(resolve => setTimeout(resolve, 250));
        }
        await workbench.screenshot('8-compile');
        expect(fs.existsSync(written), 'VinhPhuc.KH_CT39.json beside the plan').toBe(true);
        const ajv = new Ajv2020({ allErrors: true, strict: true });
        addFormats.default(ajv);
        const validate = ajv.compile(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', 'plan.schema.json'), 'utf8')));
        const json = JSON.parse(fs.readFileSync(written, 'utf8')) as { id: string };
        expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
        expect(json.id).toBe('VinhPhuc.KH_CT39');
    });

    test('the preview opens beside the plan with the document, the responsibility matrix and the timeline', async () => {
        const { page } = workbench;
        // Đồng Nai's plan states its period, so its timeline has an axis.
        await workbench.open('dong-nai/kh-7488.plan');
        // Room for the preview: no side bar, no panel.
        await page.keyboard.press('Control+B');
        await page.keyboard.press('Control+J');
        await workbench.command('planspec: Open Preview to the Side');
        const frame = await workbench.webviewFrame('#matrix', 60_000);
        await frame.locator('#document').waitFor();
        await workbench.screenshot('5-preview-document');
        await frame.locator('#tab-matrix').click();
        await frame.locator('#matrix table').waitFor();
        expect(await frame.locator('#matrix').innerText()).toMatch(/Công an tỉnh/);
        await workbench.screenshot('6-preview-matrix');
        await frame.locator('#tab-timeline').click();
        await frame.locator('#timeline svg').first().waitFor();
        expect(await frame.locator('#timeline svg rect').count()).toBeGreaterThan(0);
        await workbench.screenshot('7-preview-timeline');
        // Clicking an item reveals it in the source.
        await frame.locator('#tab-document').click();
        const task = frame.locator('#document [data-range]', { hasText: 'NV_V2_KE_HOACH' }).first();
        await task.click();
        const line = fs.readFileSync(path.join(workbench.folder, 'dong-nai', 'kh-7488.plan'), 'utf8').split('\n')
            .findIndex(l => l.includes('NV_V2_KE_HOACH')) + 1;
        await page.locator('.statusbar', { hasText: `Ln ${line},` }).waitFor({ timeout: 15_000 });
    });
});
