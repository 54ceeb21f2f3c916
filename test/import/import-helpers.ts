import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { expect } from 'vitest';
import type { ImportResult } from '../../src/import/index.js';
import { importText } from '../../src/import/index.js';
import type { Loaded } from '../helpers.js';
import { expectNoSyntaxErrors, load } from '../helpers.js';

/** A small provincial registry, as a workspace folder on disk (the importer loads workspaces from disk). */
export const REGISTRY = `phạm vi DongNai "Tỉnh Đồng Nai"
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Đồng Nai" viết tắt "UBND tỉnh", "Ủy ban nhân dân tỉnh"
cơ quan CA_TINH "Công an tỉnh Đồng Nai" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan SO_TC "Sở Tài chính tỉnh Đồng Nai" viết tắt "Sở Tài chính" thuộc UBND_TINH
cơ quan SO_NV "Sở Nội vụ tỉnh Đồng Nai" viết tắt "Sở Nội vụ" thuộc UBND_TINH
cơ quan MTTQ_TINH "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Đồng Nai" viết tắt "Ủy ban MTTQ tỉnh" độc lập
cơ quan VKS_TINH "Viện kiểm sát nhân dân tỉnh Đồng Nai" viết tắt "Viện Kiểm sát nhân dân tỉnh" độc lập
cơ quan CUC_HQ "Cục Hải quan tỉnh Đồng Nai" viết tắt "Cục Hải quan" độc lập
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH
nhóm UBND_HUYEN "Ủy ban nhân dân các huyện, thành phố" viết tắt "UBND các huyện, thành phố" thuộc UBND_TINH
văn bản QD_634 quyết định số "634/QĐ-TTg" ngày 13/5/2020 "phê duyệt Chương trình"
`;

let workspace: string | undefined;

/** The registry above as a marked workspace folder, created once per test file. */
export function registryFolder(): string {
    if (!workspace) {
        workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-import-'));
        fs.writeFileSync(path.join(workspace, 'planspec.config.json'), '{}');
        fs.writeFileSync(path.join(workspace, 'co-quan.plan'), REGISTRY);
    }
    return workspace;
}

export async function importSnippet(text: string, withRegistry = true): Promise<ImportResult> {
    return importText(text, { workspace: withRegistry ? registryFolder() : undefined, sourceName: 'snippet.txt' });
}

/** The draft loaded with the registry and its additions: no syntax error in any of them. */
export async function loadDraft(result: ImportResult, extra: Record<string, string> = {}): Promise<Loaded> {
    const files: Record<string, string> = { 'draft.plan': result.plan, 'co-quan.plan': REGISTRY, ...extra };
    if (result.registry) {
        files['draft.registry.plan'] = result.registry;
    }
    const loaded = await load(files);
    expectNoSyntaxErrors(loaded);
    return loaded;
}

/** References the linker could not resolve, in the draft (reported by the unresolved-reference rule). */
export function unresolved(loaded: Loaded): string[] {
    return loaded.diagnostics.filter(d => d.code === 'unresolved-reference').map(d => d.message);
}

/** The draft's lines without indentation or trailing comments, for comparing content. */
export function clauses(plan: string): string[] {
    return plan.split('\n').map(l => l.replace(/\s+\/\/.*$/, '').trim()).filter(l => l !== '' && !l.startsWith('//'));
}

export function expectLine(plan: string, line: string): void {
    expect(clauses(plan)).toContain(line);
}

/** The clauses of the task whose text begins with `start` (its block, up to the closing brace). */
export function taskBlock(plan: string, start: string): string[] {
    const lines = clauses(plan);
    const at = lines.findIndex(l => /^(\[[^\]]*\] )?(nhiệm vụ|giao|đề nghị) "/u.test(l) && l.includes(`"${start}`));
    expect(at, `a task beginning "${start}"`).toBeGreaterThanOrEqual(0);
    const block = [lines[at]];
    if (lines[at].endsWith('{')) {
        for (let i = at + 1, depth = 1; i < lines.length && depth > 0; i++) {
            depth += (lines[i].endsWith('{') ? 1 : 0) - (lines[i] === '}' ? 1 : 0);
            block.push(lines[i]);
        }
    }
    return block;
}
