import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { CompletionItem, CompletionList, InsertReplaceEdit, TextEdit } from 'vscode-languageserver';
import { CompletionItemKind, CompletionTriggerKind, InsertTextFormat } from 'vscode-languageserver';
import { PlanspecCompletionProvider } from '../../src/ide/completion.js';
import { expandSnippet, SNIPPETS } from '../../src/ide/completion-snippets.js';
import type { Loaded } from '../helpers.js';
import { load, NATIONAL, REGISTRY, services } from '../helpers.js';

/** Where the cursor is in a fixture; removed before parsing. */
const CURSOR = '‸';

interface Completed {
    list: CompletionList;
    /** The items in the order the client shows them (by sortText). */
    items: CompletionItem[];
    labels: string[];
    loaded: Loaded;
    /** The text before the cursor on its line. */
    linePrefix: string;
}

/**
 * Completion at the cursor of the first file (the others are its workspace), as the editor asks
 * for it: invoked, or triggered by a character.
 */
async function complete(files: string | Record<string, string>, trigger?: string): Promise<Completed> {
    const entries = Object.entries(typeof files === 'string' ? { 'main.plan': files } : files);
    const [name, marked] = entries[0];
    const offset = marked.indexOf(CURSOR);
    expect(offset, 'the fixture marks the cursor').toBeGreaterThanOrEqual(0);
    const loaded = await load(Object.fromEntries([[name, marked.replace(CURSOR, '')], ...entries.slice(1)]));
    const document = loaded.main;
    const position = document.textDocument.positionAt(offset);
    const list = await services.lsp.CompletionProvider!.getCompletion(document, {
        textDocument: { uri: document.uri.toString() },
        position,
        context: trigger
            ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger }
            : { triggerKind: CompletionTriggerKind.Invoked },
    });
    expect(list).toBeDefined();
    const items = [...list!.items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label));
    const text = document.textDocument.getText();
    const linePrefix = text.substring(text.lastIndexOf('\n', offset - 1) + 1, offset);
    return { list: list!, items, labels: items.map(i => i.label), loaded, linePrefix };
}

function editOf(item: CompletionItem): TextEdit {
    const edit = item.textEdit as TextEdit;
    expect(edit?.range, `${item.label} has a text edit with a range`).toBeDefined();
    return edit;
}

/** The text an item replaces (from the start of its range to the cursor), as the client filters on it. */
function typedFor(completed: Completed, item: CompletionItem): string {
    const range = editOf(item).range;
    const line = completed.linePrefix;
    expect(range.start.line).toBe(range.end.line);
    return line.substring(line.length - (range.end.character - range.start.character));
}

/**
 * VS Code keeps an item when the typed text (the edit range) matches its filterText; a prefix
 * always matches. Every item the server returns must survive that filter.
 */
function expectClientKeeps(completed: Completed): void {
    for (const item of completed.items) {
        const typed = typedFor(completed, item);
        expect(item.filterText, `${item.label} has a filterText`).toBeDefined();
        expect(item.filterText!.toLowerCase().startsWith(typed.toLowerCase()), `"${typed}" keeps ${item.label} (${item.filterText})`).toBe(true);
    }
}

/** Accepting an item: the document text with its edit applied. */
function accept(completed: Completed, item: CompletionItem): string {
    const document = completed.loaded.main.textDocument;
    const edit = editOf(item);
    const text = document.getText();
    return text.substring(0, document.offsetAt(edit.range.start)) + edit.newText + text.substring(document.offsetAt(edit.range.end));
}

// ---------------------------------------------------------------------------------------------
// The examples, as one workspace: files of each province keep their namespace.

const EXAMPLES = path.resolve('examples');
const exampleFiles: Record<string, string> = {};
for (const dir of fs.readdirSync(EXAMPLES).sort()) {
    const folder = path.join(EXAMPLES, dir);
    if (fs.statSync(folder).isDirectory()) {
        for (const file of fs.readdirSync(folder).filter(f => f.endsWith('.plan')).sort()) {
            // One folder, so that they form one workspace as under examples/planspec.config.json.
            exampleFiles[`${dir}-${file}`] = fs.readFileSync(path.join(folder, file), 'utf8');
        }
    }
}
const CA_MAU_PLAN = 'ca-mau-kh-qd634.plan';

/**
 * The examples with Cà Mau's plan edited: `typed` written in place of the lead of its last task
 * (`chủ trì CA_TINH`), the cursor after it.
 */
function inCaMau(typed: string, clause = 'chủ trì CA_TINH', keep = 'chủ trì '): Record<string, string> {
    const plan = exampleFiles[CA_MAU_PLAN];
    const at = plan.lastIndexOf(clause);
    expect(at).toBeGreaterThan(0);
    const edited = plan.substring(0, at) + keep + typed + CURSOR + plan.substring(at + clause.length);
    return { [CA_MAU_PLAN]: edited, ...Object.fromEntries(Object.entries(exampleFiles).filter(([name]) => name !== CA_MAU_PLAN)) };
}

describe('completion of agencies and groups by name (examples)', () => {
    test('"so tu phap" after `chủ trì` offers Sở Tư pháp first, and accepting it writes its id over the whole query', async () => {
        const completed = await complete(inCaMau('so tu phap'));
        expect(completed.labels[0]).toBe('SO_TP');
        const first = completed.items[0];
        expect(typedFor(completed, first)).toBe('so tu phap');
        expect(accept(completed, first)).toContain('chủ trì SO_TP\n');
        expectClientKeeps(completed);
        expect(completed.list.isIncomplete).toBe(true);
    });

    test.each([
        ['Sở Tư', 'NFC'],
        ['Sở Tư'.normalize('NFD'), 'NFD'],
        ['sở tư pháp', 'lower case'],
        ['SO TU', 'capitals without diacritics'],
    ])('"%s" (%s) finds Sở Tư pháp first', async typed => {
        const completed = await complete(inCaMau(typed));
        expect(completed.labels[0]).toBe('SO_TP');
        expect(typedFor(completed, completed.items[0])).toBe(typed);
        expectClientKeeps(completed);
    });

    test('"tu phap": the province\'s Sở Tư pháp before the national Bộ Tư pháp', async () => {
        const completed = await complete(inCaMau('tu phap'));
        expect(completed.labels.slice(0, 2)).toEqual(['SO_TP', 'BTP']);
    });

    test('"cong an": Công an tỉnh first, Bộ Công an after it, other provinces\' police not at all', async () => {
        const completed = await complete(inCaMau('cong an'));
        expect(completed.labels[0]).toBe('CA_TINH');
        expect(completed.labels).toContain('BCA');
        expect(completed.labels.indexOf('BCA')).toBeGreaterThan(0);
        expect(completed.labels.filter(l => l.includes('.'))).toEqual([]);
        // Nothing else: a keyword that begins with the last word ("an…") is not offered inside a name.
        expect(completed.items.every(i => i.kind !== CompletionItemKind.Keyword)).toBe(true);
        expectClientKeeps(completed);
    });

    test('"Uỷ ban" (old tone placement) and "Ủy ban" give the same list, the People\'s Committee first', async () => {
        const old = await complete(inCaMau('Uỷ ban'));
        const current = await complete(inCaMau('Ủy ban'));
        expect(old.labels[0]).toBe('UBND_TINH');
        expect(old.labels).toEqual(current.labels);
        expect(old.labels).toContain('MTTQ_TINH');
        expectClientKeeps(old);
        expectClientKeeps(current);
    });

    test('a name whose words are keywords ("Sở Kế hoạch và Đầu") is one query', async () => {
        const completed = await complete(inCaMau('Sở Kế hoạch và Đầu'));
        expect(completed.labels[0]).toBe('SO_KHDT');
        expect(typedFor(completed, completed.items[0])).toBe('Sở Kế hoạch và Đầu');
    });

    test('the id itself, or its start, is found too', async () => {
        expect((await complete(inCaMau('so_tp'))).labels[0]).toBe('SO_TP');
        expect((await complete(inCaMau('UBND_TI'))).labels[0]).toBe('UBND_TINH');
    });

    test('after a comma, the next body of the list', async () => {
        const completed = await complete(inCaMau('SO_TP, cong an'));
        expect(completed.labels[0]).toBe('CA_TINH');
        expect(accept(completed, completed.items[0])).toContain('chủ trì SO_TP, CA_TINH\n');
    });

    test('other provinces only with their namespace typed: `DongNai.` then a name', async () => {
        const all = await complete(inCaMau(''));
        expect(all.labels.some(l => l.startsWith('DongNai.'))).toBe(false);
        const qualified = await complete(inCaMau('DongNai.cong an'));
        expect(qualified.labels[0]).toBe('DongNai.CA_TINH');
        expect(qualified.labels.every(l => l.startsWith('DongNai.'))).toBe(true);
        expect(typedFor(qualified, qualified.items[0])).toBe('DongNai.cong an');
        expect(accept(qualified, qualified.items[0])).toContain('chủ trì DongNai.CA_TINH\n');
        expectClientKeeps(qualified);
        // The namespace typed in another case still finds it, and the item writes its spelling.
        const lower = await complete(inCaMau('dongnai.cong an'));
        expect(lower.labels[0]).toBe('DongNai.CA_TINH');
        // A namespace that does not exist offers nothing.
        expect((await complete(inCaMau('KhongCo.cong'))).labels).toEqual([]);
    });

    test('each declaration once, by the shortest name that reaches it (never `CaMau.X` beside `X`)', async () => {
        const completed = await complete(inCaMau(''));
        expect(new Set(completed.labels).size).toBe(completed.labels.length);
        expect(completed.labels.filter(l => l.includes('.'))).toEqual([]);
        expect(completed.labels).toContain('SO_TP');
        expect(completed.labels).toContain('TTG');
        // The file's own namespace first, then national bodies.
        expect(completed.labels.indexOf('SO_TP')).toBeLessThan(completed.labels.indexOf('BTP'));
        const qualified = await complete(inCaMau('CaMau.'));
        expect(new Set(qualified.labels).size).toBe(qualified.labels.length);
        expect(qualified.labels).toContain('CaMau.SO_TP');
        expect(qualified.labels).not.toContain('SO_TP');
    });

    test('after `chủ trì` only bodies; after `căn cứ` only documents', async () => {
        const parties = await complete(inCaMau(''));
        expect(parties.labels).not.toContain('QD_634_2020');
        expect(parties.items.filter(i => i.kind !== CompletionItemKind.Keyword)
            .every(i => i.kind === CompletionItemKind.Class || i.kind === CompletionItemKind.Module)).toBe(true);
        const documents = await complete(inCaMau('', 'chủ trì CA_TINH', 'căn cứ '));
        expect(documents.labels).toContain('QD_634_2020');
        expect(documents.labels).not.toContain('CA_TINH');
        expect(documents.items.every(i => i.kind === CompletionItemKind.File)).toBe(true);
    });

    test('a document is found by its number-symbol or its summary', async () => {
        const byNumber = await complete(inCaMau('634', 'chủ trì CA_TINH', 'căn cứ '));
        expect(byNumber.labels[0]).toBe('QD_634_2020');
        const byKind = await complete(inCaMau('quyet dinh 634', 'chủ trì CA_TINH', 'căn cứ '));
        expect(byKind.labels[0]).toBe('QD_634_2020');
        const bySymbol = await complete(inCaMau('96/2019/QH14', 'chủ trì CA_TINH', 'căn cứ '));
        expect(bySymbol.labels[0]).toBe('NQ_96_2019');
        expect(typedFor(bySymbol, bySymbol.items[0])).toBe('96/2019/QH14');
    });

    test('items show kind, number, date and parent; the documentation the official name, aliases and summary', async () => {
        const body = (await complete(inCaMau('so tu phap'))).items[0];
        expect(body.kind).toBe(CompletionItemKind.Class);
        expect(body.labelDetails?.detail).toContain('Sở Tư pháp tỉnh Cà Mau');
        expect(body.labelDetails?.description).toBe('Cơ quan · thuộc UBND_TINH');
        expect(body.detail).toMatch(/^Cơ quan \/ Agency/);
        const doc = (body.documentation as { value: string }).value;
        expect(doc).toContain('**Sở Tư pháp tỉnh Cà Mau**');
        expect(doc).toContain('Viết tắt / Also written: Sở Tư pháp');
        expect(doc).toContain('Thuộc / Under: `UBND_TINH` Ủy ban nhân dân tỉnh Cà Mau');
        expect(doc).toContain('phạm vi / namespace `CaMau`');

        const group = (await complete(inCaMau('cac so nganh lien'))).items[0];
        expect(group.label).toBe('SO_NGANH_LQ');
        expect(group.kind).toBe(CompletionItemKind.Module);
        expect(group.labelDetails?.description).toBe('Nhóm · thuộc UBND_TINH');

        const decision = (await complete(inCaMau('634', 'chủ trì CA_TINH', 'căn cứ '))).items[0];
        expect(decision.labelDetails?.detail).toBe(' Quyết định 634/QĐ-TTg');
        expect(decision.labelDetails?.description).toBe('ngày 13/5/2020 · của TTG');
        expect(decision.detail).toBe('Quyết định / Decision 634/QĐ-TTg ngày 13/5/2020');
        const summary = (decision.documentation as { value: string }).value;
        expect(summary).toContain('**Quyết định số 634/QĐ-TTg ngày 13/5/2020 của Thủ tướng Chính phủ**');
        expect(summary).toContain('Chương trình thực hiện Nghị quyết số 96/2019/QH14');
        expect(summary).toContain('toàn quốc / national');
    });
});

// ---------------------------------------------------------------------------------------------
// Small fixtures

const FILES = (plan: string): Record<string, string> => ({
    'plan.plan': plan,
    'registry.plan': REGISTRY,
    'national.plan': NATIONAL,
    'other.plan': 'phạm vi DongNai\ncơ quan CA_TINH "Công an tỉnh Đồng Nai"\ncơ quan STP "Sở Tư pháp tỉnh Đồng Nai"\n',
});
const PLAN = (body: string) => `phạm vi VinhPhuc\nkế hoạch KH "Kế hoạch thử" {\n    của UBND_TINH\n${body}\n}\n`;
const TASK = (clauses: string) => PLAN(`    nhiệm vụ NV1 "Tuyên truyền" {\n        ${clauses}\n    }`);

describe('completion of references (fixtures)', () => {
    test('an alias is found too, and the item reaches the declaration in its own namespace', async () => {
        const completed = await complete(FILES(TASK(`chủ trì cong an tinh${CURSOR}`)));
        expect(completed.labels[0]).toBe('CA_TINH');
        expect(completed.labels).not.toContain('DongNai.CA_TINH');
        expect((completed.items[0].documentation as { value: string }).value).toContain('Công an tỉnh Vĩnh Phúc');
    });

    test('a body declared in the plan\'s own file comes before national ones', async () => {
        const completed = await complete(FILES(TASK(`chủ trì ${CURSOR}`)
            .replace('phạm vi VinhPhuc\n', 'phạm vi VinhPhuc\ncơ quan TO_CT "Tổ công tác liên ngành"\n')));
        expect(completed.labels.indexOf('TO_CT')).toBeGreaterThanOrEqual(0);
        expect(completed.labels.indexOf('TO_CT')).toBeLessThan(completed.labels.indexOf('TTG'));
    });

    test('a national file (no namespace) sees national bodies and no province\'s', async () => {
        const completed = await complete({
            'plan.plan': `kế hoạch KH "x" { nhiệm vụ "a" { chủ trì ${CURSOR} } }`,
            'national.plan': NATIONAL,
            'registry.plan': REGISTRY,
        });
        expect(completed.labels).toContain('TTG');
        expect(completed.labels.some(l => l === 'STP' || l.startsWith('VinhPhuc.'))).toBe(false);
        const qualified = await complete({
            'plan.plan': `kế hoạch KH "x" { nhiệm vụ "a" { chủ trì VinhPhuc.tu${CURSOR} } }`,
            'national.plan': NATIONAL,
            'registry.plan': REGISTRY,
        });
        expect(qualified.labels).toEqual(['VinhPhuc.STP']);
    });

    test('targets after `phục vụ`, articles after `như`: the declarations the reference can name', async () => {
        const targets = await complete(FILES(PLAN(`    chỉ tiêu CT_XA "Xã, phường không ma túy" đạt 20%\n    chỉ tiêu CT_SINH "Tổng tỷ suất sinh" khoảng 2,1 con/phụ nữ\n    nhiệm vụ "a" { chủ trì STP  phục vụ xa phuong${CURSOR} }`)));
        expect(targets.labels).toEqual(['CT_XA']);
        expect(targets.items[0].kind).toBe(CompletionItemKind.Field);
        const articles = await complete(FILES(`phạm vi VinhPhuc\nvăn bản QD quyết định số "1/QĐ-UBND" {\n    điều "3" DIEU_3 "Chánh Văn phòng … chịu trách nhiệm thi hành" { thi hành STP }\n    nơi nhận như ${CURSOR}\n}\n`));
        expect(articles.labels).toContain('DIEU_3');
        expect(articles.labels).not.toContain('STP');
    });

    test('a reference already complete is not offered again after a blank', async () => {
        const completed = await complete(FILES(TASK(`chủ trì STP ${CURSOR}`)), ' ');
        expect(completed.labels).toEqual([]);
    });

    test('a national body hidden by one of the same id in the namespace is not offered (its id would name the other)', async () => {
        const files = FILES(TASK(`chủ trì canh sat${CURSOR}`));
        files['national.plan'] += 'cơ quan CA_TINH "Cục Cảnh sát quản lý hành chính"\n';
        const completed = await complete(files);
        expect(completed.labels).toEqual([]);
    });
});

describe('replace mode', () => {
    /** The provider as a client that announced insert/replace support at initialization sees it. */
    class ReplacingProvider extends PlanspecCompletionProvider {
        constructor() {
            super(services);
            this.clientCapabilities = { completionItem: { insertReplaceSupport: true } };
        }
    }

    test('inside a word, "insert" ends at the cursor and "replace" at the end of the word', async () => {
        const files = FILES(TASK(`chủ trì so tu ph${CURSOR}ap  phối hợp CA_TINH`));
        const plan = files['plan.plan'];
        const loaded = await load({ ...files, 'plan.plan': plan.replace(CURSOR, '') });
        const document = loaded.main;
        const offset = plan.indexOf(CURSOR);
        const list = await new ReplacingProvider().getCompletion(document, {
            textDocument: { uri: document.uri.toString() },
            position: document.textDocument.positionAt(offset),
        });
        const edit = list!.items[0].textEdit as InsertReplaceEdit;
        expect(list!.items[0].label).toBe('STP');
        const text = document.textDocument.getText();
        expect(text.substring(document.textDocument.offsetAt(edit.insert.start), document.textDocument.offsetAt(edit.insert.end))).toBe('so tu ph');
        expect(text.substring(document.textDocument.offsetAt(edit.replace.start), document.textDocument.offsetAt(edit.replace.end))).toBe('so tu phap');
    });
});

describe('keywords without diacritics', () => {
    test.each([
        ['phoi', ['phối hợp', 'phối hợp với']],
        ['phối'.normalize('NFD'), ['phối hợp', 'phối hợp với']],
        ['chu tri', ['chủ trì']],
        ['CHU TRI', ['chủ trì']],
        ['dong thoi', ['đồng thời đề nghị']],
        ['lea', ['lead']],
        ['in sup', ['in support of']],
    ])('"%s" → %j', async (typed, expected) => {
        const completed = await complete(FILES(TASK(`chủ trì STP\n        ${typed}${CURSOR}`)));
        expect(completed.labels).toEqual(expected);
        for (const item of completed.items) {
            expect(item.kind).toBe(CompletionItemKind.Keyword);
            expect(typedFor(completed, item)).toBe(typed);
        }
        expectClientKeeps(completed);
        expect(accept(completed, completed.items[0])).toContain(`chủ trì STP\n        ${expected[0]}\n`);
    });

    test('a keyword item\'s filterText is the keyword folded', async () => {
        const completed = await complete(FILES(TASK(`chủ trì STP  phoi${CURSOR}`)));
        expect(completed.items.map(i => i.filterText)).toEqual(['phoi hop', 'phoi hop voi']);
    });

    test('after the leads, `theo chức năng` (each in own remit) is offered, also typed without diacritics', async () => {
        for (const typed of ['theo', 'theo chuc', 'each in']) {
            const completed = await complete(FILES(TASK(`chủ trì STP, CA_TINH ${typed}${CURSOR}`)));
            expect(completed.labels, typed).toContain(typed === 'each in' ? 'each in own remit' : 'theo chức năng');
        }
    });

    test('invoked on a blank, the keywords that may follow, Vietnamese first', async () => {
        const completed = await complete(FILES(TASK(`chủ trì ${CURSOR}`)));
        const keywords = completed.items.filter(i => i.kind === CompletionItemKind.Keyword).map(i => i.label);
        expect(keywords).toEqual(['không nêu', 'not stated']);
    });
});

describe('trigger characters', () => {
    test('the server announces a space and a dot', () => {
        expect(services.lsp.CompletionProvider!.completionOptions?.triggerCharacters).toEqual([' ', '.']);
    });

    test.each([
        ['chủ trì', 'STP'],
        ['phối hợp', 'STP'],
        ['phối hợp với', 'STP'],
        ['đồng thời đề nghị', 'MTTQ_TINH'],
        ['căn cứ', 'CT_39'],
    ])('a space after `%s` opens the list', async (clause, expected) => {
        const completed = await complete(FILES(TASK(`${clause} ${CURSOR}`)), ' ');
        expect(completed.labels).toContain(expected);
    });

    test.each([
        ['`cho`', PLAN(`    nhiệm vụ "a" cho ${CURSOR}`), 'MTTQ_TINH'],
        ['`của`', `phạm vi VinhPhuc\nkế hoạch KH "x" {\n    của ${CURSOR}\n}\n`, 'UBND_TINH'],
        ['`gửi`', PLAN(`    báo cáo BC "Báo cáo" { từ STP  gửi ${CURSOR} }`), 'UBND_TINH'],
        ['a comma in a list', TASK(`chủ trì STP  phối hợp CA_TINH, ${CURSOR}`), 'VKS_TINH'],
    ])('a space after %s opens the list', async (_, plan, expected) => {
        const completed = await complete(FILES(plan), ' ');
        expect(completed.labels).toContain(expected);
    });

    test('a space while a name of several words is being typed keeps the list', async () => {
        const completed = await complete(FILES(TASK(`chủ trì so tu ${CURSOR}`)), ' ');
        expect(completed.labels[0]).toBe('STP');
        expect(typedFor(completed, completed.items[0])).toBe('so tu ');
        expectClientKeeps(completed);
    });

    test('a space while a keyword of several words is being typed keeps the list', async () => {
        const completed = await complete(FILES(TASK(`chủ trì STP\n        dong ${CURSOR}`)), ' ');
        expect(completed.labels).toEqual(['đồng thời đề nghị']);
    });

    test.each([
        ['after a finished reference', TASK(`chủ trì STP ${CURSOR}`)],
        ['after a task id', PLAN(`    nhiệm vụ NV1 ${CURSOR}`)],
        ['after a keyword that takes no reference', PLAN(`    nhiệm vụ ${CURSOR}`)],
        ['in prose', PLAN(`    "Các sở, ban, ngành ${CURSOR}"`)],
        ['in a name', `cơ quan X "Sở Tư ${CURSOR}"`],
        ['in a string being typed', TASK(`chủ trì STP\n        "Phối hợp với ${CURSOR}`)],
        ['in a comment', TASK(`chủ trì STP // chủ trì ${CURSOR}`)],
        ['after a closing brace', TASK(`thường xuyên } ${CURSOR}`)],
    ])('a space %s opens nothing', async (_, plan) => {
        const completed = await complete(FILES(plan), ' ');
        expect(completed.labels).toEqual([]);
    });

    test('a dot after a namespace offers its declarations; after anything else nothing', async () => {
        const completed = await complete(FILES(TASK(`chủ trì DongNai.${CURSOR}`)), '.');
        expect(completed.labels).toEqual(['DongNai.CA_TINH', 'DongNai.STP']);
        expect(typedFor(completed, completed.items[0])).toBe('DongNai.');
        expect((await complete(FILES(TASK(`chủ trì STP.${CURSOR}`)), '.')).labels).toEqual([]);
        expect((await complete(FILES(PLAN(`    chỉ tiêu A "Tỷ lệ" đạt 1.${CURSOR}`)), '.')).labels).toEqual([]);
    });
});

describe('templates', () => {
    const contexts: Record<string, (text: string) => string> = {
        element: text => text,
        member: text => `kế hoạch KH "x" {\n${text}\n}\n`,
    };

    test.each(SNIPPETS.map(s => [s.keywords[0], s] as const))('the `%s` template, filled with its defaults, parses without errors', async (_, snippet) => {
        expect(snippet.body).toMatch(/\$\{1[:|]/);
        expect(snippet.body).toContain('$0');
        const text = contexts[snippet.place](expandSnippet(snippet.body));
        const loaded = await load(text);
        const errors = [...loaded.main.parseResult.lexerErrors, ...loaded.main.parseResult.parserErrors].map(e => e.message);
        expect(errors).toEqual([]);
        expect(text).not.toMatch(/\$/);
    });

    test('in a plan body: task, request, target and report templates, found without diacritics', async () => {
        const completed = await complete(FILES(PLAN(`    nhiem${CURSOR}`)));
        const snippet = completed.items.find(i => i.kind === CompletionItemKind.Snippet);
        expect(completed.labels).toEqual(['nhiệm vụ', 'nhiệm vụ …']);
        expect(snippet?.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(editOf(snippet!).newText).toMatch(/^nhiệm vụ \$\{1:/);
        expect(typedFor(completed, snippet!)).toBe('nhiem');
        expectClientKeeps(completed);
        const all = await complete(FILES(PLAN(`    ${CURSOR}`)));
        expect(all.items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort())
            .toEqual(['báo cáo …', 'chỉ tiêu …', 'nhiệm vụ …', 'đề nghị …']);
        // By the English keyword too.
        expect((await complete(FILES(PLAN(`    targ${CURSOR}`)))).labels).toEqual(['target', 'chỉ tiêu …']);
    });

    test('at the top level: plan, agency and document templates, and no task', async () => {
        const all = await complete(FILES(`phạm vi VinhPhuc\n${CURSOR}`));
        expect(all.items.filter(i => i.kind === CompletionItemKind.Snippet).map(i => i.label).sort())
            .toEqual(['cơ quan …', 'kế hoạch …', 'văn bản …']);
        const typed = await complete(FILES(`phạm vi VinhPhuc\nke hoach${CURSOR}`));
        expect(typed.labels).toContain('kế hoạch …');
        expect(typed.labels).not.toContain('nhiệm vụ …');
    });

    test('after a section heading (`giao` follows) no task template, and none on a space', async () => {
        const heading = await complete(FILES(PLAN(`    phần "2" "Sở Tư pháp:" ${CURSOR}`)));
        expect(heading.labels).toContain('giao');
        expect(heading.items.some(i => i.kind === CompletionItemKind.Snippet)).toBe(false);
        const space = await complete(FILES(PLAN(`    nhiệm vụ "a" { chủ trì STP }\n    ${CURSOR}`)), ' ');
        expect(space.labels).toEqual([]);
    });
});

describe('never throws', () => {
    const broken = [
        '',
        'chủ trì',
        'kế hoạch',
        'phạm vi',
        'phạm vi X\ncơ quan',
        'kế hoạch KH "x" { nhiệm vụ "a" { chủ trì DongNai. } }',
        'kế hoạch KH "x" { nhiệm vụ "a" { chủ trì , , phối hợp . } ',
        'văn bản V quyết định { nơi nhận như , "a" ( ',
        '"chưa đóng chủ trì so tu',
        '/* chưa đóng chủ trì',
        'kế hoạch KH "x" {' + ' [1.] {'.repeat(70) + ' chủ trì ',
        'chủ trì so tu phap - 634/QĐ-TTg. DongNai.Ninh.CA_TINH ,',
        'kế hoạch KH "x" {\n nhiệm vụ "a" {\n  chủ trì Sở Tư\u0301 pha\u0301p\n',
    ];

    test.each(broken.map(text => [JSON.stringify(text).slice(0, 60), text]))('at every offset of %s', async (_, text) => {
        const loaded = await load({ 'main.plan': text, 'registry.plan': REGISTRY });
        const document = loaded.main;
        // Every offset of the short ones; the deep one (slow to parse at any depth) at a stride.
        const step = text.length > 200 ? 11 : 1;
        for (let offset = 0; offset <= text.length; offset += step) {
            const position = document.textDocument.positionAt(offset);
            for (const trigger of [undefined, ' ', '.']) {
                const list = await services.lsp.CompletionProvider!.getCompletion(document, {
                    textDocument: { uri: document.uri.toString() },
                    position,
                    context: trigger ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter: trigger } : undefined,
                });
                expect(Array.isArray(list?.items)).toBe(true);
            }
        }
    });

    test('at many offsets of the examples', async () => {
        const loaded = await load({ [CA_MAU_PLAN]: exampleFiles[CA_MAU_PLAN], ...exampleFiles });
        const document = loaded.main;
        const text = document.textDocument.getText();
        let offered = 0;
        for (let offset = 0; offset <= text.length; offset += 97) {
            const list = await services.lsp.CompletionProvider!.getCompletion(document, {
                textDocument: { uri: document.uri.toString() },
                position: document.textDocument.positionAt(offset),
            });
            expect(Array.isArray(list?.items)).toBe(true);
            offered += list!.items.length;
        }
        expect(offered).toBeGreaterThan(0);
    });
});
