import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils, isReference } from 'langium';
import type { DocumentLinkProvider } from 'langium/lsp';
import type { DocumentLink, DocumentLinkParams, Range } from 'vscode-languageserver';
import type { Citable } from '../language/generated/ast.js';
import { isDocument, isPlan } from '../language/generated/ast.js';
import { StringMap } from '../language/string-map.js';
import { findRule } from '../linter/registry.js';
import { ruleDocUrl } from '../linter/rule.js';
import { parseDirectives } from '../linter/suppressions.js';
import { citationsOf } from '../semantics/citations.js';
import { citableLabel } from '../semantics/targets.js';
import type { IdeServices } from './services.js';
import { propertyNode } from '../language/cst-property.js';

/**
 * Links in a plan:
 * - a reference to a document (`căn cứ QD_634`, `trích dẫn LUAT_PCMT`, `ban hành kèm theo QD_182`) and
 *   a number-symbol in prose that resolves to a declared document ("Quyết định số 634/QĐ-TTg") open
 *   the document's declaration, at its id;
 * - a rule id in a suppression comment (`// planspec-disable-next-line multiple-leads -- …`) opens
 *   the rule's doc page (`ruleDocUrl`, which follows PLANSPEC_DOCS_URL). Unknown ids are not linked:
 *   `invalid-suppression` reports them.
 */
export class PlanspecDocumentLinkProvider implements DocumentLinkProvider {

    constructor(protected readonly services: IdeServices) { }

    getDocumentLinks(document: LangiumDocument, _params: DocumentLinkParams): DocumentLink[] {
        const root = document.parseResult?.value;
        if (!root) {
            return [];
        }
        const links: DocumentLink[] = [];
        for (const node of AstUtils.streamAst(root)) {
            this.referenceLinks(node, links);
            this.citationLinks(document, node, links);
        }
        links.push(...this.suppressionLinks(document));
        return links;
    }

    protected referenceLinks(node: AstNode, links: DocumentLink[]): void {
        for (const { reference } of AstUtils.streamReferences(node)) {
            if (!isReference(reference)) {
                continue;
            }
            const target = reference.ref;
            const range = reference.$refNode?.range;
            if (range && (isDocument(target) || isPlan(target))) {
                const link = this.linkTo(target, range);
                if (link) {
                    links.push(link);
                }
            }
        }
    }

    /** Number-symbols recognised in the node's own prose; explicit `trích dẫn` citations are references. */
    protected citationLinks(document: LangiumDocument, node: AstNode, links: DocumentLink[]): void {
        const maps = new Map<string, StringMap | undefined>();
        for (const citation of citationsOf(this.services, node)) {
            // An ambiguous number-symbol (several declared documents fit) is not linked to a guess.
            if (!citation.found || !citation.document || citation.candidates.length > 1 || citation.start === undefined || citation.end === undefined) {
                continue;
            }
            if (!maps.has(citation.property)) {
                maps.set(citation.property, StringMap.of(document, node, citation.property));
            }
            const range = maps.get(citation.property)?.range(citation.start, citation.end);
            const link = range ? this.linkTo(citation.document, range) : undefined;
            if (link) {
                links.push(link);
            }
        }
    }

    protected linkTo(target: Citable, range: Range): DocumentLink | undefined {
        const targetDocument = AstUtils.findRootNode(target).$document;
        const at = propertyNode(target.$cstNode, 'name')?.range.start ?? target.$cstNode?.range.start;
        if (!targetDocument || !at) {
            return undefined;
        }
        // "#L12,5": the line and column editors open a file link at (VS Code's convention).
        const uri = `${targetDocument.uri.with({ fragment: '' }).toString()}#L${at.line + 1},${at.character + 1}`;
        return {
            range,
            target: uri,
            tooltip: `${citableLabel(target)}: mở nơi khai báo / open its declaration (${target.name})`,
        };
    }

    protected suppressionLinks(document: LangiumDocument): DocumentLink[] {
        const text = document.textDocument;
        const links: DocumentLink[] = [];
        for (const directive of parseDirectives(document)) {
            const start = text.offsetAt(directive.range.start);
            const comment = text.getText(directive.range);
            for (const { id, offset } of ruleIdsIn(comment)) {
                const rule = findRule(id);
                if (!rule) {
                    continue;
                }
                links.push({
                    range: { start: text.positionAt(start + offset), end: text.positionAt(start + offset + id.length) },
                    target: ruleDocUrl(id),
                    tooltip: `${rule.meta.description} (${id}): mở tài liệu của quy tắc / open the rule's documentation`,
                });
            }
        }
        return links;
    }
}

/**
 * The rule ids written in a suppression comment and where (offsets into the comment), as
 * suppressions.ts reads them: after `planspec-disable…`/`planspec-enable`, up to the `--` reason.
 */
export function ruleIdsIn(comment: string): Array<{ id: string; offset: number }> {
    const directive = /planspec-(?:disable-next-line|disable|enable)(?=\s|\*|$)/.exec(comment);
    if (!directive) {
        return [];
    }
    const from = directive.index + directive[0].length;
    const reason = comment.indexOf('--', from);
    const end = reason >= 0 ? reason : comment.endsWith('*/') ? comment.length - 2 : comment.length;
    const result: Array<{ id: string; offset: number }> = [];
    const ids = /[^\s,]+/g;
    const part = comment.slice(from, end);
    for (let m = ids.exec(part); m; m = ids.exec(part)) {
        result.push({ id: m[0], offset: from + m.index });
    }
    return result;
}
