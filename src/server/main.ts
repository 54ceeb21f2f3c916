import { startLanguageServer } from 'langium/lsp';
import type { Message } from 'vscode-languageserver/node';
import { createConnection, ErrorCodes, ProposedFeatures, ResponseError } from 'vscode-languageserver/node';
import { registerPreviewRequest } from '../ide/preview-request.js';
import { createPlanspecServices } from '../language/planspec-module.js';
import { PlanspecFileSystem } from '../workspace/file-system.js';

/** Method names that requests and notifications sent before `initialize` are rerouted to. */
const NOT_INITIALIZED_REQUEST = '$/planspec/notInitialized';
const DROPPED_NOTIFICATION = '$/planspec/dropped';

let initializeSeen = false;

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
            beforeInitialize(message);
            next(message);
        },
    },
});
connection.onRequest(NOT_INITIALIZED_REQUEST, () => {
    throw new ResponseError(ErrorCodes.ServerNotInitialized, 'Máy chủ chưa được khởi tạo: gửi "initialize" trước / The server is not initialized: send "initialize" first');
});
connection.onNotification(DROPPED_NOTIFICATION, () => undefined);

const { shared } = createPlanspecServices({ connection, ...PlanspecFileSystem });
startLanguageServer(shared);
registerPreviewRequest(connection, shared);
