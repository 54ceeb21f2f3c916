import type { Rule } from '../linter/rule.js';

export const CONFIG_SCHEMA_ID = 'urn:planspec:schema:config:1.0';
export const PRESETS = ['planspec:recommended', 'planspec:strict'] as const;

const SEVERITY = { enum: ['off', 'info', 'warning', 'error'] };

/**
 * The JSON Schema of planspec.config.json, generated from the rule registry so that every rule id
 * and every rule's options are known to editors (schemas/planspec.config.schema.json).
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function renderConfigSchema(rules: ReadonlyArray<Rule<any>>): Record<string, unknown> {
    const ruleProperties: Record<string, unknown> = {};
    for (const rule of rules) {
        ruleProperties[rule.meta.id] = {
            description: `${rule.meta.description} (default: ${rule.meta.defaultSeverity})`,
            oneOf: [
                SEVERITY,
                {
                    type: 'array',
                    prefixItems: [SEVERITY, rule.meta.optionsSchema],
                    minItems: 1,
                    maxItems: 2,
                    items: false,
                },
            ],
        };
    }
    return {
        $schema: 'https://json-schema.org/draft/2020-12/schema',
        $id: CONFIG_SCHEMA_ID,
        title: 'planspec.config.json',
        description: 'Configuration of planspec for the plans in this folder and below: which rules run, at which severity, with which options.',
        type: 'object',
        additionalProperties: false,
        properties: {
            $schema: { type: 'string' },
            extends: {
                description: 'Presets (planspec:recommended, planspec:strict) or paths of other configuration files, relative to this one; later entries override earlier ones, and `rules` overrides them all.',
                oneOf: [
                    { $ref: '#/$defs/extendsEntry' },
                    { type: 'array', items: { $ref: '#/$defs/extendsEntry' } },
                ],
            },
            rules: {
                description: 'Per-rule severity ("off", "info", "warning", "error"), or [severity, options].',
                type: 'object',
                additionalProperties: false,
                properties: ruleProperties,
            },
        },
        $defs: {
            extendsEntry: {
                anyOf: [
                    { enum: [...PRESETS] },
                    { type: 'string', pattern: '^(?!planspec:).+\\.json$' },
                ],
            },
        },
    };
}
