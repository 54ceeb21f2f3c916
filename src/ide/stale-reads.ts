import type { LangiumDocument } from 'langium';
import { DocumentState, isOperationCancelled, ReadPriority, URI } from 'langium';
import type { LangiumServices, LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Hover, HoverParams, Position, Range } from 'vscode-languageserver';
import { LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { PlanspecDocumentBuilder } from '../language/planspec-document-builder.js';
import { builtText } from '../language/planspec-documents.js';

/**
 * The document as it was when its AST was built, and how positions move between that text and the
 * editor's newer one: the two texts share a prefix and a suffix, and only what lies in one of them
 * is the same in both.
 */
export interface BuiltView {
    /** The document with the text its AST was built from. */
    readonly document: LangiumDocument;
    /** A position of the editor's text in the built text; undefined inside the edited span. */
    toBuilt(position: Position): Position | undefined;
    /** A range of the built text in the editor's text; undefined when it touches the edited span. */
    toCurrent(range: Range): Range | undefined;
}

/** The view of `document` as built, when the editor's text `current` is newer than its AST. */
export function builtView(document: LangiumDocument, current: TextDocument): BuiltView | undefined {
    const built = builtText(document);
    if (built === undefined) {
        return undefined;
    }
    const now = current.getText();
    const prefix = commonPrefix(built, now);
    const suffix = commonSuffix(built, now, Math.min(built.length, now.length) - prefix);
    const shift = now.length - built.length;
    const text = new BuiltText(document.uri.toString(), current, built, prefix, suffix);
    // An offset strictly before the first difference, or at or after the start of the common suffix.
    const toBuiltOffset = (offset: number): number | undefined =>
        offset < prefix ? offset : offset >= now.length - suffix ? offset - shift : undefined;
    const toCurrentOffset = (offset: number, end: boolean): number | undefined =>
        (end ? offset <= prefix : offset < prefix) ? offset : offset >= built.length - suffix ? offset + shift : undefined;
    const view = Object.create(document, { textDocument: { value: text, enumerable: true } }) as LangiumDocument;
    return {
        document: view,
        toBuilt(position) {
            const offset = toBuiltOffset(current.offsetAt(position));
            return offset === undefined ? undefined : text.positionAt(offset);
        },
        toCurrent(range) {
            const start = toCurrentOffset(text.offsetAt(range.start), false);
            const end = toCurrentOffset(text.offsetAt(range.end), true);
            // Both ends on the same side of the edit: a range across it is not the same text any more.
            if (start === undefined || end === undefined || (start < prefix) !== (end <= prefix)) {
                return undefined;
            }
            return { start: current.positionAt(start), end: current.positionAt(end) };
        },
    };
}

/**
 * The built text as a text document, its lines found through the editor's document: the lines
 * before the edited span are the same, those after it the same a few lines up or down. Only a line
 * that touches the edited span needs the built text's own line table (made once, when asked).
 */
class BuiltText implements TextDocument {
    readonly languageId: string;
    readonly version = 0;
    /** Where the first line touching the edited span starts (the same offset in both texts). */
    protected readonly headEnd: number;
    /** Lines before it, in both texts. */
    protected readonly headLines: number;
    /** Where the first whole line after the edited span starts in the built text, if any. */
    protected readonly tailStart: number | undefined;
    /** The line of the built text that starts there. */
    protected readonly tailLine: number = Infinity;
    /** Lines of the editor's text minus those of the built one. */
    protected readonly lineShift: number;
    protected readonly shift: number;
    protected full: TextDocument | undefined;

    constructor(readonly uri: string, protected readonly current: TextDocument, protected readonly text: string, prefix: number, suffix: number) {
        this.languageId = current.languageId;
        const now = current.getText();
        this.shift = now.length - text.length;
        this.headEnd = text.lastIndexOf('\n', prefix - 1) + 1;
        this.headLines = current.positionAt(this.headEnd).line;
        const newline = text.indexOf('\n', text.length - suffix);
        if (newline >= 0) {
            this.tailStart = newline + 1;
            this.tailLine = this.headLines + countNewlines(text, this.headEnd, this.tailStart);
            this.lineShift = current.positionAt(this.tailStart + this.shift).line - this.tailLine;
        } else {
            this.lineShift = current.lineCount - (this.headLines + countNewlines(text, this.headEnd, text.length) + 1);
        }
    }

    get lineCount(): number {
        return this.current.lineCount - this.lineShift;
    }

    getText(range?: Range): string {
        return range ? this.text.substring(this.offsetAt(range.start), this.offsetAt(range.end)) : this.text;
    }

    offsetAt(position: Position): number {
        if (position.line < this.headLines) {
            return this.current.offsetAt(position);
        }
        if (position.line >= this.tailLine) {
            return this.current.offsetAt({ line: position.line + this.lineShift, character: position.character }) - this.shift;
        }
        return this.fullText().offsetAt(position);
    }

    positionAt(offset: number): Position {
        if (offset < this.headEnd) {
            return this.current.positionAt(offset);
        }
        if (this.tailStart !== undefined && offset >= this.tailStart) {
            const position = this.current.positionAt(Math.min(offset, this.text.length) + this.shift);
            return { line: position.line - this.lineShift, character: position.character };
        }
        return this.fullText().positionAt(offset);
    }

    getLineRange(line: number): Range {
        return this.fullText().getLineRange(line);
    }

    getEOLCharacters(line: number): string {
        return this.fullText().getEOLCharacters(line);
    }

    protected fullText(): TextDocument {
        this.full ??= TextDocument.create(this.uri, this.languageId, this.version, this.text);
        return this.full;
    }
}

function countNewlines(text: string, from: number, to: number): number {
    let count = 0;
    for (let at = text.indexOf('\n', from); at >= 0 && at < to; at = text.indexOf('\n', at + 1)) {
        count++;
    }
    return count;
}

/** Compared by blocks first: a plan is long and an edit small (one native comparison a block). */
const BLOCK = 4096;

function commonPrefix(a: string, b: string): number {
    const shortest = Math.min(a.length, b.length);
    let at = 0;
    while (at + BLOCK <= shortest && a.substring(at, at + BLOCK) === b.substring(at, at + BLOCK)) {
        at += BLOCK;
    }
    while (at < shortest && a.charCodeAt(at) === b.charCodeAt(at)) {
        at++;
    }
    return at;
}

/** The length of the common end of `a` and `b`, at most `max`. */
function commonSuffix(a: string, b: string, max: number): number {
    let n = 0;
    while (n + BLOCK <= max && a.substring(a.length - n - BLOCK, a.length - n) === b.substring(b.length - n - BLOCK, b.length - n)) {
        n += BLOCK;
    }
    while (n < max && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) {
        n++;
    }
    return n;
}

/**
 * Hover during a burst of typing. Edits are built after a pause (PlanspecDocumentUpdateHandler), and
 * a hover meanwhile would wait for that build (a parse of the whole file): instead it answers from
 * the AST built before the edits when what it shows lies outside the edited span, with its range
 * moved to the editor's text. Anywhere else, it waits for the build of the current text.
 */
export function hoverHandler(shared: LangiumSharedServices): (params: HoverParams, cancelToken: CancellationToken) => Promise<Hover | null | ResponseError<void>> {
    const builder = shared.workspace.DocumentBuilder;
    const documents = shared.workspace.LangiumDocuments;
    const lock = shared.workspace.WorkspaceLock;
    return async (params, cancelToken) => {
        const uri = URI.parse(params.textDocument.uri);
        try {
            await shared.workspace.WorkspaceManager.ready;
            if (!shared.ServiceRegistry.hasServices(uri)) {
                return null;
            }
            const provider = (shared.ServiceRegistry.getServices(uri) as Partial<LangiumServices>).lsp?.HoverProvider;
            if (!provider) {
                return null;
            }
            const stale = await lock.read(async () => {
                const document = documents.getDocument(uri);
                const current = shared.workspace.TextDocuments.get(uri.toString());
                if (!document || !current || !(builder instanceof PlanspecDocumentBuilder) || !builder.isStale(uri) || document.state < DocumentState.Linked) {
                    return undefined;
                }
                const view = builtView(document, current);
                const position = view?.toBuilt(params.position);
                if (!view || !position) {
                    return undefined;
                }
                const hover = await provider.getHoverContent(view.document, { ...params, position }, cancelToken);
                if (!hover) {
                    return { hover: null };
                }
                const range = hover.range && view.toCurrent(hover.range);
                return range ? { hover: { ...hover, range } } : undefined;
            }, ReadPriority.Immediate);
            if (stale) {
                return stale.hover;
            }
            await builder.waitUntil(DocumentState.Linked, uri, cancelToken);
            return await lock.read(async () => {
                const document = await documents.getOrCreateDocument(uri);
                return await provider.getHoverContent(document, params, cancelToken) ?? null;
            }, ReadPriority.Immediate);
        } catch (error) {
            if (isOperationCancelled(error)) {
                return new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
            }
            if (error instanceof ResponseError) {
                return error;
            }
            throw error;
        }
    };
}
