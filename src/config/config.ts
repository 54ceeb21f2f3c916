import type { URI } from 'langium';
import { allRules } from '../rules/index.js';
import type { Severity } from '../rules/rule.js';

export interface RuleSetting {
    severity: Severity;
    options: Record<string, unknown>;
}

/** The effective settings of every rule for one file. */
export type ResolvedRuleSettings = ReadonlyMap<string, RuleSetting>;

export function defaultRuleSettings(): Map<string, RuleSetting> {
    return new Map(allRules.map(rule => [rule.meta.id, {
        severity: rule.meta.defaultSeverity,
        options: { ...rule.meta.defaultOptions },
    }]));
}

/** Supplies rule settings per file; the file-based configuration replaces the defaults. */
export class PlanspecConfigProvider {
    protected readonly defaults = defaultRuleSettings();

    getRuleSettings(_uri: URI): ResolvedRuleSettings {
        return this.defaults;
    }
}
