/** See bench-corpus.mjs. */
export interface CorpusOptions {
    out: string;
    shapes?: string[];
    plans?: number;
    seed?: number;
    planLines?: number;
    bigLines?: number;
    bLines?: number;
    workspaces?: number;
    log?: (message: string) => void;
}
export interface ShapeStats {
    dir: string;
    files: number;
    bytes: number;
    lines: number;
    namespace?: string;
    province?: string;
    big?: string;
    workspaces?: string[];
}
export interface Manifest {
    seed: number;
    plans: number;
    planLines: number;
    bigLines: number;
    bLines: number;
    workspaces: number;
    shapes: Record<string, ShapeStats>;
}
export declare function generate(options: CorpusOptions): Manifest;
export declare function nearIdentical(dir: string, options: { megabytes: number; seed?: number }): ShapeStats & { plan: string };
