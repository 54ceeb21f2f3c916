/**
 * The importer's contract: an existing plan, as text (extracted from Word, PDF or the web) or a Word
 * file, becomes a `.plan` draft that parses with no syntax error, in the workspace's namespace, with
 * registry additions for what the workspace does not declare. What the importer is unsure of stays
 * prose with a review comment; nothing is guessed silently.
 */

export interface ImportOptions {
    /**
     * The workspace folder whose registry resolves bodies and documents (by official name, alias or
     * number-symbol); the draft is written in its namespace. Without it, everything is declared in the
     * registry additions.
     */
    workspace?: string;
    /** The source's name (a file name), for the draft's header comment and messages. */
    sourceName?: string;
}

/** Something the drafter should look at: where in the draft, and why (Vietnamese / English). */
export interface ImportNote {
    /** 1-based line in the draft. */
    line: number;
    message: string;
}

export interface ImportResult {
    /** The draft plan, `.plan` text. */
    plan: string;
    /** Declarations of the bodies and documents the workspace lacks (`.plan` text), if any. */
    registry?: string;
    notes: ImportNote[];
}
