import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ConfigError, loadConfigFile, recommendedSettings, strictSettings } from '../src/config/config.js';
import { allRules } from '../src/linter/registry.js';
import { run } from './run-cli.js';

const FIXTURES = 'test/fixtures/config';

function problems(dir: string) {
    try {
        loadConfigFile(path.join(FIXTURES, dir, 'planspec.config.json'));
    } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        return (error as ConfigError).problems;
    }
    throw new Error('expected a ConfigError');
}

describe('configuration files', () => {
    test('malformed JSON is reported at its place', () => {
        const [problem] = problems('broken-json');
        expect(problem.file).toMatch(/broken-json\/planspec\.config\.json$/);
        expect(problem.line).toBe(4);
        expect(problem.message).toMatch(/invalid JSON/);
    });

    test('an unknown rule is reported at its key', () => {
        expect(problems('unknown-rule')).toEqual([
            expect.objectContaining({ line: 5, column: 5, message: expect.stringContaining("unknown rule) 'no-such-rule'") }),
        ]);
    });

    test('a bad option is reported at the option', () => {
        const [problem] = problems('bad-option');
        expect(problem.line).toBe(3);
        expect(problem.message).toMatch(/strictness/);
    });

    test('extends chains presets and files; rules override what they extend', () => {
        const settings = loadConfigFile(path.join(FIXTURES, 'tuned', 'planspec.config.json'));
        expect(settings.get('missing-lead')?.severity).toBe('warning');
        expect(settings.get('rate-out-of-range')?.severity).toBe('off');
        expect(settings.get('unresolved-reference')?.severity).toBe('error');
    });

    test('recommended leaves out the rules not marked recommended; strict turns every rule on, warnings as errors', () => {
        const recommended = recommendedSettings();
        const strict = strictSettings();
        for (const rule of allRules) {
            expect(recommended.get(rule.meta.id)?.severity).toBe(rule.meta.recommended ? rule.meta.defaultSeverity : 'off');
            expect(strict.get(rule.meta.id)?.severity).toBe(rule.meta.defaultSeverity === 'warning' ? 'error' : rule.meta.defaultSeverity);
        }
        expect(loadConfigFile(path.join(FIXTURES, 'strict', 'planspec.config.json'))).toEqual(strict);
    });
});

describe('configuration in the CLI', () => {
    test('a broken configuration gives a clear error with file and place, and exit status 2', async () => {
        const result = await run('check', path.join(FIXTURES, 'unknown-rule'));
        expect(result.status).toBe(2);
        expect(result.out).toBe('');
        expect(result.err).toContain('test/fixtures/config/unknown-rule/planspec.config.json:5:5 error');
        expect(result.err).toContain('no-such-rule');
    });

    test('the nearest configuration applies: missing-lead as a warning passes the check', async () => {
        const result = await run('check', path.join(FIXTURES, 'tuned'));
        expect(result.status).toBe(0);
        expect(result.out).toMatch(/warning .*\[missing-lead\]/);
        expect(result.out).not.toContain('rate-out-of-range');
    });

    test('--config replaces the nearest configuration; --rule overrides a severity', async () => {
        const withConfig = await run('check', path.join(FIXTURES, 'unknown-rule'), '--config', path.join(FIXTURES, 'tuned', 'planspec.config.json'));
        expect(withConfig.status).toBe(0);
        const withRule = await run('check', path.join(FIXTURES, 'tuned'), '--rule', 'missing-lead=error', '--rule', 'rate-out-of-range=off');
        expect(withRule.status).toBe(1);
        expect((await run('check', path.join(FIXTURES, 'tuned'), '--rule', 'nope=error')).status).toBe(2);
        expect((await run('check', path.join(FIXTURES, 'tuned'), '--rule', 'missing-lead=loud')).status).toBe(2);
    });

    test('--max-warnings and --quiet', async () => {
        expect((await run('check', path.join(FIXTURES, 'tuned'), '--max-warnings', '0')).status).toBe(1);
        expect((await run('check', path.join(FIXTURES, 'tuned'), '--max-warnings', '5')).status).toBe(0);
        const quiet = await run('check', path.join(FIXTURES, 'tuned'), '--quiet');
        expect(quiet.out).toBe('');
    });
});
