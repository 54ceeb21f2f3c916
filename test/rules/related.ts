import { URI } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { services } from '../helpers.js';

/** A related place of a finding, read back: its file (as named in the fixture), its line (1-based), the text it covers, its message. */
export interface RelatedRead {
    file: string;
    line: number;
    text: string;
    message: string;
}

/** The related information of a diagnostic, with the text each location covers in the workspace last loaded. */
export function relatedOf(diagnostic: Pick<Diagnostic, 'relatedInformation'>): RelatedRead[] {
    return (diagnostic.relatedInformation ?? []).map(info => {
        const uri = URI.parse(info.location.uri);
        const document = services.shared.workspace.LangiumDocuments.getDocument(uri);
        if (!document) {
            throw new Error(`related location in a file outside the workspace: ${info.location.uri}`);
        }
        return {
            file: uri.path.replace(/^\/ws\//, ''), line: info.location.range.start.line + 1,
            text: document.textDocument.getText(info.location.range), message: info.message,
        };
    });
}
