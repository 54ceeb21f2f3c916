import type { LangiumDocument } from 'langium';
import type { Position } from 'vscode-languageserver';
import type { Loaded } from '../helpers.js';
import { exampleFiles, load, services } from '../helpers.js';

/**
 * A small Vĩnh Phúc workspace for the editor features: bodies (an alias, a parent, an independent
 * body, a group), documents (a decision approving a scheme, a law taking effect on a date), and a
 * plan issued with a decision (so its date is the decision's), with a period, a heading addressed
 * to a body, nested tasks, a target, a recurring report and prose citing documents by number.
 */
export const REGISTRY = `phạm vi VinhPhuc "Tỉnh Vĩnh Phúc"
/** Cơ quan thường trực phòng, chống tội phạm. */
cơ quan CA_TINH "Công an tỉnh Vĩnh Phúc" viết tắt "Công an tỉnh" thuộc UBND_TINH
cơ quan UBND_TINH "Ủy ban nhân dân tỉnh Vĩnh Phúc" viết tắt "UBND tỉnh"
cơ quan STP "Sở Tư pháp tỉnh Vĩnh Phúc" viết tắt "Sở Tư pháp" thuộc UBND_TINH
cơ quan MTTQ_TINH "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Vĩnh Phúc" độc lập
nhóm SO_NGANH "Các sở, ban, ngành tỉnh" thuộc UBND_TINH gồm STP, CA_TINH
`;

export const NATIONAL = `cơ quan TTG "Thủ tướng Chính phủ"
văn bản CT_39 chỉ thị số "39/CT-TTg" ngày 24/10/2017 của TTG "về tăng cường công tác phòng ngừa"
văn bản DE_AN đề án "Đề án phòng ngừa tội phạm"
văn bản QD_PD quyết định số "12/QĐ-TTg" ngày 05/01/2018 của TTG phê duyệt DE_AN "Phê duyệt Đề án"
văn bản LUAT_X luật số "73/2021/QH14" ngày 30/3/2021 "Luật Phòng, chống ma túy" có hiệu lực từ ngày 01/01/2022
`;

/** The plan; ⟦⟧ marks the places the tests hover, in order (numbered in the comments of the tests). */
export const PLAN = `phạm vi VinhPhuc
văn bản QD_BH quyết định số "100/QĐ-UBND" ngày ⟦⟧15/3/2018 của UBND_TINH "Ban hành Kế hoạch" có hiệu lực kể từ ngày ký
kế hoạch KH "Kế hoạch thử" {
    của UBND_TINH  ban hành kèm theo ⟦⟧QD_BH
    thời gian từ ⟦⟧nay đến năm 2020
    thực hiện ⟦⟧CT_39
    "Thực hiện Chỉ thị số 3⟦⟧9/CT-TTg ngày 24/10/2017 và Công văn số 9⟦⟧9/BCA-V01 ngày 01/02/2018, ⟦⟧tiếp tục."
    phần "II" "NHIỆM VỤ" {
        phần "1" "Sở Tư pháp:" giao STP {
            [a)] ⟦⟧nhiệm vụ "Rà soát văn bản" { phối hợp CA_TINH  hạn quý ⟦⟧IV/2018 }
        }
        nhiệm vụ NV1 "Tuyên truyền" {
            ⟦⟧chủ trì ⟦⟧SO_NGANH  phối hợp ⟦⟧CA_TINH  đồng thời đề nghị ⟦⟧MTTQ_TINH
            thường xuyên
            nhiệm vụ ⟦⟧NV1_1 "Tuyên truyền ở cơ sở" { trước ngày ⟦⟧20/7/2019 }
            chỉ tiêu ⟦⟧CT_A "Tỷ lệ tin báo được giải quyết" phấn đấu ít nhất 90% hằng năm đến năm 2020
        }
        nhiệm vụ NV2 "Khi Luật có hiệu lực" { chủ trì CA_TINH  sau khi ⟦⟧LUAT_X có hiệu lực  hạn ⟦⟧31/12/2021 }
        ⟦⟧báo cáo BC "Báo cáo kết quả" { từ SO_NGANH  gửi UBND_TINH  qua CA_TINH  trước ngày ⟦⟧20/7  ⟦⟧hằng năm }
    }
}
`;

export function workspace(transform: (text: string) => string = t => t): Record<string, string> {
    return { 'plan.plan': transform(PLAN), 'registry.plan': transform(REGISTRY), 'national.plan': transform(NATIONAL) };
}

/** Every file of examples/ (one workspace), with `first` first. */
export const examples = exampleFiles;

/** The position just inside the `nth` occurrence of `needle` (plus `shift` characters). */
export function positionOf(document: LangiumDocument, needle: string, nth = 0, shift = 1): Position {
    const text = document.textDocument.getText();
    let at = -1;
    for (let i = 0; i <= nth; i++) {
        at = text.indexOf(needle, at + 1);
        if (at < 0) {
            throw new Error(`"${needle}" (${nth}) is not in the file`);
        }
    }
    return document.textDocument.positionAt(at + shift);
}

/** The hover text at a position, or undefined when there is none. */
export async function hoverAt(document: LangiumDocument, position: Position): Promise<string | undefined> {
    const hover = await services.lsp.HoverProvider!.getHoverContent(document, { textDocument: { uri: document.uri.toString() }, position });
    if (!hover) {
        return undefined;
    }
    const contents = hover.contents;
    return typeof contents === 'object' && 'value' in contents ? contents.value : JSON.stringify(contents);
}

/** The hover text at the `i`th marked place of the first file. */
export async function hoverMarked(loaded: Loaded, i: number): Promise<string> {
    const text = await hoverAt(loaded.main, loaded.marked[i].start);
    if (text === undefined) {
        throw new Error(`no hover at marker ${i}`);
    }
    return text;
}

export { load };
