import * as vscode from 'vscode';

/** A command handler whose failure (the server stopped, a request cancelled) is shown in one bilingual line. */
export function guarded<A extends unknown[]>(what: string, handler: (...args: A) => Promise<void>): (...args: A) => Promise<void> {
    return async (...args: A) => {
        try {
            await handler(...args);
        } catch (error) {
            const message = error instanceof Error ? error.message : String(error);
            void vscode.window.showErrorMessage(`planspec: ${what} thất bại / failed: ${message}`);
        }
    };
}
