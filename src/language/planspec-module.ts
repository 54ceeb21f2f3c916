import type { DeepPartial, DocumentValidator, Module, ValidationChecks, PartialLangiumCoreServices, LangiumCoreServices, LangiumSharedCoreServices } from 'langium';
import { inject } from 'langium';
import type { DefaultSharedModuleContext, LangiumServices, LangiumSharedServices, PartialLangiumServices } from 'langium/lsp';
import { createDefaultModule, createDefaultSharedModule } from 'langium/lsp';
import { PlanspecConfigProvider } from '../config/config.js';
import { PlanspecCodeActionProvider } from '../ide/code-actions.js';
import { PlanspecCodeLensProvider } from '../ide/code-lens.js';
import { PlanspecCompletionProvider } from '../ide/completion.js';
import { PlanspecDocumentLinkProvider } from '../ide/document-links.js';
import { PlanspecDocumentSymbolProvider } from '../ide/document-symbols.js';
import { PlanspecFoldingRangeProvider } from '../ide/folding.js';
import { PlanspecFormatter } from '../ide/formatter.js';
import { PlanspecHoverProvider } from '../ide/hover.js';
import { PlanspecInlayHintProvider } from '../ide/inlay-hints.js';
import { PlanspecSemanticTokenProvider } from '../ide/semantic-tokens.js';
import { PlanspecWorkspaceSymbolProvider } from '../ide/workspace-symbols.js';
import { RuleRunner } from '../linter/runner.js';
import { WorkspaceRoots } from '../workspace/roots.js';
import type { PlanspecAstType } from './generated/ast.js';
import { PlanspecGeneratedModule, PlanspecGeneratedSharedModule } from './generated/module.js';
import { ConfigWatcher } from './planspec-config-watcher.js';
import { PlanspecDocumentBuilder } from './planspec-document-builder.js';
import { PlanspecIndexManager } from './planspec-index-manager.js';
import { PlanspecDocumentFactory, PlanspecLangiumDocuments } from './planspec-documents.js';
import { PlanspecLinker, PlanspecReferenceDescriptionProvider } from './planspec-linker.js';
import { PlanspecWorkspaceIndex } from './planspec-index.js';
import { createPlanspecCompletionParser, createPlanspecParser } from './planspec-parser.js';
import { PlanspecRenameProvider } from './planspec-rename.js';
import { PlanspecScopeComputation, PlanspecScopeProvider } from './planspec-scope.js';
import { PlanspecLexerErrorMessageProvider, PlanspecParserErrorMessageProvider } from './syntax-messages.js';
import { PlanspecDocumentUpdateHandler } from './planspec-update-handler.js';
import { PlanspecDocumentValidator } from './planspec-validator.js';
import { PlanspecTokenBuilder } from './planspec-token-builder.js';
import { PlanspecValueConverter } from './planspec-value-converter.js';

export type PlanspecAddedServices = {
    references: {
        WorkspaceIndex: PlanspecWorkspaceIndex
    },
    validation: {
        RuleRunner: RuleRunner
    },
    config: {
        ConfigProvider: PlanspecConfigProvider
    },
    workspace: {
        Roots: WorkspaceRoots
    }
}

export type PlanspecServices = LangiumServices & PlanspecAddedServices;

export const PlanspecModule: Module<PlanspecServices, PartialLangiumServices & PlanspecAddedServices> = {
    parser: {
        TokenBuilder: () => new PlanspecTokenBuilder(),
        ValueConverter: () => new PlanspecValueConverter(),
        LangiumParser: (services) => createPlanspecParser(services),
        CompletionParser: (services) => createPlanspecCompletionParser(services),
        ParserErrorMessageProvider: (services) => new PlanspecParserErrorMessageProvider(services),
        LexerErrorMessageProvider: () => new PlanspecLexerErrorMessageProvider(),
    },
    lsp: {
        RenameProvider: (services) => new PlanspecRenameProvider(services),
        HoverProvider: (services) => new PlanspecHoverProvider(services),
        CodeLensProvider: (services) => new PlanspecCodeLensProvider(services),
        InlayHintProvider: (services) => new PlanspecInlayHintProvider(services),
        Formatter: (services) => new PlanspecFormatter(services),
        CompletionProvider: (services) => new PlanspecCompletionProvider(services),
        DocumentSymbolProvider: (services) => new PlanspecDocumentSymbolProvider(services),
        DocumentLinkProvider: (services) => new PlanspecDocumentLinkProvider(services),
        FoldingRangeProvider: (services) => new PlanspecFoldingRangeProvider(services),
        SemanticTokenProvider: (services) => new PlanspecSemanticTokenProvider(services),
        CodeActionProvider: (services) => new PlanspecCodeActionProvider(services),
    },
    references: {
        Linker: (services) => new PlanspecLinker(services),
        ScopeComputation: (services) => new PlanspecScopeComputation(services),
        ScopeProvider: (services) => new PlanspecScopeProvider(services),
        WorkspaceIndex: (services) => new PlanspecWorkspaceIndex(services.shared, services.workspace.Roots),
    },
    validation: {
        DocumentValidator: (services) => new PlanspecDocumentValidator(services) as DocumentValidator,
        RuleRunner: (services) => new RuleRunner(services),
    },
    config: {
        ConfigProvider: () => new PlanspecConfigProvider(),
    },
    workspace: {
        Roots: () => new WorkspaceRoots(),
        ReferenceDescriptionProvider: (services) => new PlanspecReferenceDescriptionProvider(services),
    },
};

export const PlanspecSharedModule: Module<LangiumSharedServices, DeepPartial<LangiumSharedServices>> = {
    workspace: {
        LangiumDocuments: (services) => new PlanspecLangiumDocuments(services),
        LangiumDocumentFactory: (services) => new PlanspecDocumentFactory(services),
        IndexManager: (services) => new PlanspecIndexManager(services),
        DocumentBuilder: (services) => new PlanspecDocumentBuilder(services as LangiumSharedServices),
    },
    lsp: {
        DocumentUpdateHandler: (services) => new PlanspecDocumentUpdateHandler(services),
        WorkspaceSymbolProvider: (services) => new PlanspecWorkspaceSymbolProvider(services),
    },
};

export function createPlanspecServices(context: DefaultSharedModuleContext): {
    shared: LangiumSharedServices,
    Planspec: PlanspecServices
} {
    const shared = inject(
        createDefaultSharedModule(context),
        PlanspecGeneratedSharedModule,
        PlanspecSharedModule
    );
    const Planspec = inject(
        createDefaultModule({ shared }),
        PlanspecGeneratedModule,
        PlanspecModule
    );
    shared.ServiceRegistry.register(Planspec);
    // Validate every file when a folder is opened, not only the open editors: workspace-wide
    // findings (duplicates, unresolved names in registries) must show before anyone edits.
    shared.workspace.WorkspaceManager.initialBuildOptions = { validation: true };
    const runner = Planspec.validation.RuleRunner;
    const checks: ValidationChecks<PlanspecAstType> = { Model: (model, accept, cancelToken) => runner.run(model, accept, cancelToken) };
    Planspec.validation.ValidationRegistry.register(checks, runner);
    if (context.connection) {
        new ConfigWatcher(Planspec, shared);
    } else {
        // Outside a language server nobody sends the client configuration: initialize it now.
        shared.workspace.ConfigurationProvider.initialized({});
    }
    return { shared, Planspec };
}

export type { LangiumCoreServices, LangiumSharedCoreServices, PartialLangiumCoreServices };
