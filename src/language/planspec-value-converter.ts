import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, ValueConverter } from 'langium';

/**
 * Names and text are compared after NFC normalization, so every identifier, qualified name and
 * string is normalized once here; the AST (and everything compiled from it) then holds NFC text only.
 * Time values written in words ("16 tháng 6 năm 2025", "IV/2025") are normalized to the short
 * numeric form ("16/6/2025", "4/2025"); the source text stays in the CST.
 */
export class PlanspecValueConverter extends DefaultValueConverter {

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                // A long paragraph may be wrapped over several lines; the break and the indentation
                // of the next line are one space of the text.
                return convertString(input);
            case 'ID':
            case 'QualifiedName':
                return input.normalize('NFC');
            case 'NUMBER':
                return convertNumber(input);
            case 'DateValue':
            case 'DayValue':
                return dayValue(cstNode.text);
            case 'MonthValue':
                return monthValue(cstNode.text);
            case 'QuarterValue':
                return quarterValue(cstNode.text);
            case 'Unit':
                return cstNode.text.normalize('NFC').replace(/\s+/g, ' ').replace(/\s*\/\s*/g, '/').trim();
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}

/**
 * A string literal's text: Langium's conversion, which builds the text a character at a time, only
 * when there is an escape to read (allocation of every paragraph's text showed among the costliest
 * of a check); a line break and the indentation after it are read as one space.
 */
function convertString(input: string): string {
    const text = input.includes('\\') ? ValueConverter.convertString(input) : input.slice(1, -1);
    return (text.includes('\n') ? text.replace(/[ \t]*\r?\n\s*/g, ' ') : text).normalize('NFC');
}

/**
 * Vietnamese numbers: a comma before decimals ("2,1"), dots between groups of thousands ("1.000",
 * "500.000.000"). A single dot not followed by exactly three digits is a decimal point ("2.5").
 */
export function convertNumber(text: string): number {
    if (/^\d{1,3}(?:\.\d{3})+(?:,\d+)?$/.test(text)) {
        return Number(text.replace(/\./g, '').replace(',', '.'));
    }
    if (/^\d+[.,]\d+$/.test(text)) {
        return Number(text.replace(',', '.'));
    }
    // Anything else ("1,2,3") is not a number the grammar means; NaN lets the rules report it.
    return /^\d+$/.test(text) ? Number(text) : NaN;
}

const LONG_DATE = /^(\d+)\s*(?:tháng|month)\s*(\d+)(?:\s*(?:năm|year)\s*(\d+))?$/iu;

/** "16 tháng 6 năm 2025" → "16/6/2025", "15 tháng 11" → "15/11"; short forms are kept. */
export function dayValue(text: string): string {
    const compact = text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const m = LONG_DATE.exec(compact);
    if (m) {
        return m[3] !== undefined ? `${Number(m[1])}/${Number(m[2])}/${Number(m[3])}` : `${Number(m[1])}/${Number(m[2])}`;
    }
    return compact;
}

/** "11/2025", "12-2025", "11 năm 2025" → "11/2025". */
export function monthValue(text: string): string {
    const compact = text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const m = /^(\d{1,2})\s*(?:[/-]|năm|year)\s*(\d+)$/iu.exec(compact);
    return m ? `${Number(m[1])}/${Number(m[2])}` : compact;
}

const ROMAN: Record<string, number> = { I: 1, II: 2, III: 3, IV: 4 };

/** "IV/2025", "IV-2025", "4/2025", "IV năm 2025" → "4/2025"; an unknown quarter keeps its text. */
export function quarterValue(text: string): string {
    const compact = text.normalize('NFC').replace(/\s+/g, ' ').trim();
    const m = /^([IVX]+|\d+)\s*(?:[/-]|năm|year)\s*(\d+)$/iu.exec(compact);
    if (!m) {
        return compact;
    }
    const q = /^\d+$/.test(m[1]) ? Number(m[1]) : ROMAN[m[1].toUpperCase()];
    return q !== undefined ? `${q}/${Number(m[2])}` : compact;
}
