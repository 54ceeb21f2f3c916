import type { LangiumDocument, LangiumSharedCoreServices, URI } from 'langium';
import { Cancellation, DefaultIndexManager } from 'langium';
import { isGroup, isModel } from './generated/ast.js';

/**
 * Langium re-checks a document when a file it references changes. duplicate-id also depends on
 * files it does not reference: those that declare the same names. So a document is affected as well
 * when it exports a name that a changed file exports or exported before the change (removing one of
 * two duplicates clears the finding in the other file too). And authority-unknown reports a group
 * at its declaration from the tasks of other files that direct it: a file declaring such a group is
 * affected by a change to a file that referred to it.
 */
export class PlanspecIndexManager extends DefaultIndexManager {

    /** Names a changed or deleted file exported before the change, until it is indexed again. */
    protected readonly previousNames = new Map<string, Set<string>>();

    /** Files a changed or deleted file referred to before the change, until its references are indexed again. */
    protected readonly previousTargets = new Map<string, Set<string>>();

    protected forgetting = false;

    constructor(protected readonly shared: LangiumSharedCoreServices) {
        super(shared);
    }

    /**
     * Per document, the other files its references resolve into, from its indexed references:
     * Langium's `isAffected` scanned every reference of every document on every edit (a thousand
     * plans: ten milliseconds an edit) to find those of the one changed file.
     */
    protected readonly targetsOf = new Map<string, Set<string>>();

    override isAffected(document: LangiumDocument, changedUris: Set<string>): boolean {
        const targets = this.targetsOf.get(document.uri.toString());
        if (targets && targets.size > 0) {
            for (const changed of changedUris) {
                if (targets.has(changed)) {
                    return true;
                }
            }
        }
        if (this.declaresUnplacedGroup(document) && this.referredToBy(document, changedUris)) {
            return true;
        }
        const own = this.symbolIndex.get(document.uri.toString());
        if (!own || own.length === 0) {
            return false;
        }
        const changedNames = this.namesOf(changedUris);
        return changedNames.size > 0 && own.some(d => changedNames.has(d.name));
    }

    /** The changed files' set and the names they export or exported before the change. */
    protected lastChanged: { uris: Set<string>; names: Set<string> } | undefined;

    /**
     * The names that the changed files export or exported before the change: computed once per
     * update (the builder asks about every document with the same set), not once per document.
     */
    protected namesOf(changedUris: Set<string>): Set<string> {
        if (this.lastChanged?.uris !== changedUris) {
            const names = new Set<string>();
            for (const uri of changedUris) {
                this.previousNames.get(uri)?.forEach(name => names.add(name));
                this.symbolIndex.get(uri)?.forEach(d => names.add(d.name));
            }
            this.lastChanged = { uris: changedUris, names };
        }
        return this.lastChanged.names;
    }

    /** A group stating neither `thuộc` nor `gồm` nor `độc lập`: its authority depends on who directs it. */
    protected declaresUnplacedGroup(document: LangiumDocument): boolean {
        const model = document.parseResult?.value;
        return isModel(model) && model.elements.some(e => isGroup(e) && !e.parent && e.members.length === 0 && !e.independent);
    }

    /** Whether one of the changed files referred to this document before the change. */
    protected referredToBy(document: LangiumDocument, changedUris: Set<string>): boolean {
        const uri = document.uri.toString();
        for (const changed of changedUris) {
            const targets = this.previousTargets.get(changed) ?? this.targetsOf.get(changed);
            if (changed !== uri && targets?.has(uri)) {
                return true;
            }
        }
        return false;
    }

    override removeReferences(uri: URI): void {
        const key = uri.toString();
        // Its own file among its targets would never count: a file is not affected by itself.
        const targets = this.targetsOf.get(key);
        if (targets && targets.size > 0) {
            this.forgetDeletedAfterUpdate();
            this.previousTargets.set(key, targets);
        }
        this.targetsOf.delete(key);
        super.removeReferences(uri);
    }

    override async updateReferences(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        const uri = document.uri.toString();
        this.previousTargets.delete(uri);
        await super.updateReferences(document, cancelToken);
        const targets = new Set<string>();
        for (const ref of this.referenceIndex.get(uri) ?? []) {
            if (!ref.local) {
                targets.add(ref.targetUri.toString());
            }
        }
        this.targetsOf.set(uri, targets);
    }

    override removeContent(uri: URI): void {
        this.remember(uri);
        super.removeContent(uri);
    }

    override remove(uri: URI): void {
        this.remember(uri);
        super.remove(uri);
    }

    override async updateContent(document: LangiumDocument, cancelToken = Cancellation.CancellationToken.None): Promise<void> {
        this.previousNames.delete(document.uri.toString());
        this.lastChanged = undefined;
        await super.updateContent(document, cancelToken);
    }

    protected remember(uri: URI): void {
        this.lastChanged = undefined;
        const exports = this.symbolIndex.get(uri.toString());
        if (exports && exports.length > 0) {
            this.forgetDeletedAfterUpdate();
            this.previousNames.set(uri.toString(), new Set(exports.map(d => d.name)));
        }
    }

    /**
     * What a deleted file exported and referred to serves only the update that deletes it (to find
     * the documents it affects); kept after it, it piled up with every file deleted and never
     * re-created, as when the CLI releases workspace after workspace. Registered on
     * first use: the builder depends on the index manager, so it cannot be asked for at construction.
     */
    protected forgetDeletedAfterUpdate(): void {
        if (this.forgetting) {
            return;
        }
        this.forgetting = true;
        // The builder notifies its listeners after it has asked which documents the deletion affects.
        this.shared.workspace.DocumentBuilder.onUpdate((_changed, deleted) => {
            for (const uri of deleted) {
                this.previousNames.delete(uri.toString());
                this.previousTargets.delete(uri.toString());
            }
        });
    }
}
