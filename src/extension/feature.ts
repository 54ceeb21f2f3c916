import type * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

/** One part of the extension: registers its commands and providers once the client exists. */
export type Feature = (context: vscode.ExtensionContext, client: LanguageClient) => void;
