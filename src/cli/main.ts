import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import type { LoadedWorkspace, Shard } from '../workspace/load.js';
import { listShards, runServices, shownPath, shownProblems, UsageError } from '../workspace/load.js';
import { CONFIG_FILE } from '../workspace/roots.js';
import type { ConfigOverrides } from '../config/config.js';
import { ConfigError } from '../config/config.js';
import type { Severity } from '../linter/rule.js';
import { allRules } from '../linter/registry.js';
import { timePhase } from '../linter/profile.js';
import { byPlace, formatLine, formatSummary } from './findings.js';
import { formatJson } from './formatters/json.js';
import { formatSarif } from './formatters/sarif.js';
import { formatStylish } from './formatters/stylish.js';
import { describe, writeFileAtomic } from './write.js';
import { importCommand } from './import.js';
import type { CheckResult } from './cache.js';
import { checkWithCache } from './cache.js';
import { packageVersion } from '../workspace/package-root.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { defaultJobs, runInWorkers, WorkerError } from './parallel.js';
import type { CheckedShard, CompiledShard, StagedPlan } from './shard.js';
import { checkShard, collectGarbage, compileShard, realPath } from './shard.js';

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
    return packageVersion();
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
        .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif']).default('stylish'))
        .option('-c, --config <file>', 'use this configuration file for every plan instead of the nearest planspec.config.json')
        .option('--rule <id=severity>', 'override a rule\'s severity (off, info, warning, error); repeatable', collectRule, {})
        .option('--max-warnings <n>', 'exit with status 1 when there are more warnings than this', parseCount)
        .option('-q, --quiet', 'report errors only')
        .option('--cache', 're-check only the files that changed since the last --cache run (their content, what they depend on, or their configuration)')
        .option('--cache-location <path>', 'the cache file, or a folder for it (default: ./.planspeccache)')
        .option('-j, --jobs <n>', jobsHelp('check'), parseJobs)
        .action(async (paths: string[], options: CheckOptions) => {
            status = await check(paths, options, io);
        });

    program.command('rules')
        .description('Liệt kê các quy tắc / List the rule catalog')
        .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
        .action((options: { format: 'text' | 'json' }) => {
            io.out(listRules(options.format));
        });

    program.command('compile')
        .description('Biên dịch kế hoạch sang JSON / Compile plans to JSON')
        .argument('<paths...>', '.plan files or folders')
        .option('-o, --out <file>', 'write the JSON of one plan to this file')
        .option('--out-dir <dir>', 'write one <plan-id>.json per plan into this folder')
        .option('-j, --jobs <n>', jobsHelp('compile'), parseJobs)
        .action(async (paths: string[], options: CompileOptions) => {
            status = await compile(paths, options, io);
        });

    program.command('import')
        .description('Nhập một kế hoạch từ văn bản (Word/text) thành bản nháp .plan / Import a plan from its text into a .plan draft')
        .argument('<file>', 'the plan as text (.txt), or - for stdin')
        .option('-o, --out <file>', 'write the draft here, and the registry additions beside it as <name>.registry.plan (without -o: the draft to stdout, additions and review notes to stderr)')
        .option('--workspace <dir>', 'resolve bodies and documents against this workspace\'s registry, in its namespace (default: the workspace of -o, if marked)')
        .action(async (file: string, options: { out?: string; workspace?: string }) => {
            status = await importCommand(file, options, io);
        });

    try {
        await program.parseAsync(argv, { from: 'user' });
    } catch (error) {
        if (error instanceof CommanderError) {
            // --help and --version end with exit code 0; usage mistakes with 1, which planspec reports as 2.
            return error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
        }
        if (error instanceof UsageError || error instanceof WorkerError) {
            io.err(`planspec: ${error.message}\n`);
            return EXIT_USAGE;
        }
        if (typeof (error as NodeJS.ErrnoException)?.code === 'string' && typeof (error as NodeJS.ErrnoException).syscall === 'string') {
            // A file-system problem no check above foresaw: one line, no stack trace.
            const e = error as NodeJS.ErrnoException;
            io.err(`planspec: ${e.path ? shownPath(e.path) + ': ' : ''}${describe(e)}\n`);
            return EXIT_USAGE;
        }
        if (error instanceof ConfigError) {
            for (const p of error.problems) {
                io.err(`${path.relative(process.cwd(), p.file) || p.file}:${p.line}:${p.column} error ${p.message} [config]\n`);
            }
            io.err('planspec: cấu hình không hợp lệ (invalid configuration)\n');
            return EXIT_USAGE;
        }
        throw error;
    }
    return status;
}

interface CheckOptions {
    format: 'stylish' | 'json' | 'sarif';
    config?: string;
    rule: Record<string, Severity>;
    maxWarnings?: number;
    quiet?: boolean;
    cache?: boolean;
    cacheLocation?: string;
    jobs?: number;
}

interface CompileOptions {
    out?: string;
    outDir?: string;
    jobs?: number;
}

async function check(paths: string[], options: CheckOptions, io: Io): Promise<number> {
    if (options.config && !fs.existsSync(options.config)) {
        throw new UsageError(`${options.config}: không tìm thấy tệp cấu hình (no such configuration file)`);
    }
    const overrides = { configFile: options.config, rules: options.rule };
    const loaded = options.cache
        ? await checkWithCache(paths, overrides, options.cacheLocation, io.err, options.jobs ?? defaultJobs())
        : await checkEachWorkspace(paths, overrides, options.jobs ?? defaultJobs());
    const all = loaded.findings;
    const errors = all.filter(f => f.severity === 'error').length;
    const warnings = all.filter(f => f.severity === 'warning').length;
    const shown = options.quiet ? all.filter(f => f.severity === 'error') : all;
    switch (options.format) {
        case 'json': io.out(formatJson(shown)); break;
        case 'sarif': io.out(formatSarif(shown, version())); break;
        default: io.out(formatStylish(shown));
    }
    const status = checkStatus(loaded, options, errors, warnings, io);
    // Always, also on a clean run, so that a pipeline's log shows the check ran and on what; the
    // counts are of every finding, also those --quiet leaves out.
    io.err(formatSummary(loaded.requested, all));
    return status;
}

/**
 * The findings of a check, workspace by workspace: in this process, each released before the next is
 * read, or, with more than one job and workspace, spread over worker threads.
 */
async function checkEachWorkspace(paths: string[], overrides: ConfigOverrides, jobs: number): Promise<CheckResult> {
    const { shards, problems } = listShards(paths, overrides);
    const checked = jobs > 1 && shards.length > 1
        ? await runInWorkers<CheckedShard>(shards.map(shard => ({ kind: 'check', shard })), jobs, overrides)
        : await eachInProcess(shards, overrides, (services, shard) => checkShard(services, shard));
    return {
        findings: checked.flatMap(c => c.findings).sort(byPlace),
        requested: checked.reduce((sum, c) => sum + c.requested, 0),
        problems: shownProblems(problems, checked.flatMap(c => c.unread)),
    };
}

/** Runs `task` on each workspace in turn, in this process, with one set of services. */
async function eachInProcess<R>(shards: Shard[], overrides: ConfigOverrides, task: (services: PlanspecServices, shard: Shard, index: number, done: R[]) => Promise<R>): Promise<R[]> {
    if (shards.length === 0) {
        return [];
    }
    const services = runServices(overrides);
    const done: R[] = [];
    for (const [index, shard] of shards.entries()) {
        if (index > 0) {
            collectGarbage();
        }
        done.push(await task(services, shard, index, done));
    }
    return done;
}

function checkStatus(loaded: CheckResult, options: CheckOptions, errors: number, warnings: number, io: Io): number {
    if (reportProblems(loaded, io)) {
        return EXIT_USAGE;
    }
    if (errors > 0) {
        return EXIT_FINDINGS;
    }
    if (options.maxWarnings !== undefined && warnings > options.maxWarnings) {
        io.err(`planspec: ${warnings} cảnh báo, vượt --max-warnings ${options.maxWarnings} (too many warnings)\n`);
        return EXIT_FINDINGS;
    }
    return EXIT_OK;
}

/** Prints the file-system problems met while loading; true when there were any. */
function reportProblems(loaded: Pick<LoadedWorkspace, 'problems'>, io: Io): boolean {
    for (const problem of loaded.problems) {
        io.err(`planspec: ${problem.path}: ${problem.message}\n`);
    }
    return loaded.problems.length > 0;
}

function collectRule(value: string, previous: Record<string, Severity>): Record<string, Severity> {
    const match = /^([a-z0-9-]+)=(off|info|warning|error)$/.exec(value.trim());
    if (!match) {
        throw new InvalidArgumentError('expected <rule-id>=<off|info|warning|error>, e.g. multiple-leads=off');
    }
    if (!allRules.some(r => r.meta.id === match[1])) {
        throw new InvalidArgumentError(`unknown rule '${match[1]}' (see \`planspec rules\`)`);
    }
    return { ...previous, [match[1]]: match[2] as Severity };
}

function jobsHelp(verb: string): string {
    return `${verb} this many workspaces at a time, each in a worker thread (default: one per core, here ${defaultJobs()}; 1: one after the other in this process)`;
}

function parseJobs(value: string): number {
    if (!/^\d+$/.test(value) || Number(value) < 1) {
        throw new InvalidArgumentError('expected a whole number, 1 or more');
    }
    return Number(value);
}

function parseCount(value: string): number {
    if (!/^\d+$/.test(value)) {
        throw new InvalidArgumentError('expected a whole number');
    }
    return Number(value);
}

function listRules(format: 'text' | 'json'): string {
    if (format === 'json') {
        return JSON.stringify(allRules.map(r => ({
            id: r.meta.id, category: r.meta.category, defaultSeverity: r.meta.defaultSeverity,
            recommended: r.meta.recommended, description: r.meta.description, options: r.meta.optionsSchema,
        })), null, 2) + '\n';
    }
    const width = Math.max(...allRules.map(r => r.meta.id.length));
    const lines = allRules.map(r => `${r.meta.id.padEnd(width)}  ${r.meta.category.padEnd(14)}  ${r.meta.defaultSeverity.padEnd(7)}  ${r.meta.recommended ? '✓' : ' '}  ${r.meta.description}`);
    return [`${'rule'.padEnd(width)}  ${'category'.padEnd(14)}  ${'default'.padEnd(7)}  rec  description`, ...lines].join('\n') + '\n';
}

async function compile(paths: string[], options: CompileOptions, io: Io): Promise<number> {
    if (options.out && options.outDir) {
        throw new UsageError('-o/--out và --out-dir không dùng cùng nhau (use either -o or --out-dir)');
    }
    // Each plan's JSON goes to a staging folder as soon as it is compiled, workspace by workspace, so
    // memory holds one workspace and one plan; nothing reaches its target before the whole run is
    // known to be sound (no error anywhere, ids unique, targets allowed).
    const staging = fs.mkdtempSync(path.join(os.tmpdir(), 'planspec-compile-'));
    try {
        return await compileStaged(paths, options, io, staging);
    } finally {
        fs.rmSync(staging, { recursive: true, force: true });
    }
}

async function compileStaged(paths: string[], options: CompileOptions, io: Io, staging: string): Promise<number> {
    const { shards, problems: listing } = listShards(paths, {});
    const jobs = options.jobs ?? defaultJobs();
    const compiled = jobs > 1 && shards.length > 1
        ? await runInWorkers<CompiledShard>(shards.map((shard, i) => ({ kind: 'compile', shard, staging, prefix: String(i) })), jobs, {})
        // Once a workspace has errors, those after it are read only for theirs.
        : await eachInProcess<CompiledShard>(shards, {}, (services, shard, i, done) =>
            compileShard(services, shard, staging, String(i), done.every(c => c.errors.length === 0)));
    const errors = compiled.flatMap(c => c.errors);
    const plans = compiled.flatMap(c => c.plans);
    const problems = shownProblems(listing, compiled.flatMap(c => c.unread));
    // Never write over a source: a plan, a registry, a configuration file.
    const protectedFiles = new Set(compiled.flatMap(c => c.protectedFiles));
    errors.sort(byPlace);
    const hasProblems = reportProblems({ problems }, io);
    if (errors.length > 0) {
        errors.forEach(f => io.err(formatLine(f) + '\n'));
        io.err(`planspec: không biên dịch vì có ${errors.length} lỗi (not compiled: ${errors.length} errors)\n`);
        return hasProblems ? EXIT_USAGE : EXIT_FINDINGS;
    }
    // In the order of one load of everything: by file path, then within the file.
    plans.sort((a, b) => (a.source < b.source ? -1 : a.source > b.source ? 1 : a.index - b.index));
    if (plans.length === 0) {
        throw new UsageError('không có kế hoạch nào để biên dịch (no plan in the given files)');
    }
    const read = (plan: StagedPlan) => fs.readFileSync(plan.staged, 'utf8');
    const checkTarget = (file: string, shown: string) => {
        if (protectedFiles.has(realPath(path.resolve(file))) || path.basename(file) === CONFIG_FILE) {
            throw new UsageError(`${shown}: là tệp nguồn hoặc tệp cấu hình, không ghi đè (is a source, registry or configuration file; not overwritten)`);
        }
    };
    if (options.outDir) {
        const ids = new Set<string>();
        for (const plan of plans) {
            if (ids.has(plan.id)) {
                throw new UsageError(`hai kế hoạch cùng mã '${plan.id}' (two plans with id '${plan.id}')`);
            }
            ids.add(plan.id);
        }
        const existing = statOrUndefined(options.outDir);
        if (existing && !existing.isDirectory()) {
            throw new UsageError(`${options.outDir}: không phải thư mục (is not a folder)`);
        }
        try {
            fs.mkdirSync(options.outDir, { recursive: true });
        } catch (error) {
            throw new UsageError(`${options.outDir}: không tạo được thư mục (cannot create the folder): ${describe(error)}`);
        }
        const targets = plans.map(plan => {
            const file = path.join(options.outDir!, `${plan.id}.json`);
            checkTarget(file, file);
            return { plan, file };
        });
        for (const { plan, file } of targets) {
            timePhase('writing', () => writeFileAtomic(file, read(plan), file));
        }
    } else if (options.out) {
        if (plans.length > 1) {
            throw new UsageError(`-o nhận đúng một kế hoạch, có ${plans.length} (-o takes exactly one plan; use --out-dir)`);
        }
        checkTarget(options.out, options.out);
        writeFileAtomic(options.out, read(plans[0]), options.out);
    } else if (plans.length === 1) {
        io.out(read(plans[0]));
    } else {
        // Written at the end, a plan at a time: a consumer never reads half a plan. The text is that
        // of serializePlans(all plans): each plan's two-space JSON indented one level in the array.
        io.out('[\n');
        plans.forEach((plan, i) => {
            io.out(`${i > 0 ? ',\n' : ''}  ${read(plan).replace(/\n$/u, '').replace(/\n/gu, '\n  ')}`);
        });
        io.out('\n]\n');
    }
    return hasProblems ? EXIT_USAGE : EXIT_OK;
}

function statOrUndefined(file: string): fs.Stats | undefined {
    try {
        return fs.statSync(file);
    } catch {
        return undefined;
    }
}


