import type { AstNode } from 'langium';
import { isDocument } from '../language/generated/ast.js';
import { namespaceOf } from '../language/planspec-scope.js';
import { StringMap } from '../language/string-map.js';
import { defineRule, noOptions } from '../linter/rule.js';
import { proseTextsOf } from '../semantics/citations.js';
import type { NearMiss } from '../semantics/names.js';
import { knownNames, nearMissNames } from '../semantics/names.js';

export default defineRule({
    meta: {
        id: 'misspelled-name',
        category: 'drafting',
        defaultSeverity: 'warning',
        description: 'Tên cơ quan hoặc văn bản trong lời văn viết gần đúng nhưng sai tên chính thức / A body or document named in the text with a near miss of its official name',
        ...noOptions,
        recommended: true,
    },
    create(context) {
        const index = knownNames(context.services, context.document);
        return {
            '*'(node: AstNode) {
                for (const prose of proseTextsOf(node)) {
                    const misses = nearMissNames(prose.text, index, namespaceOf(node));
                    if (misses.length === 0) {
                        continue;
                    }
                    const map = StringMap.of(context.document, node, prose.property);
                    for (const miss of misses) {
                        // Only where the place in the source is known: a finding on the whole paragraph would not say which words.
                        const range = map?.range(miss.start, miss.end);
                        if (!range) {
                            continue;
                        }
                        const written = prose.text.normalize('NFC').slice(miss.start, miss.end);
                        context.report({
                            node, range,
                            message: message(written, miss),
                            // The text's own case and words kept: only the word left out or misspelt is put right.
                            fixes: () => [{
                                title: `Viết đúng tên: "${miss.corrected}" / Write the name right: "${miss.corrected}"`,
                                edits: [{ range, newText: miss.corrected }],
                            }],
                        });
                    }
                }
            },
        };
    },
});

function message(written: string, miss: NearMiss): string {
    const name = miss.name;
    const id = name.node.name ? ` (${name.node.name})` : '';
    const what = isDocument(name.node) ? { vi: 'tên văn bản', en: 'the title' } : { vi: 'tên', en: 'the name' };
    const why = miss.wrong !== undefined
        ? { vi: `"${miss.wrong}" thay cho "${miss.right}"`, en: `"${miss.wrong}" for "${miss.right}"` }
        : { vi: `thiếu chữ "${miss.right}"`, en: `"${miss.right}" is missing` };
    return `"${written}" gần giống ${what.vi} "${name.text}"${id} nhưng ${why.vi}: viết đúng tên chính thức / ` +
        `"${written}" nearly matches ${what.en} "${name.text}"${id} but ${why.en}: write the official name`;
}
