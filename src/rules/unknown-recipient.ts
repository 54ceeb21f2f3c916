import type { Document, Plan } from '../language/generated/ast.js';
import { isDocument } from '../language/generated/ast.js';
import { namespaceOf } from '../language/planspec-scope.js';
import { defineRule } from '../linter/rule.js';
import { idAsSeenFrom, workspaceParties } from '../semantics/parties.js';
import { conventionalRecipient, recipientCore } from '../semantics/recipients.js';
import { nameKey } from '../semantics/responsibility.js';

interface Options {
    conventional: boolean;
    allow: string[];
}

export default defineRule<Options>({
    meta: {
        id: 'unknown-recipient',
        category: 'responsibility',
        defaultSeverity: 'info',
        description: 'Nơi nhận ghi bằng chữ, không phải mã cơ quan đã khai báo / A recipient written as free text instead of a declared body',
        optionsSchema: {
            type: 'object',
            additionalProperties: false,
            properties: {
                conventional: {
                    type: 'boolean',
                    default: true,
                    description: 'Bỏ qua các dòng quy ước của văn phòng: lưu trữ, "Như trên", người giữ chức vụ ("Chủ tịch, các PCT UBND tỉnh", "Chánh VP, PCVP"), nơi đăng tải ("Website", "Cổng TTĐT") / Leave the office\'s conventional lines alone: archive, "as above", office-holders, places of publication',
                },
                allow: {
                    type: 'array',
                    items: { type: 'string' },
                    default: [],
                    description: 'Biểu thức chính quy cho các dòng khác không phải cơ quan / Regular expressions for other lines that are not bodies',
                },
            },
        },
        defaultOptions: { conventional: true, allow: [] },
        recommended: true,
    },
    create(context) {
        const allow = compile(context.options.allow ?? []);
        const conventional = context.options.conventional !== false;
        return {
            Plan: check,
            Document: check,
        };

        function check(owner: Plan | Document): void {
            const namespace = namespaceOf(owner);
            [...owner.recipients, ...(isDocument(owner) ? owner.addressees : [])].forEach(recipient => {
                const text = recipient.text;
                // A body, an office-internal line, or a line whose bodies are named in parentheses.
                if (recipient.party || text === undefined || recipient.internal || recipient.parties.length > 0 || recipient.asAbove) {
                    return;
                }
                const shown = text.normalize('NFC').replace(/\s+/g, ' ').trim();
                if (shown === '' || allow.some(re => re.test(shown))) {
                    return;
                }
                // A declared body is named by its id even on an office line; the line's purpose
                // ("Công an tỉnh (b/c)") is not part of the name.
                const byName = workspaceParties(context.services, context.document).byName;
                const matches = byName.get(nameKey(text)) ?? byName.get(nameKey(recipientCore(text))) ?? [];
                if (matches.length === 0 && conventional && conventionalRecipient(text) !== undefined) {
                    return;
                }
                // Prefer bodies of this file's namespace, then national ones, then any other.
                const tiers = [
                    matches.filter(m => m.namespace !== undefined && m.namespace === namespace),
                    matches.filter(m => m.namespace === undefined),
                    matches,
                ];
                const best = tiers.find(t => t.length > 0) ?? [];
                const ids = [...new Set(best.map(m => idAsSeenFrom(m, namespace)))];
                const message = ids.length > 0
                    ? `Nơi nhận "${shown}" là cơ quan đã khai báo: dùng mã ${ids.join(' hoặc ')} / The recipient "${shown}" is a declared body: use ${ids.join(' or ')}`
                    : `Nơi nhận "${shown}" không phải cơ quan đã khai báo, không theo dõi được: khai báo cơ quan (hoặc nhóm) và dùng mã của nó / The recipient "${shown}" is free text that no tracking can follow: declare the agency (or group) and use its id`;
                context.report({ node: recipient, property: 'text', message });
            });
        }
    },
});

function compile(patterns: unknown): RegExp[] {
    const result: RegExp[] = [];
    if (!Array.isArray(patterns)) {
        return result;
    }
    for (const pattern of patterns) {
        if (typeof pattern !== 'string') {
            continue;
        }
        try {
            result.push(new RegExp(unicodeBoundaries(pattern.normalize('NFC')), 'iu'));
        } catch {
            // An invalid pattern is skipped: it allows nothing.
        }
    }
    return result;
}

const WORD = '[\\p{L}\\p{M}\\p{N}_]';
const BOUNDARY = `(?:(?<=${WORD})(?!${WORD})|(?<!${WORD})(?=${WORD}))`;

/** `\b` in a JavaScript pattern only knows ASCII letters ("Như\b" would never match); make it Unicode-aware. */
function unicodeBoundaries(pattern: string): string {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
        const ch = pattern[i];
        if (ch === '\\' && i + 1 < pattern.length) {
            const next = pattern[i + 1];
            out += !inClass && next === 'b' ? BOUNDARY : ch + next;
            i++;
        } else {
            if (ch === '[') {
                inClass = true;
            } else if (ch === ']') {
                inClass = false;
            }
            out += ch;
        }
    }
    return out;
}
