import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, DocumentState, EmptyFileSystemProvider, URI } from 'langium';
import { describe, expect, test } from 'vitest';
import { allRulesSettings } from '../../src/config/config.js';
import type { Model } from '../../src/language/generated/ast.js';
import { isDocument, isPlan } from '../../src/language/generated/ast.js';
import type { PlanspecServices } from '../../src/language/planspec-module.js';
import { createPlanspecServices } from '../../src/language/planspec-module.js';
import { undeclaredGroupUses } from '../../src/semantics/authority.js';
import { declarationsNumbered, earlierDeclaration } from '../../src/semantics/documents.js';
import { knownNames } from '../../src/semantics/names.js';
import { workspaceParties } from '../../src/semantics/parties.js';

/**
 * The workspace indexes are updated from per-document parts, not rebuilt, on an edit. Whatever the
 * edits, their answers (and every finding of every file) must equal those of a fresh build of the
 * final texts.
 */

/** Files in memory that DocumentBuilder.update reads again, as the editor's text documents. */
class MemoryFileSystem extends EmptyFileSystemProvider {
    readonly files = new Map<string, string>();
    // The base class declares no parameter (it reads nothing).
    override async readFile(...args: unknown[]): Promise<string> {
        const uri = args[0] as URI;
        const text = this.files.get(uri.toString());
        if (text === undefined) {
            throw new Error(`no file ${uri.toString()}`);
        }
        return text;
    }
}

interface Workspace {
    services: PlanspecServices;
    fs: MemoryFileSystem;
}

const uriOf = (name: string) => URI.parse(`file:///ws/${name}`);

async function open(files: Record<string, string>): Promise<Workspace> {
    const fs = new MemoryFileSystem();
    const { Planspec: services } = createPlanspecServices({ fileSystemProvider: () => fs });
    services.config.ConfigProvider.useFixedSettings(allRulesSettings());
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        fs.files.set(uriOf(name).toString(), text);
        const document = services.shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
        services.shared.workspace.LangiumDocuments.addDocument(document);
        documents.push(document);
    }
    await services.shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services, fs };
}

/** Changes (or, with undefined, deletes) files as the editor does, through DocumentBuilder.update. */
async function edit(ws: Workspace, changes: Record<string, string | undefined>): Promise<void> {
    const changed: URI[] = [];
    const deleted: URI[] = [];
    for (const [name, text] of Object.entries(changes)) {
        if (text === undefined) {
            ws.fs.files.delete(uriOf(name).toString());
            deleted.push(uriOf(name));
        } else {
            ws.fs.files.set(uriOf(name).toString(), text);
            changed.push(uriOf(name));
        }
    }
    await ws.services.shared.workspace.DocumentBuilder.update(changed, deleted);
}

function texts(ws: Workspace): Record<string, string> {
    return Object.fromEntries([...ws.fs.files].map(([uri, text]) => [uri.replace('file:///ws/', ''), text]));
}

const label = (node: { name?: string; $type: string } | undefined) => node ? `${node.$type}:${node.name ?? '?'}` : '-';

/** What the four indexes answer, and every finding, in a form independent of AST identity and load order. */
function answers(ws: Workspace): unknown {
    const services = ws.services;
    const documents = services.shared.workspace.LangiumDocuments.all.toArray()
        .sort((a, b) => a.uri.toString().localeCompare(b.uri.toString())) as Array<LangiumDocument<Model>>;
    const any = documents[0];
    const names = knownNames(services, any);
    const parties = workspaceParties(services, any);
    const uses = undeclaredGroupUses(services, any);
    // Nodes of an AST that a reparse replaced: an index that kept them answers with the same names but stale nodes.
    const stale = (node: AstNode) => {
        const root = AstUtils.findRootNode(node);
        return services.shared.workspace.LangiumDocuments.getDocument(AstUtils.getDocument(node).uri)?.parseResult.value !== root;
    };
    const nodes: AstNode[] = [
        ...[...names.byFirst.values()].flat().map(n => n.node),
        ...[...parties.byName.values()].flat().map(d => d.party),
        ...parties.parentsOfAgencies,
        ...[...parties.groupsContaining].flatMap(([party, groups]) => [party, ...groups]),
        ...[...uses].flatMap(([group, list]) => [group, ...list.map(u => u.node)]),
    ];
    const declarations = documents.flatMap(d => d.parseResult.value.elements.filter(e => isDocument(e) || isPlan(e)));
    return {
        stale: nodes.filter(stale).map(n => label(n as never)),
        names: [...names.byFirst].flatMap(([first, list]) => list.map(n => `${first}|${n.namespace ?? ''}|${n.text}|${label(n.node)}`)).sort(),
        keys: [...names.keys].sort(),
        pairs: [...names.pairs].sort(),
        byName: [...parties.byName].map(([key, list]) => `${key} → ${list.map(d => d.qualifiedName).sort().join(', ')}`).sort(),
        parents: [...parties.parentsOfAgencies].map(label).sort(),
        groupsContaining: [...parties.groupsContaining].map(([party, groups]) => `${label(party)} ∈ ${groups.map(label).join(', ')}`).sort(),
        uses: [...uses].map(([group, list]) => `${label(group)}: ${list.map(u => `${label(u.node)}/${u.reference.$refText}`).join(', ')}`).sort(),
        earlier: declarations.map(d => `${label(d)} ← ${label(earlierDeclaration(services, d)?.node)}`).sort(),
        numbered: ['182/QĐ-UBND', '73/2021/QH14', '15/KH-UBND'].map(n => `${n}: ${declarationsNumbered(services, any.parseResult.value, n).map(label).join(', ')}`),
        findings: documents.map(d => ({
            uri: d.uri.toString(),
            findings: (d.diagnostics ?? []).map(x => `${x.range.start.line}:${x.range.start.character} ${String(x.code)} ${typeof x.message === 'string' ? x.message : x.message.value}`).sort(),
        })),
    };
}

function withoutFindings(answered: unknown): unknown {
    return { ...(answered as Record<string, unknown>), findings: undefined };
}

async function fresh(files: Record<string, string>): Promise<unknown> {
    return answers(await open(files));
}

const REGISTRY = `phạm vi DongNai "Tỉnh Đồng Nai"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Đồng Nai" viết tắt "UBND tỉnh"
cơ quan CA_TINH "Công an tỉnh Đồng Nai" thuộc UBND_TINH
cơ quan SO_NV "Sở Nội vụ tỉnh Đồng Nai" thuộc UBND_TINH
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH gồm CA_TINH, SO_NV
nhóm DOAN_THE "Các đoàn thể chính trị - xã hội tỉnh"
văn bản LUAT_PCMT luật số "73/2021/QH14" ngày 30/3/2021 "Luật Phòng, chống ma túy"
`;

const PLAN = `phạm vi DongNai "Tỉnh Đồng Nai"
văn bản QD_182 quyết định số "182/QĐ-UBND" ngày 16/6/2025 của UBND_TINH "Ban hành Kế hoạch phòng, chống ma túy năm 2025"
kế hoạch KH_PCMT "Phòng, chống ma túy năm 2025" {
    của UBND_TINH  ban hành kèm theo QD_182
    căn cứ LUAT_PCMT
    "Công an tỉnh Đồng Nai phối hợp với Ủy ban nhân dân tỉnh Đồng Nai và Ủy ban nhân tỉnh Đồng Nai theo Luật Phòng, chống ma túy."
    phần "I" "NHIỆM VỤ" {
        nhiệm vụ NV1 "Tuyên truyền." { chủ trì DOAN_THE  phối hợp CA_TINH  hạn cuối năm 2025 }
        nhiệm vụ NV2 "Rà soát." { chủ trì SO_NGANH  hạn cuối năm 2025 }
    }
}
`;

const OTHER = `phạm vi DongNai "Tỉnh Đồng Nai"
văn bản QD_182_BAN_SAO quyết định số "182/QĐ-UBND" ngày 16/6/2025 của UBND_TINH "Ban hành Kế hoạch phòng, chống ma túy năm 2025"
kế hoạch KH_KHAC "Kế hoạch khác" {
    số "15/KH-UBND"  ngày 20/6/2025  của UBND_TINH
    căn cứ QD_182_BAN_SAO
    phần "I" "NHIỆM VỤ" {
        nhiệm vụ NV1 "Kiểm tra." { chủ trì CA_TINH  hạn cuối năm 2025 }
    }
}
`;

const FILES = { 'co-quan.plan': REGISTRY, 'kh.plan': PLAN, 'kh2.plan': OTHER };

describe('workspace indexes updated, not rebuilt', () => {
    test('the fixture exercises every index', async () => {
        const ws = await open(FILES);
        const a = answers(ws) as Record<string, string[]>;
        expect(a.names.some(n => n.includes('Công an tỉnh Đồng Nai'))).toBe(true);
        expect(a.parents).toContain('Agency:UBND_TINH');
        expect(a.uses).toEqual(['Group:DOAN_THE: Task:NV1/DOAN_THE']);
        expect(a.earlier).toContain('Document:QD_182_BAN_SAO ← Document:QD_182');
        const findings = (a as unknown as { findings: Array<{ findings: string[] }> }).findings.flatMap(f => f.findings);
        expect(findings.some(f => f.includes('authority-unknown'))).toBe(true);
        expect(findings.some(f => f.includes('misspelled-name'))).toBe(true);
    });

    test('renaming a body in the registry (typed decomposed, NFD) answers as a fresh build', async () => {
        const ws = await open(FILES);
        const renamed = REGISTRY.replace('"Công an tỉnh Đồng Nai"', '"Công an nhân dân tỉnh Đồng Nai"').normalize('NFD');
        await edit(ws, { 'co-quan.plan': renamed });
        const after = answers(ws) as Record<string, string[]>;
        expect(after).toEqual(await fresh(texts(ws)));
        // Names are compared after NFC: the decomposed registry answers as the composed one.
        expect(after.names.some(n => n.includes('Công an nhân dân tỉnh Đồng Nai'.normalize('NFC')))).toBe(true);
        expect(after.names.some(n => n.includes('|Công an tỉnh Đồng Nai|'))).toBe(false);
        expect(after.byName).toEqual((await fresh({ ...FILES, 'co-quan.plan': renamed.normalize('NFC') }) as Record<string, string[]>).byName);
        // And back.
        await edit(ws, { 'co-quan.plan': REGISTRY });
        expect(answers(ws)).toEqual(await fresh(FILES));
    });

    test('removing and adding back a document number answers as a fresh build', async () => {
        const ws = await open(FILES);
        const unnumbered = PLAN.replace('số "182/QĐ-UBND" ', '');
        await edit(ws, { 'kh.plan': unnumbered });
        const after = answers(ws) as Record<string, string[]>;
        // The findings of kh2.plan, which does not refer to kh.plan, are not re-checked (see the report of r12-server).
        expect(withoutFindings(after)).toEqual(withoutFindings(await fresh(texts(ws))));
        expect(after.earlier).toContain('Document:QD_182_BAN_SAO ← -');
        await edit(ws, { 'kh.plan': PLAN.normalize('NFD') });
        expect(answers(ws)).toEqual(await fresh(texts(ws)));
        expect((answers(ws) as Record<string, string[]>).earlier).toContain('Document:QD_182_BAN_SAO ← Document:QD_182');
    });

    test('a group given members in the registry is no longer of unknown authority in the unedited plan', async () => {
        const ws = await open(FILES);
        await edit(ws, { 'co-quan.plan': REGISTRY.replace('"Các đoàn thể chính trị - xã hội tỉnh"', '"Các đoàn thể chính trị - xã hội tỉnh" gồm CA_TINH') });
        const after = answers(ws) as Record<string, string[]>;
        expect(after.uses).toEqual([]);
        expect(after).toEqual(await fresh(texts(ws)));
    });

    test('a group given a parent in a second registry, which the plan does not refer to, is no longer of unknown authority', async () => {
        const files = {
            'co-quan.plan': REGISTRY.replace('nhóm DOAN_THE "Các đoàn thể chính trị - xã hội tỉnh"\n', 'nhóm KHOI "Khối thi đua các đoàn thể" gồm DOAN_THE\n'),
            'doan-the.plan': 'phạm vi DongNai "Tỉnh Đồng Nai"\nnhóm DOAN_THE "Các đoàn thể chính trị - xã hội tỉnh"\n',
            'kh.plan': PLAN.replace('chủ trì DOAN_THE', 'chủ trì KHOI'),
        };
        const ws = await open(files);
        expect((answers(ws) as Record<string, string[]>).uses).toEqual(['Group:DOAN_THE: Task:NV1/KHOI']);
        await edit(ws, { 'doan-the.plan': files['doan-the.plan'].replace('tỉnh"', 'tỉnh" thuộc UBND_TINH') });
        const after = answers(ws) as Record<string, string[]>;
        expect(after.uses).toEqual([]);
        expect(after).toEqual(await fresh(texts(ws)));
    });

    test('a plan that directs the group in one more task, then a deleted plan, answer as a fresh build', async () => {
        const ws = await open(FILES);
        await edit(ws, { 'kh2.plan': OTHER.replace('chủ trì CA_TINH', 'chủ trì DOAN_THE') });
        let after = answers(ws) as Record<string, string[]>;
        expect(after.uses).toEqual(['Group:DOAN_THE: Task:NV1/DOAN_THE, Task:NV1/DOAN_THE']);
        expect(after).toEqual(await fresh(texts(ws)));
        await edit(ws, { 'kh2.plan': undefined });
        after = answers(ws) as Record<string, string[]>;
        expect(after.uses).toEqual(['Group:DOAN_THE: Task:NV1/DOAN_THE']);
        expect(after).toEqual(await fresh(texts(ws)));
    });

    test('an edit of a plan reuses the unedited files\' parts', async () => {
        const ws = await open(FILES);
        const registry = ws.services.shared.workspace.LangiumDocuments.getDocument(uriOf('co-quan.plan'))!;
        const before = knownNames(ws.services, registry).byFirst.get('công')!.find(n => n.text === 'Công an tỉnh Đồng Nai')!;
        await edit(ws, { 'kh.plan': PLAN.replace('Tuyên truyền.', 'Tuyên truyền rộng rãi.') });
        const after = knownNames(ws.services, registry).byFirst.get('công')!.find(n => n.text === 'Công an tỉnh Đồng Nai')!;
        // The same object: the registry's part was kept, not read again.
        expect(after).toBe(before);
        await edit(ws, { 'co-quan.plan': REGISTRY + '\n' });
        expect(knownNames(ws.services, registry).byFirst.get('công')!.find(n => n.text === 'Công an tỉnh Đồng Nai')).not.toBe(before);
    });
});

describe('which documents an edit relinks', () => {
    /** The documents relinked (so checked again) by an edit of `changed`. */
    async function relinkedBy(ws: Workspace, changed: string): Promise<string[]> {
        const relinked: string[] = [];
        const listening = ws.services.shared.workspace.DocumentBuilder.onDocumentPhase(DocumentState.Linked, document => {
            relinked.push(document.uri.path.split('/').pop()!);
        });
        try {
            await edit(ws, { [changed]: `${texts(ws)[changed]}// sửa\n` });
        } finally {
            listening.dispose();
        }
        return relinked.sort();
    }

    test('a plan with an unresolved reference, on every edit; a plan whose references all resolve, only when affected', async () => {
        const ws = await open({
            'registry.plan': 'phạm vi VinhPhuc\ncơ quan STP "Sở Tư pháp"\n',
            'resolved.plan': 'phạm vi VinhPhuc\nkế hoạch KH1 "Kế hoạch" {\n    nhiệm vụ NV1 "Tuyên truyền" { chủ trì STP }\n}\n',
            'unresolved.plan': 'phạm vi VinhPhuc\nkế hoạch KH2 "Kế hoạch" {\n    nhiệm vụ NV1 "Tuyên truyền" { chủ trì SO_KHONG_CO }\n}\n',
            'other.plan': 'phạm vi VinhPhuc\nkế hoạch KH3 "Kế hoạch khác" { }\n',
        });
        // Asked twice of the same lists: the remembered answer is still the scanned one.
        expect(await relinkedBy(ws, 'other.plan')).toEqual(['other.plan', 'unresolved.plan']);
        expect(await relinkedBy(ws, 'other.plan')).toEqual(['other.plan', 'unresolved.plan']);
        expect(await relinkedBy(ws, 'registry.plan')).toEqual(['registry.plan', 'resolved.plan', 'unresolved.plan']);
    });
});
