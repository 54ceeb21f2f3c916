/**
 * The planspec extension: starts the language server (dist/server.cjs) over IPC and registers the
 * features of src/extension/features.ts. Runtime messages are bilingual strings, Vietnamese first
 * (like the server's diagnostics); package.nls*.json localise the contributions.
 */
import * as vscode from 'vscode';
import type { LanguageClientOptions, NodeModule, ServerOptions } from 'vscode-languageclient/node';
import { LanguageClient, TransportKind } from 'vscode-languageclient/node';
import { SERVER_NODE_OPTIONS } from '../server/node-options.js';
import { features } from './features.js';
import { LANGUAGE_ID } from './strings.js';

let client: LanguageClient | undefined;

export function activate(context: vscode.ExtensionContext): void {
    const output = vscode.window.createOutputChannel('planspec', { log: true });
    context.subscriptions.push(output);
    const module = context.asAbsolutePath('dist/server.cjs');
    const run: NodeModule = { module, transport: TransportKind.ipc, options: { env: serverEnvironment(), execArgv: [...SERVER_NODE_OPTIONS] } };
    const debug: NodeModule = { module, transport: TransportKind.ipc, options: { env: serverEnvironment(), execArgv: [...SERVER_NODE_OPTIONS, '--nolazy', '--inspect=6009'] } };
    const serverOptions: ServerOptions = { run, debug };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ scheme: 'file', language: LANGUAGE_ID }, { scheme: 'untitled', language: LANGUAGE_ID }],
        synchronize: {
            configurationSection: LANGUAGE_ID,
            // An extended configuration may have any name: every JSON file is watched, and the
            // server re-checks when one changes.
            fileEvents: [
                vscode.workspace.createFileSystemWatcher('**/*.plan'),
                vscode.workspace.createFileSystemWatcher('**/*.json'),
            ],
        },
        outputChannel: output,
    };
    // The id 'planspec' makes the client read `planspec.trace.server`.
    client = new LanguageClient(LANGUAGE_ID, 'planspec', serverOptions, clientOptions);
    const started = client;
    for (const feature of features) {
        feature(context, started);
    }
    // The server reads PLANSPEC_DOCS_URL once, at start: a new value restarts it.
    context.subscriptions.push(vscode.workspace.onDidChangeConfiguration(event => {
        if (event.affectsConfiguration('planspec.docsUrl') && started.isRunning()) {
            run.options = { ...run.options, env: serverEnvironment() };
            debug.options = { ...debug.options, env: serverEnvironment() };
            void started.restart();
        }
    }));
    started.start().catch(error => {
        output.error(String(error));
        void vscode.window.showErrorMessage(`planspec: không khởi động được máy chủ ngôn ngữ / the language server did not start: ${String(error)}`);
    });
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}

/**
 * The server's environment: the extension host's, with PLANSPEC_DOCS_URL from `planspec.docsUrl`.
 * In an untrusted workspace only the user's own value counts, not one the workspace sets.
 */
function serverEnvironment(): NodeJS.ProcessEnv {
    const inspected = vscode.workspace.getConfiguration('planspec').inspect<string>('docsUrl');
    const value = vscode.workspace.isTrusted
        ? vscode.workspace.getConfiguration('planspec').get<string>('docsUrl', '')
        : inspected?.globalValue ?? '';
    const env = { ...process.env };
    if (value) {
        env.PLANSPEC_DOCS_URL = value;
    } else {
        delete env.PLANSPEC_DOCS_URL;
    }
    return env;
}
