import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

let cached: string | undefined;

/**
 * The folder of the installed planspec package (the one holding docs/rules/ and schemas/): the
 * nearest folder above this module whose package.json is named planspec. Walking up, rather than a
 * fixed `../..`, finds it both from out/workspace/ (CLI, tests) and from dist/ (the extension's
 * bundle, one level deep).
 */
export function packageRoot(): string {
    if (cached === undefined) {
        cached = findPackageRoot(path.dirname(fileURLToPath(import.meta.url)));
    }
    return cached;
}

/** The nearest folder from `start` upwards with a package.json named planspec; `start` itself when none. */
export function findPackageRoot(start: string): string {
    for (let dir = start; ;) {
        if (isPlanspecPackage(path.join(dir, 'package.json'))) {
            return dir;
        }
        const parent = path.dirname(dir);
        if (parent === dir) {
            return start;
        }
        dir = parent;
    }
}

function isPlanspecPackage(file: string): boolean {
    try {
        return (JSON.parse(fs.readFileSync(file, 'utf8')) as { name?: unknown }).name === 'planspec';
    } catch {
        return false;
    }
}

/** The version in planspec's package.json. */
export function packageVersion(): string {
    const pkg = JSON.parse(fs.readFileSync(path.join(packageRoot(), 'package.json'), 'utf8')) as { version: string };
    return pkg.version;
}
