import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils } from 'langium';
import type { Model } from '../language/generated/ast.js';
import type { PlanspecServices } from '../language/planspec-module.js';
import { allRules } from './index.js';
import type { Finding, RuleVisitors } from './rule.js';
import { ruleDocUrl } from './rule.js';

/**
 * Runs every enabled rule over a document in one walk of its AST, with the severities and options
 * that the configuration gives for that file.
 */
export class RuleRunner {

    constructor(protected readonly services: PlanspecServices) { }

    run(model: Model, accept: ValidationAcceptor): void {
        const document = AstUtils.getDocument(model);
        const settings = this.services.config.ConfigProvider.getRuleSettings(document.uri);
        const visitors: Array<RuleVisitors> = [];
        for (const rule of allRules) {
            const setting = settings.get(rule.meta.id);
            if (!setting || setting.severity === 'off') {
                continue;
            }
            const severity = setting.severity;
            const id = rule.meta.id;
            visitors.push(rule.create({
                options: setting.options,
                document: document as LangiumDocument,
                services: this.services,
                report: <N extends AstNode>(finding: Finding<N>) => accept(severity, finding.message, {
                    node: finding.node,
                    property: finding.property,
                    index: finding.index,
                    range: finding.range,
                    code: id,
                    codeDescription: { href: ruleDocUrl(id) },
                }),
            }));
        }
        for (const node of AstUtils.streamAst(model)) {
            for (const visitor of visitors) {
                visitor['*']?.(node);
                const visit = (visitor as Record<string, ((n: AstNode) => void) | undefined>)[node.$type];
                visit?.(node);
            }
        }
    }
}
