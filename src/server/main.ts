import { URI } from 'langium';
import { startLanguageServer } from 'langium/lsp';
import type { Message } from 'vscode-languageserver/node';
import { createConnection, ErrorCodes, ProposedFeatures, ResponseError } from 'vscode-languageserver/node';
import { checkWorkspaceRequest, CHECK_WORKSPACE_REQUEST } from '../ide/check-workspace-request.js';
import type { CompileParams } from '../ide/requests.js';
import { compileRequest, COMPILE_REQUEST } from '../ide/compile-request.js';
import { importRequest, IMPORT_REQUEST } from '../ide/import-request.js';
import type { ImportParams } from '../ide/requests.js';
import { hoverHandler } from '../ide/stale-reads.js';
import { registerPreviewRequest } from '../ide/preview-request.js';
import { importText } from '../import/index.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { readVersionOf } from '../language/planspec-documents.js';
import { PlanspecFileSystem } from '../workspace/file-system.js';
import { watchCollections } from './heap.js';
import { IdleCollector } from './idle-collection.js';

/** Method names that requests and notifications sent before `initialize` are rerouted to. */
const NOT_INITIALIZED_REQUEST = '$/planspec/notInitialized';
const DROPPED_NOTIFICATION = '$/planspec/dropped';

let initializeSeen = false;
const idle = new IdleCollector();

/**
 * The protocol says a request before `initialize` gets the error ServerNotInitialized and a
 * notification before it is dropped (but `exit`). Without this, such a request waited forever for
 * a workspace that was never going to load.
 */
function beforeInitialize(message: Message): void {
    const m = message as Message & { method?: string; id?: number | string | null };
    if (initializeSeen || typeof m.method !== 'string') {
        return;
    }
    if (m.method === 'initialize') {
        initializeSeen = true;
    } else if (m.id !== undefined) {
        m.method = NOT_INITIALIZED_REQUEST;
    } else if (m.method !== 'exit') {
        m.method = DROPPED_NOTIFICATION;
    }
}

// Transport (--stdio, --node-ipc, --socket=N) is taken from the command line by vscode-languageserver.
const connection = createConnection(ProposedFeatures.all, {
    messageStrategy: {
        handleMessage(message, next) {
            idle.activity();
            beforeInitialize(message);
            next(message);
        },
    },
});
connection.onRequest(NOT_INITIALIZED_REQUEST, () => {
    throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Máy chủ chưa được khởi tạo: gửi "initialize" trước / The server is not initialized: send "initialize" first');
});
connection.onNotification(DROPPED_NOTIFICATION, () => undefined);

const { shared, Planspec } = createPlanspecServices({ connection, ...PlanspecFileSystem });
// Diagnostics say which version of an open document's text they are for (LSP `version`), so that a
// client can tell them from those of an older text still on their way; Langium sends none.
const sendDiagnostics = connection.sendDiagnostics.bind(connection);
connection.sendDiagnostics = params => {
    const open = shared.workspace.TextDocuments?.get(params.uri);
    const document = open && params.version === undefined ? shared.workspace.LangiumDocuments.getDocument(URI.parse(params.uri)) : undefined;
    const version = document ? readVersionOf(document) ?? open!.version : undefined;
    return sendDiagnostics(version === undefined ? params : { ...params, version });
};
startLanguageServer(shared);
idle.watch(shared.workspace.WorkspaceLock);
// Replaces Langium's hover handler: during a burst of typing it answers from the last built AST.
connection.onHover(hoverHandler(shared));
// Custom requests of the VS Code extension.
connection.onRequest(COMPILE_REQUEST, (params: CompileParams, token) => compileRequest(Planspec, params, token));
connection.onRequest(CHECK_WORKSPACE_REQUEST, (_params: unknown, token) => checkWorkspaceRequest(Planspec, token));
registerPreviewRequest(connection, shared);
connection.onRequest(IMPORT_REQUEST, (params: ImportParams) => importRequest(params, importText));
// For `npm run bench`: the server's memory after loading and after many edits (RSS growth budget),
// and the garbage collections so far (what an edit's time goes to besides the build).
const collections = watchCollections();
connection.onRequest('planspec/memory', () => ({ ...process.memoryUsage(), collections, idleCollections: idle.stats }));
