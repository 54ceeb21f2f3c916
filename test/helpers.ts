import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { EmptyFileSystem, URI } from 'langium';
import { clearDocuments } from 'langium/test';
import { expect } from 'vitest';
import type { Diagnostic, Range } from 'vscode-languageserver';
import type { Model } from '../src/language/generated/ast.js';
import { allRulesSettings } from '../src/config/config.js';
import { createPlanspecServices } from '../src/language/planspec-module.js';

/** One set of services for a test file; `load` clears the previous workspace. */
export const services = createPlanspecServices(EmptyFileSystem).Planspec;
// Every rule at its default severity, whatever the presets say, so each rule can be tested.
services.config.ConfigProvider.useFixedSettings(allRulesSettings());

/** Expected ranges are marked in fixtures with ⟦ and ⟧; the markers are removed before parsing. */
export const OPEN = '⟦';
export const CLOSE = '⟧';

/** A diagnostic whose message is plain text (LSP also allows markup; planspec never sends it). */
export type TextDiagnostic = Omit<Diagnostic, 'message'> & { message: string };

export function messageOf(d: Diagnostic): string {
    return typeof d.message === 'string' ? d.message : d.message.value;
}

export interface Loaded {
    documents: Record<string, LangiumDocument<Model>>;
    /** The document of the first file given. */
    main: LangiumDocument<Model>;
    model: Model;
    /** Ranges marked in the first file. */
    marked: Range[];
    diagnostics: TextDiagnostic[];
}

/**
 * Parses, links and validates a small in-memory workspace. Give one source, or several named
 * files (the first is the one under test; the others are registries).
 */
export async function load(files: string | Record<string, string>): Promise<Loaded> {
    await clearDocuments(services.shared);
    const entries = Object.entries(typeof files === 'string' ? { 'main.plan': files } : files);
    const documents: Record<string, LangiumDocument<Model>> = {};
    let marked: Range[] = [];
    for (const [i, [name, source]] of entries.entries()) {
        const { text, ranges } = extractMarkers(source);
        if (i === 0) {
            marked = ranges;
        }
        const document = services.shared.workspace.LangiumDocumentFactory.fromString<Model>(text, URI.parse(`file:///ws/${name}`));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents[name] = document;
    }
    await services.shared.workspace.DocumentBuilder.build(Object.values(documents), { validation: true });
    const main = documents[entries[0][0]];
    const diagnostics = (main.diagnostics ?? []).map(d => ({ ...d, message: messageOf(d) }));
    return { documents, main, model: main.parseResult.value, marked, diagnostics };
}

export function extractMarkers(source: string): { text: string; ranges: Range[] } {
    const ranges: Range[] = [];
    let text = '';
    let line = 0;
    let character = 0;
    const stack: Array<{ line: number; character: number }> = [];
    for (const ch of source) {
        if (ch === OPEN) {
            stack.push({ line, character });
            continue;
        }
        if (ch === CLOSE) {
            const start = stack.pop();
            if (!start) throw new Error('unbalanced ⟧ in fixture');
            ranges.push({ start, end: { line, character } });
            continue;
        }
        text += ch;
        if (ch === '\n') {
            line++;
            character = 0;
        } else {
            character += ch.length;
        }
    }
    return { text, ranges: ranges.sort((a, b) => a.start.line - b.start.line || a.start.character - b.start.character) };
}

export function findingsOf(loaded: Loaded, ruleId: string): TextDiagnostic[] {
    return loaded.diagnostics.filter(d => d.code === ruleId);
}

/** The rule reports exactly the marked ranges of the first file, with messages matching `message`. */
export async function expectFindings(ruleId: string, files: string | Record<string, string>, message?: RegExp): Promise<TextDiagnostic[]> {
    const loaded = await load(files);
    expectNoSyntaxErrors(loaded);
    const found = findingsOf(loaded, ruleId);
    expect(loaded.marked.length, 'the fixture marks at least one range').toBeGreaterThan(0);
    expect(found.map(d => d.range).sort(byPosition)).toEqual(loaded.marked);
    for (const d of found) {
        expect(d.message.length).toBeGreaterThan(0);
        if (message) {
            expect(d.message).toMatch(message);
        }
    }
    return found;
}

/** The rule reports nothing in the first file. */
export async function expectSilent(ruleId: string, files: string | Record<string, string>): Promise<void> {
    const loaded = await load(files);
    expectNoSyntaxErrors(loaded);
    expect(findingsOf(loaded, ruleId)).toEqual([]);
}

export function expectNoSyntaxErrors(loaded: Loaded): void {
    for (const [name, document] of Object.entries(loaded.documents)) {
        const syntax = [...document.parseResult.lexerErrors, ...document.parseResult.parserErrors].map(e => `${name}: ${e.message}`);
        expect(syntax).toEqual([]);
    }
}

function byPosition(a: Range, b: Range): number {
    return a.start.line - b.start.line || a.start.character - b.start.character;
}

/** A small registry shared by many fixtures: a province with its bodies and one national body. */
export const REGISTRY = `
phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Vĩnh Phúc" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan STP "Sở Tư pháp tỉnh Vĩnh Phúc" thuộc UBND_TINH
cơ quan VKS_TINH "Viện kiểm sát nhân dân tỉnh Vĩnh Phúc" thuộc VKSNDTC
cơ quan MTTQ_TINH "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Phúc" độc lập
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH gồm STP, CA_TINH
`;

export const NATIONAL = `
cơ quan TTG "Thủ tướng Chính phủ"
cơ quan VKSNDTC "Viện kiểm sát nhân dân tối cao" độc lập
văn bản CT_39 chỉ thị số "39/CT-TTg" ngày 24/10/2017 của TTG "về tăng cường công tác phòng ngừa"
`;

/** Wraps plan members in a plan of Vĩnh Phúc, with the registries beside it. */
export function inPlan(members: string, header = 'của UBND_TINH  thời gian từ 2018 đến 2020'): Record<string, string> {
    return {
        'plan.plan': `phạm vi VinhPhuc\nkế hoạch KH "Kế hoạch thử" {\n    ${header}\n${members}\n}\n`,
        'registry.plan': REGISTRY,
        'national.plan': NATIONAL,
    };
}

/** What a failing check looks like: the runner's "internal error", or Langium's own report. */
export const INTERNAL_ERROR = /error occurred|internal error/i;

/** Half-typed targets, as the editor sees them on the way to a finished line. */
export const INCOMPLETE_TARGETS = {
    headers: ['của UBND_TINH  thời gian từ 2018 đến 2020', 'thời gian từ', 'thực hiện QD  căn cứ KHONG_CO'],
    members: `
    chỉ tiêu A "Tỷ lệ" trên
    chỉ tiêu B "Tỷ lệ" giảm từ 5% đến
    chỉ tiêu C "Tỷ lệ" chỉ số KHONG_CO trên 90% hằng năm hạn
    chỉ tiêu D "Tỷ lệ" giảm 20% so với
    chỉ tiêu E "Tỷ lệ" giảm 20% so với năm trước định kỳ năm
    chỉ tiêu "Tỷ lệ" chỉ số
    nhiệm vụ N "Nhiệm vụ" { phục vụ }
    chỉ tiêu F "Tỷ lệ" trên 5% hạn ngày`,
    extraFiles: { 'document.plan': 'văn bản QD quyết định { chỉ tiêu X "Tỷ lệ" chỉ số KHONG giảm từ }' } as Record<string, string>,
};

/** Sets options of one rule, over its defaults, until `resetRuleSettings`. */
export function useRuleOptions(ruleId: string, options: Record<string, unknown>): void {
    const settings = allRulesSettings();
    const setting = settings.get(ruleId)!;
    settings.set(ruleId, { ...setting, options: { ...setting.options, ...options } });
    services.config.ConfigProvider.useFixedSettings(settings);
}

/** Turns every rule but `ruleId` off, until `resetRuleSettings`. */
export function useOnlyRule(ruleId: string): void {
    const settings = allRulesSettings();
    for (const [id, setting] of settings) {
        setting.severity = id === ruleId ? setting.severity : 'off';
    }
    services.config.ConfigProvider.useFixedSettings(settings);
}

/** Back to every rule at its default severity and options. */
export function resetRuleSettings(): void {
    services.config.ConfigProvider.useFixedSettings(allRulesSettings());
}

/** With only `ruleId` enabled, the rule never throws on any of the incomplete inputs. */
export async function expectNoInternalErrors(ruleId: string, input: typeof INCOMPLETE_TARGETS): Promise<void> {
    useOnlyRule(ruleId);
    try {
        for (const header of input.headers) {
            const loaded = await load({ ...inPlan(input.members, header), ...input.extraFiles });
            const crashes = Object.values(loaded.documents).flatMap(d => d.diagnostics ?? []).map(messageOf).filter(m => INTERNAL_ERROR.test(m));
            expect(crashes).toEqual([]);
        }
    } finally {
        resetRuleSettings();
    }
}

/** Every `.plan` file of examples/ (one workspace), keyed by its path there, `main` first. */
export function exampleFiles(main: string): Record<string, string> {
    const all: Record<string, string> = {};
    for (const name of fs.readdirSync('examples', { recursive: true, encoding: 'utf8' }).sort()) {
        if (name.endsWith('.plan')) {
            all[name.split(path.sep).join('/')] = fs.readFileSync(path.join('examples', name), 'utf8');
        }
    }
    if (!(main in all)) {
        throw new Error(`no example ${main}`);
    }
    return { [main]: all[main], ...all };
}
