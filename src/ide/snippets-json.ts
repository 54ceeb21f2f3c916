/**
 * The VS Code snippets file (snippets/planspec.json, written by `npm run build`) from the templates
 * completion offers (completion-snippets.ts): one source, so the two cannot drift. Each snippet
 * answers to its Vietnamese keyword, the same typed without diacritics ("ke hoach"; VS Code does
 * not fold them when matching), and its English twin.
 */
import { foldForSearch } from '../language/fold.js';
import type { PlanSnippet } from './completion-snippets.js';

export interface VsCodeSnippet {
    prefix: string[];
    body: string[];
    description: string;
}

export function snippetsJson(snippets: readonly PlanSnippet[]): Record<string, VsCodeSnippet> {
    const result: Record<string, VsCodeSnippet> = {};
    for (const snippet of snippets) {
        const [vietnamese, english] = snippet.keywords;
        result[snippet.description] = {
            prefix: [...new Set([vietnamese, foldForSearch(vietnamese), english])],
            body: snippet.body.split('\n'),
            description: snippet.description,
        };
    }
    return result;
}

export function renderSnippetsJson(snippets: readonly PlanSnippet[]): string {
    return JSON.stringify(snippetsJson(snippets), null, 4) + '\n';
}
