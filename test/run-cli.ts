import { runCli } from '../src/cli/main.js';

/** Runs the CLI in-process with `args`, capturing what it writes: its exit status, stdout and stderr. */
export async function run(...args: string[]): Promise<{ status: number; out: string; err: string }> {
    let out = '';
    let err = '';
    const status = await runCli(args, { out: t => { out += t; }, err: t => { err += t; } });
    return { status, out, err };
}
