/** The draft as recognised, before it is written: blocks in the original's order. */
import type { readHeader } from './header.js';

export type Block =
    | { t: 'para'; label?: string; text: string; review?: string; cites?: string[] }
    | { t: 'section'; id: number; label?: string; heading: string; mode?: string; to: string[]; children: Block[]; item?: boolean }
    | { t: 'task'; id: number; label?: string; mode: string; text: string; addressees: string[]; clauses: string[]; children: Block[] }
    | { t: 'line'; id: number; text: string; fallback: Block };

export interface Instrument {
    kind: string;
    id: string;
    header: ReturnType<typeof readHeader>['header'];
    title: string;
    clauses: string[];
    /** Its basis, implemented documents and proposals. */
    inner: string[];
    body: Block[];
    tail: string[];
}

export interface Draft {
    kind: string;
    id: string;
    title: string;
    clauses: string[];
    instrument?: Instrument;
    body: Block[];
    tail: string[];
    annexes: Array<{ number?: string; heading: string; body: Block[] }>;
    dropped: string[];
    notes: string[];
}
