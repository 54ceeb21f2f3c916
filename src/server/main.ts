import { startLanguageServer } from 'langium/lsp';
import { PlanspecFileSystem } from '../workspace/file-system.js';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { createPlanspecServices } from '../language/planspec-module.js';

// Transport (--stdio, --node-ipc, --socket=N) is taken from the command line by vscode-languageserver.
const connection = createConnection(ProposedFeatures.all);
const { shared } = createPlanspecServices({ connection, ...PlanspecFileSystem });
startLanguageServer(shared);
