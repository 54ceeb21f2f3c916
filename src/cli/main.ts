import * as fs from 'node:fs';
import * as path from 'node:path';
import { Command, CommanderError } from 'commander';
import type { LangiumDocument } from 'langium';
import { compilePlan } from '../compiler/compile.js';
import type { PlanJson } from '../compiler/plan-json.js';
import type { Model } from '../language/generated/ast.js';
import { isPlan } from '../language/generated/ast.js';
import { loadWorkspace, UsageError } from '../workspace/load.js';
import { findWorkspaceRoot } from '../workspace/roots.js';
import { collectFindings, formatLine } from './findings.js';
import { writeFileAtomic } from './write.js';

export const EXIT_OK = 0;
export const EXIT_FINDINGS = 1;
export const EXIT_USAGE = 2;

export interface Io {
    out: (text: string) => void;
    err: (text: string) => void;
}

const defaultIo: Io = {
    out: text => process.stdout.write(text),
    err: text => process.stderr.write(text),
};

function version(): string {
    const pkg = JSON.parse(fs.readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
    return pkg.version;
}

/** Runs the CLI with `argv` (without node and script) and resolves to the exit status. */
export async function runCli(argv: string[], io: Io = defaultIo): Promise<number> {
    let status = EXIT_OK;
    const program = new Command()
        .name('planspec')
        .description('Kiểm tra và biên dịch kế hoạch (.plan) / Check and compile implementation plans')
        .version(version(), '-v, --version')
        .exitOverride()
        .configureOutput({ writeOut: io.out, writeErr: io.err });

    program.command('check')
        .description('Phân tích, liên kết và kiểm tra / Parse, link and validate plans')
        .argument('<paths...>', '.plan files or folders')
        .action(async (paths: string[]) => {
            status = await check(paths, io);
        });

    program.command('compile')
        .description('Biên dịch kế hoạch sang JSON / Compile plans to JSON')
        .argument('<paths...>', '.plan files or folders')
        .option('-o, --out <file>', 'write the JSON of one plan to this file')
        .option('--out-dir <dir>', 'write one <plan-id>.json per plan into this folder')
        .action(async (paths: string[], options: { out?: string; outDir?: string }) => {
            status = await compile(paths, options, io);
        });

    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end with exit code 0; usage mistakes with 1, which planspec reports as 2.
            return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        }
        if (error instanceof UsageError) {
            io.err(`planspec: ${error.message}\n`);
            return EXIT_USAGE;
        }
        throw error;
    }
    return status;
}

async function check(paths: string[], io: Io): Promise<number> {
    const { requested } = await loadWorkspace(paths);
    const findings = collectFindings(requested);
    for (const finding of findings) {
        io.out(formatLine(finding) + '\n');
    }
    const errors = findings.filter(f => f.severity === 'error').length;
    const warnings = findings.filter(f => f.severity === 'warning').length;
    if (findings.length > 0) {
        io.err(`${errors} lỗi (errors), ${warnings} cảnh báo (warnings), ${findings.length - errors - warnings} thông tin (info)\n`);
    }
    return errors > 0 ? EXIT_FINDINGS : EXIT_OK;
}

async function compile(paths: string[], options: { out?: string; outDir?: string }, io: Io): Promise<number> {
    if (options.out && options.outDir) {
        throw new UsageError('-o/--out và --out-dir không dùng cùng nhau (use either -o or --out-dir)');
    }
    const { requested } = await loadWorkspace(paths);
    const findings = collectFindings(requested);
    const errors = findings.filter(f => f.severity === 'error');
    if (errors.length > 0) {
        errors.forEach(f => io.err(formatLine(f) + '\n'));
        io.err(`planspec: không biên dịch vì có ${errors.length} lỗi (not compiled: ${errors.length} errors)\n`);
        return EXIT_FINDINGS;
    }
    const plans = requested.flatMap(document => compileDocument(document));
    if (plans.length === 0) {
        throw new UsageError('không có kế hoạch nào để biên dịch (no plan in the given files)');
    }
    if (options.outDir) {
        const ids = new Set<string>();
        for (const plan of plans) {
            if (ids.has(plan.id)) {
                throw new UsageError(`hai kế hoạch cùng mã '${plan.id}' (two plans with id '${plan.id}')`);
            }
            ids.add(plan.id);
        }
        fs.mkdirSync(options.outDir, { recursive: true });
        for (const plan of plans) {
            writeFileAtomic(path.join(options.outDir, `${plan.id}.json`), serialize(plan));
        }
    } else if (options.out) {
        if (plans.length > 1) {
            throw new UsageError(`-o nhận đúng một kế hoạch, có ${plans.length} (-o takes exactly one plan; use --out-dir)`);
        }
        writeFileAtomic(options.out, serialize(plans[0]));
    } else {
        io.out(serialize(plans.length === 1 ? plans[0] : plans));
    }
    return EXIT_OK;
}

function compileDocument(document: LangiumDocument): PlanJson[] {
    const model = document.parseResult.value as Model;
    const root = findWorkspaceRoot(document.uri.fsPath);
    return model.elements.filter(isPlan).map(plan => compilePlan(plan, root));
}

function serialize(value: unknown): string {
    return JSON.stringify(value, null, 2) + '\n';
}
