import type { AstNode, LangiumDocument } from 'langium';
import { AstUtils } from 'langium';
import type { DocumentSymbolProvider } from 'langium/lsp';
import type { DocumentSymbol, DocumentSymbolParams } from 'vscode-languageserver';
import type { IdeServices } from './services.js';
import { symbolOf } from './symbols.js';

/**
 * The outline follows the plan as printed: plan → sections ("I. MỤC ĐÍCH, YÊU CẦU") → tasks,
 * targets, reports, phases, numbered paragraphs; registries list agencies, groups, documents and
 * indicators. Items without an id are named by their number and first words (see symbols.ts for
 * names and kinds). Nodes that are not listed (a bulleted paragraph, a deadline) pass their listed
 * descendants up to the nearest listed ancestor.
 */
export class PlanspecDocumentSymbolProvider implements DocumentSymbolProvider {

    constructor(_services: IdeServices) { }

    getSymbols(document: LangiumDocument, _params: DocumentSymbolParams): DocumentSymbol[] {
        const root = document.parseResult?.value;
        return root ? this.childSymbols(root) : [];
    }

    protected childSymbols(node: AstNode): DocumentSymbol[] {
        const result: DocumentSymbol[] = [];
        for (const child of AstUtils.streamContents(node)) {
            const symbol = this.symbol(child);
            if (symbol) {
                result.push(symbol);
            } else {
                result.push(...this.childSymbols(child));
            }
        }
        return result;
    }

    protected symbol(node: AstNode): DocumentSymbol | undefined {
        const info = symbolOf(node);
        const range = node.$cstNode?.range;
        if (!info || !range) {
            return undefined;
        }
        const children = this.childSymbols(node);
        return {
            name: info.name,
            detail: info.detail,
            kind: info.kind,
            range,
            selectionRange: info.nameNode?.range ?? range,
            children: children.length > 0 ? children : undefined,
        };
    }
}
