import type { AstNode } from 'langium';
import type { Document, Plan } from '../language/generated/ast.js';
import type { DocumentKind } from '../language/keywords.js';
import { documentKindLabel } from '../language/keywords.js';
import { StringMap } from '../language/string-map.js';
import type { Range } from 'vscode-languageserver';
import type { Fix } from '../linter/rule.js';
import { defineRule } from '../linter/rule.js';
import { quote } from '../linter/support/fixes.js';
import { findNumbers, proseTextsOf } from '../semantics/citations.js';
import {
    DEFAULT_PARTY_ISSUERS, MAYBE_NORMATIVE_KINDS, NORMATIVE_KINDS, PARTY_TYPES, STATE_TYPES,
    hasBlank, isKnownStateType, kindEnglish, kindLabel, kindOf, lastPropertyRange, looksLikeType, ownYear, parseNumberSymbol,
    partyFormOf,
} from '../semantics/documents.js';
import { propertyNode } from '../language/cst-property.js';

interface Options {
    partyIssuers: string[];
    extraTypes: string[];
}

type Form = 'admin' | 'letter' | 'normative' | 'assembly' | 'party';

/**
 * A number's problem: the message, and the number corrected when the rule knows it from the number
 * itself (or the text's date); `preferred` when that correction is certain (blanks removed, the Party
 * form, a type in the wrong case), not when it depends on which of kind and number is wrong.
 */
interface Problem {
    message: string;
    suggestion?: string;
    preferred?: boolean;
    /** The suggestion is the Party form of a Party number printed state-style: certain, also in prose. */
    party?: boolean;
}

const FORM_NAMES: Record<Form, { vi: string; en: string }> = {
    admin: { vi: 'số/LOẠI-CƠ QUAN', en: 'N/TYPE-ISSUER' },
    letter: { vi: 'số/CƠ QUAN-ĐƠN VỊ', en: 'N/ISSUER-UNIT' },
    normative: { vi: 'số/năm/LOẠI-CƠ QUAN', en: 'N/YYYY/TYPE-ISSUER' },
    assembly: { vi: 'số/năm/QHkhóa', en: 'N/YYYY/QHnn' },
    party: { vi: 'số-LOẠI/CƠ QUAN ĐẢNG', en: 'N-TYPE/ISSUER' },
};

/** The forms a kind's number may take (see ../shared/notes/vietnamese-documents.md). */
function allowedForms(kind: DocumentKind): Form[] {
    if (kind === 'law') {
        return ['assembly'];
    }
    if (kind === 'ordinance') {
        return ['normative', 'assembly'];
    }
    if (NORMATIVE_KINDS.has(kind)) {
        return ['normative'];
    }
    if (kind === 'letter') {
        return ['letter', 'party'];
    }
    if (kind === 'resolution') {
        return ['admin', 'normative', 'assembly', 'party'];
    }
    if (MAYBE_NORMATIVE_KINDS.has(kind)) {
        return ['admin', 'normative', 'party'];
    }
    return ['admin', 'party'];
}

/** Real numbers of each form, from the seeds and the notes; a pattern from the kind otherwise. */
function example(form: Form, kind: DocumentKind): string {
    const abbr = STATE_TYPES[kind]?.[0] ?? PARTY_TYPES[kind]?.[0] ?? 'QĐ';
    switch (form) {
        case 'normative':
            return ({
                'circular': '15/2010/TT-BCA',
                'joint-circular': '10/2013/TTLT-BTP-BCA-TANDTC-VKSNDTC-BTC',
                'resolution': '101/2013/NQ-HĐND',
                'decision': '03/2014/QĐ-UBND',
                'ordinance': '44/2002/PL-UBTVQH10',
            } as Partial<Record<DocumentKind, string>>)[kind] ?? '208/2013/NĐ-CP';
        case 'assembly':
            return kind === 'law' ? '83/2015/QH13' : '96/2019/QH14';
        case 'letter':
            return '3833/SYT-VP';
        case 'party':
            return ({
                'directive': '46-CT/TW', 'resolution': '04-NQ/TU', 'regulation': '181-QĐ/TW', 'conclusion': '45-KL/TW',
                'guidance': '36-HD/VPTW', 'letter': '15-CV/TU',
            } as Partial<Record<DocumentKind, string>>)[kind] ?? `01-${PARTY_TYPES[kind]?.[0] ?? abbr}/TU`;
        case 'admin':
            return ({
                'decision': '1073/QĐ-UBND', 'directive': '39/CT-TTg', 'plan': '7488/KH-UBND', 'submission': '135/TTr-CAT-PV01',
            } as Partial<Record<DocumentKind, string>>)[kind] ?? `01/${abbr}-UBND`;
    }
}

/** Without case and accents: "Qđ", "QD" and "QĐ" are all "QD". */
function fold(text: string): string {
    return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/gu, 'D').toUpperCase();
}

const FOLDED_TYPES = new Set([...Object.values(STATE_TYPES), ...Object.values(PARTY_TYPES)].flat().map(fold));

/** A type abbreviation with the wrong case or without its accent ("Qđ", "QD" for "QĐ"). */
function isMisspelledType(type: string): boolean {
    return FOLDED_TYPES.has(fold(type));
}

export default defineRule<Options>({
    meta: {
        id: 'document-number-format',
        category: 'documents',
        defaultSeverity: 'warning',
        description: 'Số ký hiệu văn bản không đúng dạng của loại văn bản / A document number does not follow the form for its kind',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                partyIssuers: {
                    type: 'array',
                    items: { type: 'string' },
                    default: [...DEFAULT_PARTY_ISSUERS],
                    description: 'Ký hiệu cơ quan Đảng: số "18/NQ-TW" của các cơ quan này là văn bản Đảng ghi theo kiểu nhà nước / Issuer abbreviations of Party bodies: a slash-form number ("18/NQ-TW") issued by one of them is a Party document written state-style',
                },
                extraTypes: {
                    type: 'array',
                    items: { type: 'string' },
                    default: [],
                    description: 'Ký hiệu loại văn bản được chấp nhận thêm (phân biệt hoa thường), ví dụ "KHPH" / Further type abbreviations to accept (case-sensitive), e.g. "KHPH"',
                },
            },
        },
        defaultOptions: { partyIssuers: [...DEFAULT_PARTY_ISSUERS], extraTypes: [] },
        recommended: true,
    },
    create(context) {
        const partyIssuers = new Set((context.options.partyIssuers ?? DEFAULT_PARTY_ISSUERS).map(s => s.normalize('NFC')));
        const extraTypes = new Set((context.options.extraTypes ?? []).map(s => s.normalize('NFC')));
        return {
            Document: check,
            Plan: check,
            // Number-symbols cited in prose ("… Nghị định số 78/2021/NĐ -CP …"), at their place in the text.
            '*': checkProse,
        };

        function check(node: Document | Plan): void {
            const text = node.number;
            const kind = kindOf(node);
            if (text === undefined || !kind) {
                return;
            }
            const problem = numberProblem(text, kind, kindLabel(node), ownYear(node), true);
            if (problem) {
                const range = lastPropertyRange(node, 'number');
                context.report({ node, range, message: problem.message, fixes: () => fixesOf(problem, range, quote) });
            }
        }

        /** The corrected number as a fix, when the rule knows it (see `Problem`). */
        function fixesOf(problem: Problem, range: Range | undefined, write: (number: string) => string): Fix[] | undefined {
            if (problem.suggestion === undefined || !range) {
                return undefined;
            }
            return [{
                title: `Sửa số ký hiệu thành "${problem.suggestion}" / Correct the number to "${problem.suggestion}"`,
                edits: [{ range, newText: write(problem.suggestion) }],
                ...(problem.preferred ? { preferred: true } : {}),
            }];
        }

        function checkProse(node: AstNode): void {
            for (const prose of proseTextsOf(node)) {
                let map: StringMap | undefined | null = null;
                for (const found of findNumbers(prose.text)) {
                    // The kind named before the number, else none: then only the blanks and the Party form
                    // (which its issuer shows) can be judged.
                    const kind = found.kind;
                    const problem = found.malformed
                        ? numberProblem(found.printed, kind ?? 'plan', kind ? documentKindLabel[kind] : 'Văn bản', found.date?.year, kind !== undefined)
                        : kind ? numberProblem(found.compact, kind, documentKindLabel[kind], found.date?.year, true) : partyProblem(found.compact);
                    if (!problem) {
                        continue;
                    }
                    if (map === null) {
                        map = StringMap.of(context.document, node, prose.property);
                    }
                    const range = map?.range(found.start, found.end);
                    // Prose is verbatim: a fix only joins a number the print split with a blank, or writes a
                    // Party number in the Party form, when that is all that is wrong, and only where the
                    // source is exactly the number as printed (a line break inside it counts as the blank
                    // it reads as).
                    const source = range ? context.document.textDocument.getText(range).replace(/[ \t]*\r?\n\s*/g, ' ').normalize('NFC') : undefined;
                    const typographic = ((found.malformed && problem.suggestion === found.compact) || problem.party === true) && source === found.printed;
                    context.report({
                        node,
                        range: range ?? propertyNode(node.$cstNode, prose.property)?.range,
                        message: problem.message,
                        fixes: () => (typographic ? fixesOf(problem, range, n => n) : undefined),
                    });
                }
            }
        }

        /**
         * A Party document's number printed state-style ("27/NQ-TW"): its Party form, "27-NQ/TW". The
         * issuer ("TW", "TU", …) alone shows it, so this is judged whatever kind the text names.
         */
        function partyProblem(text: string): Problem | undefined {
            const suggestion = partyFormOf(text, partyIssuers);
            if (!suggestion) {
                return undefined;
            }
            const issuer = suggestion.slice(suggestion.indexOf('/') + 1).split('-')[0];
            return {
                message: `Văn bản của Đảng (cơ quan ban hành "${issuer}") ghi số theo dạng ${FORM_NAMES.party.vi}: "${suggestion}", không phải "${text}" / A Party document (issuer "${issuer}") is numbered ${FORM_NAMES.party.en}: "${suggestion}", not "${text}"`,
                suggestion,
                preferred: true,
                party: true,
            };
        }

        /**
         * What is wrong with a number of a text of this kind, and the number corrected when the rule
         * knows it. `formKnown`: the kind is known, so the form is judged too (in prose, only the
         * blanks are when no kind is named before the number).
         */
        function numberProblem(text: string, kind: DocumentKind, label: string, year: number | undefined, formKnown: boolean): Problem | undefined {
            const en = kindEnglish(kind);
            if (hasBlank(text)) {
                const joined = text.replace(/\s+/gu, '');
                // Joined, the number may have a further problem: the message names both and the fix
                // corrects both, or it is not offered. Without the kind only the Party form is judged.
                const rest = formKnown ? numberProblem(joined, kind, label, year, true) : partyProblem(joined);
                const vi = `Số ký hiệu "${text}" có khoảng trắng: các phần viết liền`;
                const english = `The number "${text}" contains a blank: its parts are written without spaces`;
                if (!rest) {
                    return { message: `${vi}, "${joined}" / ${english}, "${joined}"`, suggestion: joined, preferred: true };
                }
                const [restVi, restEn] = splitMessage(rest.message);
                return { ...rest, message: `${vi}; ${lowerFirst(restVi)} / ${english}; ${lowerFirst(restEn)}` };
            }
            const symbol = parseNumberSymbol(text);
            const allowed = allowedForms(kind);
            const generic = () => {
                const vi = allowed.map(f => `${FORM_NAMES[f].vi} (ví dụ "${example(f, kind)}")`).join(' hoặc ');
                const english = allowed.map(f => `${FORM_NAMES[f].en} (e.g. "${example(f, kind)}")`).join(' or ');
                return { message: `Số ký hiệu "${text}" không đúng dạng của ${label}: cần ${vi} / The number "${text}" does not have the form of a ${en}: expected ${english}` };
            };
            const partyStyle = () => partyProblem(text);
            switch (symbol.form) {
                case 'unreadable':
                    return generic();
                case 'party':
                    return allowed.includes('party') ? undefined : generic();
                case 'assembly':
                    if (allowed.includes('assembly')) {
                        return undefined;
                    }
                    // A National Assembly number on another kind: the kind may as well be wrong, no fix.
                    return allowed.includes('normative') ? generic() : { message: extraYear(`${symbol.number}/${symbol.body}`).message };
                case 'normative': {
                    const groups = symbol.groups;
                    if (allowed.includes('party') && groups.length >= 2 && partyIssuers.has(groups[1]) && looksLikeType(groups[0])) {
                        return partyStyle();
                    }
                    if (!allowed.includes('normative')) {
                        return allowed.includes('assembly') ? generic() : extraYear(`${symbol.number}/${groups.join('-')}`);
                    }
                    if (groups.length < 2) {
                        return generic();
                    }
                    return typeProblem(groups[0], `${symbol.number}/${symbol.year}/`, groups.slice(1), 'normative');
                }
                case 'slash': {
                    const groups = symbol.groups;
                    if (allowed.includes('party') && groups.length >= 2 && partyIssuers.has(groups[1]) && looksLikeType(groups[0])) {
                        return partyStyle();
                    }
                    if (kind === 'letter') {
                        if (groups[0] === 'CV') {
                            const corrected = groups.length > 1 ? `${symbol.number}/${groups.slice(1).join('-')}` : undefined;
                            const suggestion = `"${corrected ?? example('letter', kind)}"`;
                            return {
                                message: `Công văn không có ký hiệu loại: "CV" không hợp lệ trong số "${text}", ghi ${FORM_NAMES.letter.vi}, ví dụ ${suggestion} / A letter (công văn) has no type: "CV" is not valid in "${text}"; write ${FORM_NAMES.letter.en}, e.g. ${suggestion}`,
                                suggestion: corrected,
                            };
                        }
                        return undefined;
                    }
                    if (allowed.includes('admin')) {
                        if (!STATE_TYPES[kind]) {
                            return undefined; // no type abbreviation for this kind (chiến lược)
                        }
                        if (groups.length < 2) {
                            return { message: `Số ký hiệu "${text}" thiếu ký hiệu loại văn bản hoặc cơ quan ban hành: ${label} ghi ${FORM_NAMES.admin.vi}, ví dụ "${example('admin', kind)}" / The number "${text}" lacks the type or the issuer: a ${en} is numbered ${FORM_NAMES.admin.en}, e.g. "${example('admin', kind)}"` };
                        }
                        return typeProblem(groups[0], `${symbol.number}/`, groups.slice(1), 'admin');
                    }
                    if (NORMATIVE_KINDS.has(kind)) {
                        const suggestion = `${symbol.number}/${year ?? 'YYYY'}/${groups.join('-')}`;
                        return {
                            message: `${label} là văn bản quy phạm pháp luật: số "${text}" thiếu năm ban hành, ghi ${FORM_NAMES.normative.vi}, ví dụ "${suggestion}" / A ${en} is a normative document: the number "${text}" lacks its year; write ${FORM_NAMES.normative.en}, e.g. "${suggestion}"`,
                            // The year of the number is the year the text was issued: known from its date only.
                            suggestion: year !== undefined ? suggestion : undefined,
                        };
                    }
                    return generic();
                }
            }

            function extraYear(suggestion: string): Problem {
                return {
                    message: `${label} không phải văn bản quy phạm pháp luật: số "${text}" không ghi năm, ví dụ "${suggestion}" / A ${en} is not a normative document: its number "${text}" carries no year, e.g. "${suggestion}"`,
                    suggestion,
                };
            }

            function typeProblem(type: string, before: string, after: string[], form: Form): Problem | undefined {
                const own = STATE_TYPES[kind] ?? [];
                if (own.length === 0 || isKnownStateType(type) || extraTypes.has(type) || own.some(a => type.startsWith(a))) {
                    return undefined;
                }
                if (type === 'CV') {
                    const suggestion = `${before}${own[0]}-${after.join('-')}`;
                    return {
                        message: `"CV" không phải ký hiệu loại văn bản (công văn không có ký hiệu loại): ${label} dùng "${own[0]}", ví dụ "${suggestion}" / "CV" is not a type abbreviation (a letter has no type): a ${en} uses "${own[0]}", e.g. "${suggestion}"`,
                        suggestion,
                    };
                }
                if (isMisspelledType(type)) {
                    // The kind's own type written in another case or without its accent ("QD", "Qđ" for
                    // "QĐ") is certainly that type; the type of another kind may mean the kind is wrong.
                    const same = own.find(a => fold(a) === fold(type));
                    const right = same ?? own[0];
                    const suggestion = `${before}${right}-${after.join('-')}`;
                    return {
                        message: `"${type}" trong số "${text}" không phải ký hiệu loại văn bản (phân biệt chữ hoa, chữ thường, có dấu): ${label} dùng "${right}", ví dụ "${suggestion}" / "${type}" in "${text}" is not a document type abbreviation (they are case- and accent-sensitive): a ${en} uses "${right}", e.g. "${suggestion}"`,
                        suggestion,
                        preferred: same !== undefined,
                    };
                }
                // An issuer where the type should be ("12/UBND-VX" for a decision): the type is missing.
                const suggestion = `${before}${own[0]}-${[type, ...after].join('-')}`;
                return {
                    message: `Số ký hiệu "${text}" thiếu ký hiệu loại văn bản: ${label} ghi ${FORM_NAMES[form].vi}, ví dụ "${suggestion}" / The number "${text}" lacks the type: a ${en} is numbered ${FORM_NAMES[form].en}, e.g. "${suggestion}"`,
                    suggestion,
                };
            }
        }
    },
});

/** A bilingual message's two halves ("… / …"). */
function splitMessage(message: string): [string, string] {
    const at = message.indexOf(' / ');
    return at < 0 ? [message, message] : [message.slice(0, at), message.slice(at + 3)];
}

function lowerFirst(text: string): string {
    return text.charAt(0).toLowerCase() + text.slice(1);
}
