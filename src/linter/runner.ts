import type { AstNode, LangiumDocument, ValidationAcceptor } from 'langium';
import { AstUtils, Cancellation, interruptAndCheck } from 'langium';
import type { DiagnosticRelatedInformation, Range } from 'vscode-languageserver';
import { propertyNode } from '../language/cst-property.js';
import type { Model } from '../language/generated/ast.js';
import type { SyntaxDamage } from '../language/syntax-errors.js';
import { isDamaged, syntaxDamage } from '../language/syntax-errors.js';
import type { PlanspecConfigProvider } from '../config/config.js';
import { allRules, findRule } from './registry.js';
import type { Finding, FindingData, Fix, RelatedPlace, RuleServices, RuleVisitors, Severity } from './rule.js';
import { ruleDocUrl } from './rule.js';
import { timeRule } from './profile.js';
import { allContents } from '../semantics/contents.js';
import type { Directive } from './suppressions.js';
import { parseDirectives, suppressing } from './suppressions.js';
import * as suppressionFixes from './support/suppression-fixes.js';

interface Collected {
    ruleId: string;
    severity: Exclude<Severity, 'off'>;
    message: string;
    node: AstNode;
    range: Range | undefined;
    related?: RelatedPlace[];
    fixes?: Fix[];
    /** A rule's own failure: never hidden as a consequence of a syntax error. */
    internal?: boolean;
}

/**
 * Runs every enabled rule over a document in one walk of its AST, with the severities and options
 * that the configuration gives for that file, then applies the inline suppressions.
 */
export class RuleRunner {

    constructor(protected readonly services: RuleServices & { config: { ConfigProvider: PlanspecConfigProvider } }) { }

    /**
     * Rejects with Langium's OperationCancelled, having accepted nothing, when `cancelToken` is
     * cancelled (a newer edit arrived): the walk yields to the event loop every few milliseconds
     * (`interruptAndCheck`), so requests are answered and a stale run stops between nodes.
     */
    async run(model: Model, accept: ValidationAcceptor, cancelToken: Cancellation.CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const document = AstUtils.getDocument(model) as LangiumDocument;
        const settings = this.services.config.ConfigProvider.getRuleSettings(document.uri);
        const collected: Collected[] = [];
        const visitors: Array<{ ruleId: string; visitor: RuleVisitors }> = [];
        for (const rule of allRules) {
            const setting = settings.get(rule.meta.id);
            if (!setting || setting.severity === 'off') {
                continue;
            }
            const severity = setting.severity;
            const ruleId = rule.meta.id;
            visitors.push({ ruleId, visitor: timeRule(ruleId, () => rule.create({
                options: setting.options,
                document,
                services: this.services,
                report: <N extends AstNode>(finding: Finding<N>) => collected.push({
                    ruleId, severity, message: finding.message, node: finding.node, range: rangeOf(finding as unknown as Finding),
                    related: finding.related, fixes: fixesOf(finding.fixes, ruleId, document),
                }),
            })) });
        }
        // A rule that throws (on input no test foresaw) is switched off for this document and
        // reported, so one faulty rule cannot take every other finding away from the drafter.
        const failed = new Set<number>();
        // The callbacks for each node type, in rule order ('*' before the type's own, as a rule
        // would call them): one lookup per node instead of two per rule.
        const byType = new Map<string, Array<{ index: number; call: (node: AstNode) => void }>>();
        const callbacksFor = (type: string) => {
            let callbacks = byType.get(type);
            if (!callbacks) {
                callbacks = [];
                visitors.forEach(({ visitor }, index) => {
                    const star = visitor['*'];
                    const own = (visitor as Record<string, ((n: AstNode) => void) | undefined>)[type];
                    // A rule with one callback for the type is called directly: a call less per node.
                    if (star && own) {
                        callbacks!.push({ index, call: node => { star(node); own(node); } });
                    } else if (star || own) {
                        callbacks!.push({ index, call: (star ?? own)! });
                    }
                });
                byType.set(type, callbacks);
            }
            return callbacks;
        };
        const interruptible = cancelToken !== Cancellation.CancellationToken.None;
        let visited = 0;
        // The nodes as the rules read them (allContents): one walk of the plan for the runner and the rules.
        const nodes = allContents(model);
        for (let k = -1; k < nodes.length; k++) {
            const node = k < 0 ? model : nodes[k];
            // Awaiting costs a turn of the event loop per node; a run nobody can cancel (the CLI) never waits.
            if (interruptible && (visited++ & 63) === 0) {
                await interruptAndCheck(cancelToken);
            }
            // Indexed, and the set of failed rules read only once one has failed: this runs for each
            // rule at each node, and an iterator here is an allocation per node.
            const callbacks = callbacksFor(node.$type);
            for (let c = 0; c < callbacks.length; c++) {
                const { index, call } = callbacks[c];
                if (failed.size > 0 && failed.has(index)) {
                    continue;
                }
                try {
                    call(node);
                } catch (error) {
                    const ruleId = visitors[index].ruleId;
                    failed.add(index);
                    console.error(`planspec: rule ${ruleId} failed on ${document.uri.toString()}:`, error);
                    // An error, so that the check fails: the file's findings are incomplete.
                    collected.push({
                        ruleId, severity: 'error', node, range: node.$cstNode?.range, internal: true,
                        message: `Quy tắc ${ruleId} gặp lỗi nội bộ nên đã dừng trên tệp này; kết quả kiểm tra chưa đầy đủ / Internal error in rule ${ruleId}, skipped for this file; its findings are incomplete: ${error instanceof Error ? error.message : String(error)}`,
                    });
                }
            }
        }

        await interruptAndCheck(cancelToken);
        const directives = parseDirectives(document);
        const damage = syntaxDamage(model);
        for (const finding of collected) {
            if (damage && isConsequence(damage, document, finding)) {
                continue;
            }
            const line = finding.range?.start.line ?? finding.node.$cstNode?.range.start.line ?? 0;
            const directive = suppressing(directives, finding.ruleId, line);
            if (directive) {
                directive.used.add(finding.ruleId);
                continue;
            }
            emit(accept, finding);
        }
        for (const finding of this.checkDirectives(directives, model, settings)) {
            emit(accept, finding);
        }
    }

    /** The findings of invalid-suppression and unused-suppression, which cannot themselves be suppressed. */
    protected checkDirectives(directives: Directive[], model: Model, settings: ReadonlyMap<string, { severity: Severity }>): Collected[] {
        const result: Collected[] = [];
        const document = AstUtils.getDocument(model);
        const add = (ruleId: string, range: Range, message: string, fixes?: () => Fix[] | undefined) => {
            const severity = settings.get(ruleId)?.severity ?? 'off';
            if (severity !== 'off') {
                result.push({ ruleId, severity, message, node: model, range, fixes: fixesOf(fixes, ruleId, document) });
            }
        };
        for (const d of directives) {
            if (d.kind !== 'enable' && d.ruleIds.length === 0) {
                add('invalid-suppression', d.range, 'Ghi rõ quy tắc cần tắt: planspec-' + d.kind + ' <quy-tắc> -- <lý do> / Name the rules to suppress');
                continue;
            }
            if (d.kind !== 'enable' && d.reason === undefined) {
                add('invalid-suppression', d.range, 'Thiếu lý do sau "--" / A suppression needs a reason after "--"');
            }
            for (const id of d.ruleIds) {
                if (!findRule(id)) {
                    add('invalid-suppression', d.range, `Không có quy tắc '${id}' / There is no rule '${id}'`, () => suppressionFixes.unknownRule(document, d, id));
                } else if (d.kind !== 'enable' && !d.used.has(id)) {
                    add('unused-suppression', d.range, `Chú thích tắt '${id}' không tắt phát hiện nào; hãy xóa nó / This suppression of '${id}' suppresses nothing; remove it`,
                        () => suppressionFixes.unused(document, d, id));
                }
            }
            if (d.kind === 'enable' && !d.used.has('*')) {
                add('invalid-suppression', d.range, 'planspec-enable không có planspec-disable tương ứng ở trên / planspec-enable without a matching planspec-disable above',
                    () => suppressionFixes.unmatchedEnable(document, d));
            }
        }
        return result;
    }
}

/**
 * One typo, one finding: what a rule finds where the parser could not read the text as written is a
 * consequence of the syntax error reported there (a task whose `chủ trì` was misspelled has no lead;
 * the words of a string left open read as ids), and so is a reference to an id written only in that
 * text (its declaration was lost). Findings elsewhere in the file stay.
 */
function isConsequence(damage: SyntaxDamage, document: LangiumDocument, finding: Collected): boolean {
    if (finding.internal) {
        return false;
    }
    if (isDamaged(damage, finding.node)) {
        return true;
    }
    const range = finding.range ?? finding.node.$cstNode?.range;
    if (!range) {
        return false;
    }
    const text = document.textDocument;
    const from = text.offsetAt(range.start);
    const to = text.offsetAt(range.end);
    // A finding's start inside what could not be read (an empty range at its very end, too, where a missing `}` is).
    if (damage.regions.some(r => from >= r.from && (from < r.to || from === to && from === r.to))) {
        return true;
    }
    if (finding.ruleId === 'unresolved-reference') {
        const written = text.getText(range).trim().normalize('NFC');
        const last = written.split('.').pop() ?? written;
        return damage.names.has(written) || damage.names.has(last);
    }
    return false;
}

/** A finding's fixes; a fix that cannot be computed (input no test foresaw) costs the fix, never the finding. */
function fixesOf(fixes: Finding['fixes'], ruleId: string, document: LangiumDocument): Fix[] | undefined {
    if (typeof fixes !== 'function') {
        return fixes;
    }
    try {
        return fixes();
    } catch (error) {
        console.error(`planspec: the quick fix of rule ${ruleId} failed on ${document.uri.toString()}:`, error);
        return undefined;
    }
}

function rangeOf(finding: Finding): Range | undefined {
    if (finding.range) {
        return finding.range;
    }
    if (finding.property) {
        return propertyNode(finding.node.$cstNode, finding.property as string, finding.index)?.range;
    }
    return finding.node.$cstNode?.range;
}

function emit(accept: ValidationAcceptor, finding: Collected): void {
    const data: FindingData | undefined = finding.fixes && finding.fixes.length > 0 ? { fixes: finding.fixes } : undefined;
    accept(finding.severity, finding.message, {
        node: finding.node,
        range: finding.range,
        code: finding.ruleId,
        codeDescription: { href: ruleDocUrl(finding.ruleId) },
        relatedInformation: relatedInformation(finding.related, AstUtils.findRootNode(finding.node).$document),
        data,
    });
}

/** Related places as LSP related information; places whose node has no document or text are left out. */
function relatedInformation(related: RelatedPlace[] | undefined, own?: LangiumDocument): DiagnosticRelatedInformation[] | undefined {
    if (!related || related.length === 0) {
        return undefined;
    }
    const result: DiagnosticRelatedInformation[] = [];
    for (const place of related) {
        const document = place.node ? AstUtils.findRootNode(place.node).$document : own;
        const range = place.range ?? place.node?.$cstNode?.range;
        if (document && range) {
            result.push({ location: { uri: document.uri.toString(), range }, message: place.message });
        }
    }
    return result.length > 0 ? result : undefined;
}
