import type { CstNode, LangiumDocument } from 'langium';
import { CstUtils } from 'langium';
import type { FoldingRangeAcceptor } from 'langium/lsp';
import { DefaultFoldingRangeProvider } from 'langium/lsp';
import type { FoldingRange, FoldingRangeParams } from 'vscode-languageserver';
import { FoldingRangeKind } from 'vscode-languageserver';
import type { IdeServices } from './services.js';

/**
 * Folding: Langium's (every construct of three lines or more, `{ … }` blocks keeping their closing
 * brace visible, and `/* … *\/` comments), plus
 * - runs of two or more `//` comment lines, each alone on its line (the notes a writer leaves above
 *   an item: "// LỖI GỐC …");
 * - prose strings wrapped over two lines or more (a long paragraph folds to its first line).
 * One range per first line, the outermost: an editor keeps only one there, and a task whose text is
 * wrapped folds with its whole block.
 */
export class PlanspecFoldingRangeProvider extends DefaultFoldingRangeProvider {

    constructor(services: IdeServices) {
        super(services);
    }

    override getFoldingRanges(document: LangiumDocument, params: FoldingRangeParams): FoldingRange[] {
        const ranges = super.getFoldingRanges(document, params) as FoldingRange[];
        const byStart = new Map<number, FoldingRange>();
        for (const range of ranges) {
            const known = byStart.get(range.startLine);
            if (range.endLine > range.startLine && (!known || range.endLine > known.endLine)) {
                byStart.set(range.startLine, range);
            }
        }
        return [...byStart.values()].sort((a, b) => a.startLine - b.startLine);
    }

    protected override collectFolding(document: LangiumDocument, acceptor: FoldingRangeAcceptor): void {
        super.collectFolding(document, acceptor);
        const root = document.parseResult?.value?.$cstNode;
        if (!root) {
            return;
        }
        const text = document.textDocument.getText();
        let run: { start: number; end: number } | undefined;
        const endRun = () => {
            if (run && run.end > run.start) {
                acceptor({ startLine: run.start, endLine: run.end, kind: FoldingRangeKind.Comment });
            }
            run = undefined;
        };
        for (const leaf of CstUtils.flattenCst(root)) {
            if (leaf.tokenType.name === 'SL_COMMENT') {
                if (!aloneOnLine(text, leaf)) {
                    endRun();
                    continue;
                }
                const line = leaf.range.start.line;
                if (run && line === run.end + 1) {
                    run.end = line;
                } else {
                    endRun();
                    run = { start: line, end: line };
                }
                continue;
            }
            // Anything else after comment lines (code, or a block comment) ends their run.
            endRun();
            if (leaf.tokenType.name === 'STRING' && leaf.range.end.line > leaf.range.start.line) {
                acceptor({ startLine: leaf.range.start.line, endLine: leaf.range.end.line });
            }
        }
        endRun();
    }
}

/** Whether only blanks come before the comment on its line (not a comment after code). */
function aloneOnLine(text: string, leaf: CstNode): boolean {
    for (let i = leaf.offset - 1; i >= 0; i--) {
        const c = text[i];
        if (c === '\n' || c === '\r') {
            return true;
        }
        if (c !== ' ' && c !== '\t') {
            return false;
        }
    }
    return true;
}
