import * as fs from 'node:fs';
import * as path from 'node:path';
import type { LangiumDocument } from 'langium';
import { URI } from 'langium';
import { NodeFileSystem } from 'langium/node';
import type { ConfigOverrides } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { findWorkspaceRoot, listPlanFiles } from './roots.js';

/** A problem with the command line or the file system, as opposed to a finding in a plan. */
export class UsageError extends Error { }

export interface LoadedWorkspace {
    services: PlanspecServices;
    /** The documents the user named (directly or through a folder), in path order. */
    requested: LangiumDocument[];
}

/**
 * Loads the named files and folders together with every `.plan` file of their workspaces, so that
 * references resolve exactly as they do in the editor, then parses, links and validates them.
 */
export async function loadWorkspace(paths: string[], overrides: ConfigOverrides = {}): Promise<LoadedWorkspace> {
    const requestedFiles = new Set<string>();
    for (const p of paths) {
        const full = path.resolve(p);
        let stat: fs.Stats;
        try {
            stat = fs.statSync(full);
        } catch {
            throw new UsageError(`${p}: không tìm thấy tệp hoặc thư mục (no such file or folder)`);
        }
        const files = stat.isDirectory() ? listPlanFiles(full) : [full];
        if (stat.isDirectory() && files.length === 0) {
            throw new UsageError(`${p}: thư mục không có tệp .plan nào (no .plan files in this folder)`);
        }
        files.forEach(f => requestedFiles.add(f));
    }
    const allFiles = new Set<string>(requestedFiles);
    for (const root of new Set([...requestedFiles].map(findWorkspaceRoot))) {
        listPlanFiles(root).forEach(f => allFiles.add(f));
    }

    const services = createPlanspecServices(NodeFileSystem).Planspec;
    const config = services.config.ConfigProvider;
    config.setOverrides(overrides);
    // A broken configuration stops the run (exit status 2) before any plan is checked with it.
    for (const file of requestedFiles) {
        const settings = config.tryGetRuleSettings(URI.file(file));
        if (settings instanceof ConfigError) {
            throw settings;
        }
    }
    const documents = services.shared.workspace.LangiumDocuments;
    const loaded: LangiumDocument[] = [];
    for (const file of [...allFiles].sort()) {
        try {
            loaded.push(await documents.getOrCreateDocument(URI.file(file)));
        } catch (error) {
            throw new UsageError(`${file}: không đọc được tệp (cannot read file): ${(error as Error).message}`);
        }
    }
    await services.shared.workspace.DocumentBuilder.build(loaded, { validation: true });
    const requested = [...requestedFiles].sort().map(f => documents.getDocument(URI.file(f))!);
    return { services, requested };
}
