import type { CstNode, GrammarAST, ValueType } from 'langium';
import { DefaultValueConverter, ValueConverter } from 'langium';

/**
 * Names and text are compared after NFC normalization, so every identifier, qualified name and
 * string is normalized once here; the AST (and everything compiled from it) then holds NFC text only.
 */
export class PlanspecValueConverter extends DefaultValueConverter {

    protected override runConverter(rule: GrammarAST.AbstractRule, input: string, cstNode: CstNode): ValueType {
        switch (rule.name) {
            case 'STRING':
                // A long paragraph may be wrapped over several lines; the break and the indentation
                // of the next line are one space of the text.
                return ValueConverter.convertString(input).replace(/[ \t]*\r?\n\s*/g, ' ').normalize('NFC');
            case 'ID':
            case 'QualifiedName':
                return input.normalize('NFC');
            case 'NUMBER':
                // Vietnamese writes decimals with a comma: "2,5%".
                return Number(input.replace(',', '.'));
            default:
                return super.runConverter(rule, input, cstNode);
        }
    }
}
