/**
 * What the extension computes and says without VS Code, kept apart from the modules that import
 * `vscode` so that it can be tested with vitest. Messages are bilingual, Vietnamese first, like
 * the language server's.
 */

/** The language id and the source the server gives its diagnostics. */
export const LANGUAGE_ID = 'planspec';

/** A rule id as the docs name their pages: lower-case words joined by hyphens (never a path). */
export const RULE_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** The rule id carried by a diagnostic's code (a string, or `{ value, target }` in VS Code). */
export function ruleIdOf(code: unknown): string | undefined {
    const value = code && typeof code === 'object' && 'value' in code ? (code as { value: unknown }).value : code;
    return typeof value === 'string' && RULE_ID.test(value) ? value : undefined;
}

export interface Counts {
    errors: number;
    warnings: number;
}

/** Error and warning counts of the diagnostics that come from planspec (severity as in VS Code: 0 error, 1 warning). */
export function countDiagnostics(entries: ReadonlyArray<readonly [unknown, ReadonlyArray<{ source?: string; severity: number }>]>): Counts {
    const counts: Counts = { errors: 0, warnings: 0 };
    for (const [, diagnostics] of entries) {
        for (const d of diagnostics) {
            if (d.source !== LANGUAGE_ID) continue;
            if (d.severity === 0) counts.errors++;
            else if (d.severity === 1) counts.warnings++;
        }
    }
    return counts;
}

/** The status bar text: codicons for error and warning, as VS Code's own problems item. */
export function statusText(counts: Counts): string {
    return `$(error) ${counts.errors} $(warning) ${counts.warnings}`;
}

export function statusTooltip(counts: Counts): string {
    return `planspec: ${counts.errors} lỗi, ${counts.warnings} cảnh báo — bấm để mở Problems / ${counts.errors} errors, ${counts.warnings} warnings — click to open Problems`;
}

export function checkedMessage(result: { files: number; errors: number; warnings: number; infos: number }): string {
    return `planspec: đã kiểm tra ${result.files} tệp: ${result.errors} lỗi, ${result.warnings} cảnh báo, ${result.infos} thông tin / `
        + `checked ${result.files} files: ${result.errors} errors, ${result.warnings} warnings, ${result.infos} infos`;
}

export function notCompiledMessage(errors: ReadonlyArray<{ message: string }>, where: string): string {
    const first = errors[0] ? ` ${where}: ${errors[0].message}` : '';
    return `planspec: không biên dịch vì có ${errors.length} lỗi / not compiled: ${errors.length} errors.${first}`;
}

export function compiledMessage(files: readonly string[]): string {
    return `planspec: đã ghi / written ${files.join(', ')}`;
}

export function docTitle(id: string): string {
    return `Xem tài liệu quy tắc ${id} / Show documentation for rule ${id}`;
}

/**
 * The folder `planspec.compile.outputFolder` names, as path segments to join to `base` (the
 * workspace folder, or the plan's folder outside any), or as an absolute path; undefined when the
 * setting is empty: beside the plan.
 */
export function outputFolderOf(setting: unknown): { absolute: string } | { relative: string[] } | undefined {
    if (typeof setting !== 'string' || setting.trim() === '') {
        return undefined;
    }
    const value = setting.trim();
    if (value.startsWith('/') || /^[A-Za-z]:[\\/]/.test(value) || value.startsWith('\\\\')) {
        return { absolute: value };
    }
    return { relative: value.split(/[\\/]+/).filter(s => s !== '' && s !== '.') };
}

/** The name of a temporary file beside `name`, written then renamed over it (never a half-written file). */
export function temporaryName(name: string, random: string): string {
    return `.${name.slice(0, 100)}.${random}.tmp`;
}
