import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { AstNode, LangiumDocument, Properties } from 'langium';
import type { Range } from 'vscode-languageserver';
import type { PlanspecAstType } from '../language/generated/ast.js';
import type { PlanspecWorkspaceIndex } from '../language/planspec-index.js';
import type { SemanticServices } from '../semantics/services.js';
import { packageRoot } from '../workspace/package-root.js';

/**
 * What a rule may use of the language services: the semantic layer's view, plus the workspace-wide
 * index of declarations. Narrower than the whole module on purpose, so that rules (and the
 * configuration, which lists them) do not depend on how the language module is wired.
 */
export type RuleServices = SemanticServices & {
    references: SemanticServices['references'] & { WorkspaceIndex: PlanspecWorkspaceIndex };
};

/** How a finding is reported; `off` disables the rule. */
export type Severity = 'off' | 'info' | 'warning' | 'error';

export type RuleCategory = 'syntax' | 'documents' | 'responsibility' | 'targets' | 'time' | 'drafting' | 'suppressions';

/** A JSON Schema (draft 2020-12) object; kept loose so rule files stay readable. */
export type JsonSchema = Record<string, unknown>;

export interface RuleMeta<O> {
    /** kebab-case id, also the name of the rule's doc page docs/rules/<id>.md */
    id: string;
    category: RuleCategory;
    defaultSeverity: Exclude<Severity, 'off'>;
    /** One line, in Vietnamese with the English after a slash. */
    description: string;
    /** JSON Schema of the options object; `{}` options when the rule takes none. */
    optionsSchema: JsonSchema;
    defaultOptions: O;
    /** Whether `planspec:recommended` enables it (all rules are on in `planspec:strict`). */
    recommended: boolean;
}

export interface Finding<N extends AstNode = AstNode> {
    node: N;
    /** Restrict the finding to this property of the node (e.g. the `name`, or one reference). */
    property?: Properties<N>;
    index?: number;
    /** An explicit range; wins over `property`. */
    range?: Range;
    message: string;
    /** Other places the finding names ("already declared at line 12"): related information in the editor. */
    related?: RelatedPlace[];
    /**
     * Fixes a person can apply, ESLint-style; the editor offers them as quick fixes. Best given as a
     * function: the runner calls it and, should it fail, drops the fixes but keeps the finding.
     */
    fixes?: Fix[] | (() => Fix[] | undefined);
}

/**
 * A place a finding refers to: a node (in any document), or a range in the finding's own document;
 * with both, the range in the node's document (a part of a declaration in another file: its id).
 */
export interface RelatedPlace {
    node?: AstNode;
    range?: Range;
    message: string;
}

/**
 * One fix: a title saying what it does, and the text edits that do it (in the finding's document
 * unless `uri` says otherwise, e.g. a declaration added to the workspace's registry). Applying a fix
 * and checking again makes the finding go away and changes nothing else.
 */
export interface Fix {
    title: string;
    edits: FixEdit[];
    /** The one fix an editor may apply on its own ("fix all"): only when it is certainly right. */
    preferred?: boolean;
    /**
     * An editor command to run after the edits (an LSP `Command`), e.g. `planspec.askOfficialName`
     * to ask the person for what a placeholder stands for; tools without the command ignore it.
     */
    command?: FixCommand;
}

export interface FixCommand {
    title: string;
    command: string;
    arguments?: unknown[];
}

export interface FixEdit {
    /** The document to edit, as a URI string; the finding's document when absent. */
    uri?: string;
    range: Range;
    newText: string;
}

/** What a diagnostic carries in its `data`, for the code action provider. */
export interface FindingData {
    fixes: Fix[];
}

export interface RuleContext<O> {
    readonly options: O;
    readonly document: LangiumDocument;
    readonly services: RuleServices;
    report<N extends AstNode>(finding: Finding<N>): void;
}

/**
 * Callbacks by AST type, called once per node while the runner walks the document once for all
 * rules; `'*'` is called for every node.
 */
export type RuleVisitors = {
    [K in keyof PlanspecAstType]?: (node: PlanspecAstType[K]) => void;
} & {
    '*'?: (node: AstNode) => void;
};

export interface Rule<O = Record<string, never>> {
    meta: RuleMeta<O>;
    create(context: RuleContext<O>): RuleVisitors;
}

/** The metadata of a rule that takes no options: `meta: { …, ...noOptions }`. */
export const noOptions = {
    optionsSchema: { type: 'object', additionalProperties: false, properties: {} } as JsonSchema,
    defaultOptions: {} as Record<string, never>,
};

/** Identity helper that keeps each rule file's option type checked against its defaults. */
export function defineRule<O>(rule: Rule<O>): Rule<O> {
    return rule;
}

/** The rule's doc page in the installed package (docs/rules/<id>.md). */
export function ruleDocPath(id: string): string {
    return path.join(packageRoot(), 'docs', 'rules', `${id}.md`);
}

/**
 * Where diagnostics link to: the doc page shipped with planspec, or under PLANSPEC_DOCS_URL
 * (e.g. the repository's docs/rules/ on the forge) when set, for reports read elsewhere.
 */
export function ruleDocUrl(id: string): string {
    const base = docsBase(process.env.PLANSPEC_DOCS_URL);
    return base ? `${base.replace(/\/?$/, '/')}${id}.md` : pathToFileURL(ruleDocPath(id)).href;
}

/**
 * PLANSPEC_DOCS_URL when it is an http(s) or file URL; anything else (`javascript:`, a bare word)
 * is ignored, so a hostile environment cannot put a script link into SARIF or the editor.
 */
export function docsBase(value: string | undefined): string | undefined {
    if (!value) {
        return undefined;
    }
    try {
        const url = new URL(value);
        return ['http:', 'https:', 'file:'].includes(url.protocol) ? url.href : undefined;
    } catch {
        return undefined;
    }
}
