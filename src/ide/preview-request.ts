/**
 * The `planspec/preview` request: `{ uri }` → the preview of the document's plans (preview-model.ts),
 * once the document is validated. Registered on the connection by src/server/main.ts.
 */
import type { LangiumDocument } from 'langium';
import { DocumentState, isOperationCancelled, URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { CancellationToken, Connection } from 'vscode-languageserver';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver';
import type { PreviewModel, PreviewParams } from './preview-json.js';
import { PREVIEW_REQUEST } from './preview-json.js';
import { previewModel } from './preview-model.js';
import { builtText } from '../language/planspec-documents.js';
import type { IdeServices } from './services.js';

/** How long to wait for an edit that has arrived to be parsed, in steps of `STEP_MS`. */
const STALE_STEPS = 40;
const STEP_MS = 50;

export function registerPreviewRequest(connection: Connection, shared: LangiumSharedServices): void {
    connection.onRequest(PREVIEW_REQUEST, (params: PreviewParams, token: CancellationToken) => preview(shared, params, token));
}

export async function preview(shared: LangiumSharedServices, params: PreviewParams, token?: CancellationToken): Promise<PreviewModel> {
    if (typeof params?.uri !== 'string') {
        throw new ResponseError(ErrorCodes.InvalidParams, 'Thiếu "uri" / "uri" is missing');
    }
    const uri = URI.parse(params.uri);
    await shared.workspace.WorkspaceManager.ready;
    if (!shared.ServiceRegistry.hasServices(uri)) {
        throw new ResponseError(ErrorCodes.InvalidParams, `Không phải tệp planspec / Not a planspec file: ${params.uri}`);
    }
    const services = shared.ServiceRegistry.getServices(uri) as IdeServices;
    for (let step = 0; ; step++) {
        if (token?.isCancellationRequested) {
            throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.');
        }
        const document = shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) {
            throw new ResponseError(LSPErrorCodes.ContentModified, `Tệp chưa được mở hay nạp / The file is not open or loaded: ${params.uri}`);
        }
        if (document.state < DocumentState.Validated) {
            try {
                await shared.workspace.DocumentBuilder.waitUntil(DocumentState.Validated, uri, token);
            } catch (e) {
                throw isOperationCancelled(e) ? new ResponseError(LSPErrorCodes.RequestCancelled, 'The request has been cancelled.') : e;
            }
            continue;
        }
        // An edit that arrived before this request is not yet parsed: the build starts shortly.
        if (isStale(document) && step < STALE_STEPS) {
            await new Promise(resolve => setTimeout(resolve, STEP_MS));
            continue;
        }
        return previewModel(services, document);
    }
}

/** The text of the editor is not the text that was parsed. */
function isStale(document: LangiumDocument): boolean {
    const parsed = builtText(document);
    return parsed !== undefined && parsed !== document.textDocument.getText();
}
