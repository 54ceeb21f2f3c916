// `npm run bench:corpus -- [--out DIR] [--shapes a,b,c] [--plans N] [--seed S] [--plan-lines L]
//                         [--big-lines L] [--b-lines L] [--workspaces W] [--quiet]`
//
// Writes realistic benchmark workspaces shaped like examples/, deterministically from the seed:
//   a/  one workspace: national registry, a provincial registry (bodies, groups, documents) and
//       N plans of ~L lines (default 1,000 × ~300) plus one big plan kh-lon.plan (default 5,000 lines);
//   b/  one workspace with a registry and one plan of ~20,000 lines;
//   c/  W workspaces (default 10), one per invented province with its own namespace and registry,
//       of N plans each.
// Prose is taken from the examples' plans, cut into sentences, recombined and re-spun (synonyms,
// numbers, dates, bodies), so a big plan is not one text repeated. Plans cite registry documents by
// number in their prose and in `căn cứ`, and implement earlier plans (`thực hiện KH_…`). They get the
// warnings real plans get (a task with no deadline, a relative target without baseline, a directed
// body outside the issuer's authority …) and no errors. Plain Node ESM: it runs without a build.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const EXAMPLES = path.join(ROOT, 'examples');

// ------------------------------------------------------------------------------------------------
// Deterministic randomness: one generator per (seed, purpose), so a plan's text depends only on the
// seed, its workspace and its number (5 plans are the first 5 of 1,000).

function hash(text) {
    let h = 2166136261;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 16777619);
    }
    return h >>> 0;
}

export function rng(seed, purpose) {
    let a = hash(`${seed}:${purpose}`) || 1;
    const next = () => {
        a = (a + 0x6D2B79F5) | 0;
        let t = Math.imul(a ^ (a >>> 15), 1 | a);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
    const pick = list => list[Math.floor(next() * list.length)];
    const chance = p => next() < p;
    const sample = (list, n) => {
        const copy = [...list];
        const out = [];
        while (out.length < n && copy.length > 0) out.push(copy.splice(Math.floor(next() * copy.length), 1)[0]);
        return out;
    };
    return { next, int, pick, chance, sample };
}

// ------------------------------------------------------------------------------------------------
// Material from the examples.

/** The string literals of a .plan file, raw (escapes kept, so they can be written back as they are). */
function stringLiterals(text) {
    return [...text.matchAll(/"((?:\\.|[^"\\])*)"/g)].map(m => m[1]);
}

const PROVINCE_NAMES = /Cà Mau|Vĩnh Phúc|Đồng Nai|Thái Bình|Biên Hòa/g;
// A sentence naming a document by number (its declaration would be missing), a placeholder or a
// seed's own body we do not declare is left out of the pool.
const UNWANTED = /\d+\s*\/\s*\d|\d+-[A-ZĐ]+\/|số \d|CẦN ĐIỀN|CẦN_ĐIỀN|\\n|Báo Vĩnh Phúc|Đoàn Đặc nhiệm|Vùng 4|TODO/;

function loadMaterial() {
    const planFiles = [];
    for (const entry of fs.readdirSync(EXAMPLES, { recursive: true })) {
        const file = String(entry);
        if (file.endsWith('.plan') && !file.startsWith('quoc-gia') && !file.endsWith('co-quan.plan')) planFiles.push(path.join(EXAMPLES, file));
    }
    planFiles.sort();
    const sentences = new Set();
    const targets = new Set();
    const headings = new Set();
    for (const file of planFiles) {
        const text = fs.readFileSync(file, 'utf8');
        for (const m of text.matchAll(/chỉ tiêu [A-Z0-9_]+ "((?:\\.|[^"\\])*)"/g)) {
            if (!UNWANTED.test(m[1]) && m[1].length < 160) targets.add(m[1]);
        }
        for (const m of text.matchAll(/phần "[^"]*" "((?:\\.|[^"\\])*)"/g)) {
            const h = m[1].replace(/:$/, '');
            if (h.length > 20 && h.length < 140 && !UNWANTED.test(h) && h !== h.toUpperCase()) headings.add(h);
        }
        for (const literal of stringLiterals(text)) {
            if (literal.length < 60) continue;
            for (const raw of literal.replace(PROVINCE_NAMES, '{P}').split(/(?<=[.;:])\s+/)) {
                const sentence = raw.trim().replace(/[;:,]$/, '.').replace(/\.\/\.$/, '.');
                if (sentence.length >= 50 && sentence.length <= 600 && /^[A-ZĐÂĂÊÔƠƯÁÀẢÃẠ]/u.test(sentence) && !UNWANTED.test(sentence) && balanced(sentence)) {
                    sentences.add(/[.!?…]$/.test(sentence) ? sentence : `${sentence}.`);
                }
            }
        }
    }
    return { sentences: [...sentences].sort(), targets: [...targets], headings: [...headings] };
}

/** Quotes and brackets closed within the sentence (a sentence cut from a longer one may not be). */
function balanced(sentence) {
    const open = (sentence.match(/“/g) ?? []).length;
    const close = (sentence.match(/”/g) ?? []).length;
    const escaped = (sentence.match(/\\"/g) ?? []).length;
    return open === close && escaped % 2 === 0 && (sentence.match(/\(/g) ?? []).length === (sentence.match(/\)/g) ?? []).length;
}

// Re-spinning: interchangeable words of administrative Vietnamese.
const SYNONYMS = [
    ['Tăng cường', 'Đẩy mạnh', 'Nâng cao hiệu quả'],
    ['tăng cường', 'đẩy mạnh', 'nâng cao chất lượng'],
    ['kịp thời', 'nhanh chóng', 'khẩn trương'],
    ['triển khai', 'tổ chức thực hiện', 'thực hiện'],
    ['thường xuyên', 'định kỳ', 'liên tục'],
    ['chặt chẽ', 'đồng bộ', 'hiệu quả'],
    ['nghiêm túc', 'quyết liệt', 'nghiêm minh'],
    ['tuyên truyền', 'phổ biến', 'vận động'],
    ['Chủ động', 'Tích cực', 'Kịp thời'],
    ['phòng ngừa', 'ngăn chặn', 'phòng, chống'],
    ['kiểm tra', 'giám sát', 'thanh tra'],
    ['địa bàn', 'khu vực', 'cơ sở'],
    ['nhân dân', 'người dân', 'cộng đồng dân cư'],
    ['hiệu lực, hiệu quả', 'chất lượng, hiệu quả', 'tính chủ động'],
];

function respin(sentence, r, province) {
    let text = sentence.replaceAll('{P}', province);
    for (const group of SYNONYMS) {
        for (const word of group) {
            if (text.includes(word) && r.chance(0.5)) {
                text = text.replace(word, r.pick(group));
                break;
            }
        }
    }
    // Vary the stated figures: another percentage, another count.
    return text.replace(/(\d{1,2})%/g, () => `${r.int(5, 99)}%`);
}

// ------------------------------------------------------------------------------------------------
// Provinces, bodies and documents.

const PROVINCES = [
    ['SonHa', 'Sơn Hà'], ['BinhGiang', 'Bình Giang'], ['AnLac', 'An Lạc'], ['PhuXuan', 'Phú Xuân'],
    ['LongThanh', 'Long Thạnh'], ['HoaMy', 'Hòa Mỹ'], ['TanPhong', 'Tân Phong'], ['ThuanAn', 'Thuận Ân'],
    ['DucTrong', 'Đức Trọng'], ['QuangLoc', 'Quảng Lộc'], ['NinhHai', 'Ninh Hải'], ['VinhXuong', 'Vĩnh Xương'],
];

/** Departments under UBND tỉnh: [id, name, short name]. */
const DEPARTMENTS = [
    ['CA_TINH', 'Công an tỉnh', 'Công an tỉnh'],
    ['SO_TP', 'Sở Tư pháp tỉnh', 'Sở Tư pháp'],
    ['SO_TC', 'Sở Tài chính tỉnh', 'Sở Tài chính'],
    ['SO_KHDT', 'Sở Kế hoạch và Đầu tư tỉnh', 'Sở Kế hoạch và Đầu tư'],
    ['SO_NV', 'Sở Nội vụ tỉnh', 'Sở Nội vụ'],
    ['SO_YT', 'Sở Y tế tỉnh', 'Sở Y tế'],
    ['SO_GDDT', 'Sở Giáo dục và Đào tạo tỉnh', 'Sở Giáo dục và Đào tạo'],
    ['SO_TTTT', 'Sở Thông tin và Truyền thông tỉnh', 'Sở Thông tin và Truyền thông'],
    ['SO_VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch tỉnh', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['SO_LDTBXH', 'Sở Lao động - Thương binh và Xã hội tỉnh', 'Sở Lao động - Thương binh và Xã hội'],
    ['SO_TNMT', 'Sở Tài nguyên và Môi trường tỉnh', 'Sở Tài nguyên và Môi trường'],
    ['SO_NNPTNT', 'Sở Nông nghiệp và Phát triển nông thôn tỉnh', 'Sở Nông nghiệp và Phát triển nông thôn'],
    ['SO_CT', 'Sở Công Thương tỉnh', 'Sở Công Thương'],
    ['SO_XD', 'Sở Xây dựng tỉnh', 'Sở Xây dựng'],
    ['SO_GTVT', 'Sở Giao thông vận tải tỉnh', 'Sở Giao thông vận tải'],
    ['TTR_TINH', 'Thanh tra tỉnh', 'Thanh tra tỉnh'],
];

const SURNAMES = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Võ', 'Đặng', 'Bùi', 'Đỗ', 'Huỳnh'];
const MIDDLE = ['Văn', 'Thị', 'Hữu', 'Minh', 'Quốc', 'Thanh', 'Đức'];
const GIVEN = ['Hùng', 'Lan', 'Quân', 'Dũng', 'Hòa', 'Tâm', 'Sơn', 'Hải', 'Phương', 'Trung'];

const TOPICS = [
    'phòng, chống tội phạm và vi phạm pháp luật', 'bảo đảm trật tự, an toàn giao thông', 'phòng, chống ma túy',
    'phòng, chống mua bán người', 'cải cách hành chính', 'phổ biến, giáo dục pháp luật', 'phòng cháy, chữa cháy',
    'phòng, chống tham nhũng', 'xây dựng phong trào toàn dân bảo vệ an ninh Tổ quốc', 'tái hòa nhập cộng đồng',
    'phòng, chống bạo lực gia đình', 'quản lý cư trú', 'bảo vệ môi trường', 'chuyển đổi số',
];

const pad = n => String(n).padStart(2, '0');
const date = (d, m, y) => `${pad(d)}/${pad(m)}/${y}`;

/** The provincial documents of a workspace's registry: plans, decisions, resolutions, directives. */
function provincialDocuments(seed, ns) {
    const r = rng(seed, `${ns}:documents`);
    const docs = [];
    const kinds = [
        ['kế hoạch', 'KH', n => `${n}/KH-UBND`, 'UBND_TINH', 'Kế hoạch', 'Ủy ban nhân dân tỉnh'],
        ['quyết định', 'QD', n => `${n}/QĐ-UBND`, 'CT_UBND', 'Quyết định', 'Chủ tịch Ủy ban nhân dân tỉnh'],
        ['chỉ thị', 'CT', n => `${n}/CT-UBND`, 'CT_UBND', 'Chỉ thị', 'Chủ tịch Ủy ban nhân dân tỉnh'],
        ['nghị quyết', 'NQ', (n, y) => `${n}/${y}/NQ-HĐND`, 'HDND_TINH', 'Nghị quyết', 'Hội đồng nhân dân tỉnh'],
    ];
    const used = new Set();
    for (let i = 0; i < 48; i++) {
        const [kind, prefix, number, issuer, label, issuerName] = kinds[i % kinds.length];
        const year = r.int(2016, 2021);
        let n = r.int(1, 3999);
        while (used.has(`${prefix}${n}${year}`)) n++;
        used.add(`${prefix}${n}${year}`);
        const day = r.int(1, 28), month = r.int(1, 12);
        docs.push({
            id: `${prefix}_${n}_${year}`, kind, number: number(n, year), date: date(day, month, year), year, issuer,
            summary: `về ${r.pick(TOPICS)} trên địa bàn tỉnh`, label, issuerName,
        });
    }
    return docs;
}

function registryText(ns, province, docs) {
    const lines = [`phạm vi ${ns} "Tỉnh ${province}"`, '',
        `// Cơ quan, nhóm và văn bản của tỉnh ${province} (bench corpus, generated by scripts/bench-corpus.mjs).`, '',
        `cơ quan UBND_TINH "Ủy ban nhân dân tỉnh ${province}" viết tắt "UBND tỉnh", "Ủy ban nhân dân tỉnh"`,
        `cơ quan CT_UBND "Chủ tịch Ủy ban nhân dân tỉnh ${province}" viết tắt "Chủ tịch UBND tỉnh" thuộc UBND_TINH`,
        `cơ quan TINH_UY "Tỉnh ủy ${province}" viết tắt "Tỉnh ủy" độc lập`,
        `cơ quan HDND_TINH "Hội đồng nhân dân tỉnh ${province}" viết tắt "HĐND tỉnh" độc lập`,
        ...DEPARTMENTS.map(([id, name, short]) => `cơ quan ${id} "${name} ${province}" viết tắt "${short}" thuộc UBND_TINH`),
        `nhóm SO_NGANH "Các sở, ban, ngành tỉnh ${province}" viết tắt "Các sở, ban, ngành tỉnh", "các sở, ngành" thuộc UBND_TINH gồm ${DEPARTMENTS.map(d => d[0]).join(', ')}`,
        `nhóm UBND_HUYEN "Ủy ban nhân dân các huyện, thị xã, thành phố tỉnh ${province}" viết tắt "UBND các huyện, thị xã, thành phố" thuộc UBND_TINH`,
        '',
        '// Ngoài thẩm quyền của UBND tỉnh (registry convention): the court, the procuracy, the armed forces, the Front.',
        `cơ quan BCH_QS_TINH "Bộ Chỉ huy Quân sự tỉnh ${province}" viết tắt "Bộ Chỉ huy Quân sự tỉnh" độc lập`,
        `cơ quan VKS_TINH "Viện kiểm sát nhân dân tỉnh ${province}" viết tắt "Viện kiểm sát nhân dân tỉnh" thuộc VKSNDTC`,
        `cơ quan TAND_TINH "Tòa án nhân dân tỉnh ${province}" viết tắt "Tòa án nhân dân tỉnh" thuộc TANDTC`,
        `cơ quan MTTQ_TINH "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${province}" viết tắt "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh" độc lập`,
        `nhóm TC_THANH_VIEN "Các tổ chức thành viên của Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh ${province}" viết tắt "các tổ chức thành viên" thuộc MTTQ_TINH`,
        '',
    ];
    for (const d of docs) {
        lines.push(`văn bản ${d.id} ${d.kind} số "${d.number}" ngày ${d.date} của ${d.issuer}`);
        lines.push(`    "${d.summary}"`);
    }
    return lines.join('\n') + '\n';
}

// National documents of examples/quoc-gia/van-ban.plan a plan may implement or cite.
// With the year they were issued: a plan implements only what was issued before it (basis-after-plan).
const NATIONAL = [['CT_39_2017', 2017], ['QD_1960_2017', 2017], ['CT_46_2015', 2015], ['QD_492_2016', 2016], ['ND_208_2013', 2013],
    ['CT_26_2016', 2016], ['QD_4170_2017', 2017], ['NQ_96_2019', 2019], ['QD_634_2020', 2020], ['CT_33_2018', 2018],
    ['ND_49_2020', 2020], ['CT_12_2019', 2019], ['ND_03_2019', 2019]];

// ------------------------------------------------------------------------------------------------
// A plan.

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI'];

/** kh-0042 → KH_0042, kh-lon → KH_LON. */
const planId = name => `KH_${name.replace(/^kh-/, '').toUpperCase().replace(/[^A-Z0-9]/g, '_')}`;

function planText(ctx, n, targetLines, name) {
    const { seed, ns, province, docs, material } = ctx;
    const r = rng(seed, `${ns}:plan:${name}`);
    const id = planId(name);
    // Plan n is dated 2n days after 01/01/2018 (2018–2023 for 1,000 plans), so that the plans it
    // implements, with smaller numbers, are earlier, whatever the number of plans generated.
    const issued = new Date(Date.UTC(2018, 0, 1) + (2 * n) * 86_400_000);
    const year = issued.getUTCFullYear();
    const endYear = year + r.int(1, 4);
    const paragraph = (min, max) => {
        const count = r.int(min, max);
        return Array.from({ length: count }, () => respin(r.pick(material.sentences), r, province)).join(' ');
    };
    const cite = () => {
        const d = r.pick(docs.filter(x => x.year < year));
        return `Thực hiện ${d.label} số ${d.number} ngày ${d.date} của ${d.issuerName} ${d.summary}.`;
    };
    const out = [];
    const line = (depth, text) => out.push('    '.repeat(depth) + text);
    line(0, `phạm vi ${ns} "Tỉnh ${province}"`);
    line(0, '');
    line(0, `// Bench corpus plan ${name} (seed ${seed}): sections, tasks and prose recombined from examples/.`);
    const topic = r.pick(TOPICS);
    line(0, `kế hoạch ${id} "TRIỂN KHAI CÔNG TÁC ${topic.toUpperCase()} GIAI ĐOẠN ${year} - ${endYear}" {`);
    line(1, `số "${r.int(1, 4999)}/KH-UBND"`);
    line(1, `ngày ${date(issued.getUTCDate(), issued.getUTCMonth() + 1, year)}`);
    line(1, `tại "${province}"`);
    line(1, 'của UBND_TINH');
    line(1, `thời gian từ năm ${year} đến năm ${endYear}`);
    const basis = r.sample(docs.filter(x => x.year < year), r.int(1, 3)).map(d => d.id);
    line(1, `căn cứ LUAT_TCCQDP_2015, ${basis.join(', ')}`);
    // Plans implement a national document, and a third of them an earlier plan of the workspace.
    const implemented = [r.pick(NATIONAL.filter(([, y]) => y < year))[0]];
    if (n > 1 && r.chance(0.33)) implemented.push(planId(ctx.planName(r.int(1, n - 1))));
    line(1, `thực hiện ${implemented.join(', ')}`);
    line(0, '');
    line(1, `"${cite()} ${paragraph(1, 2)}"`);
    line(0, '');
    line(1, `phần "I" "MỤC ĐÍCH, YÊU CẦU" {`);
    const objectives = r.int(2, 3);
    for (let i = 1; i <= objectives; i++) line(2, `[${i}.] mục tiêu "${paragraph(1, 2)}"`);
    line(2, `[${objectives + 1}.] "${paragraph(1, 3)}"`);
    line(1, '}');
    line(1, `phần "II" "CHỈ TIÊU CỤ THỂ" {`);
    const targetIds = [];
    for (let i = 1; i <= r.int(3, 6); i++) {
        line(2, `[-] "${paragraph(1, 2)}"`);
        const tid = `CT_${i}`;
        targetIds.push(tid);
        const text = r.pick(material.targets).replace(PROVINCE_NAMES, province);
        const form = r.int(0, 5);
        const value = [
            `phấn đấu đạt ${r.int(60, 99)}% đến năm ${endYear}`,
            `bảo đảm 100%`,
            `trên ${r.int(50, 95)}% đến năm ${endYear}`,
            `giảm ít nhất ${r.int(3, 10)}%`, // no baseline, as in the seeds: a warning
            `giảm ${r.int(3, 10)}% so với năm trước hằng năm`,
            `tăng so với năm trước`,
        ][form];
        line(2, `chỉ tiêu ${tid} "${text}" ${value}`);
    }
    line(1, '}');
    line(1, `phần "III" "NHIỆM VỤ VÀ GIẢI PHÁP" {`);
    let section = 0;
    const bodies = [...DEPARTMENTS];
    let task = 0;
    // Enough sections to reach the requested length (the fixed parts take ~45 lines).
    while (out.length < targetLines - 30) {
        section++;
        const [bid, , short] = bodies[(section - 1 + r.int(0, 3)) % bodies.length];
        line(2, `phần "${section}" "${short}" giao ${bid} {`);
        for (let t = 0, count = r.int(2, 5); t < count; t++) {
            task++;
            const others = r.sample(DEPARTMENTS.filter(d => d[0] !== bid), r.int(0, 3)).map(d => d[0]);
            line(3, `[-] nhiệm vụ NV_${task} "${paragraph(1, 4)}" {`);
            if (others.length > 0) line(4, `phối hợp ${others.join(', ')}`);
            const timing = r.int(0, 5);
            if (timing === 0) line(4, `hạn ${date(r.int(1, 28), r.int(1, 12), r.int(year + 1, endYear))}`);
            else if (timing === 1) line(4, 'thường xuyên');
            else if (timing === 2) line(4, `trong quý ${r.pick(ROMAN.slice(0, 4))}/${r.int(year + 1, endYear)}`);
            else if (timing === 3) line(4, 'hằng năm');
            // 4, 5: no timing, as many seed tasks: task-without-deadline
            if (r.chance(0.3)) line(4, `sản phẩm "Kế hoạch ${r.pick(TOPICS)} năm ${r.int(year, endYear)}"`);
            if (r.chance(0.2) && targetIds.length > 0) line(4, `phục vụ ${r.pick(targetIds)}`);
            if (r.chance(0.15)) line(4, `"${paragraph(1, 2)}"`);
            line(3, '}');
        }
        line(2, '}');
    }
    section++;
    line(2, `[${section}.] đề nghị NV_DN "Đề nghị Viện kiểm sát nhân dân tỉnh, Tòa án nhân dân tỉnh phối hợp chặt chẽ với Công an tỉnh trong công tác ${r.pick(TOPICS)}; ${paragraph(1, 1)}" {`);
    line(3, 'chủ trì VKS_TINH, TAND_TINH');
    line(3, 'phối hợp CA_TINH');
    line(2, '}');
    if (r.chance(0.2)) {
        // Directed outside the issuer's authority (as in the Cà Mau seed): outside-authority reports it.
        section++;
        line(2, `[${section}.] nhiệm vụ NV_QS "Bộ Chỉ huy Quân sự tỉnh phối hợp với Công an tỉnh thực hiện ${r.pick(TOPICS)}." {`);
        line(3, 'chủ trì BCH_QS_TINH');
        line(3, 'phối hợp CA_TINH');
        line(2, '}');
    }
    line(1, '}');
    line(1, `phần "IV" "TỔ CHỨC THỰC HIỆN" {`);
    line(2, `[1.] nhiệm vụ NV_TC1 "Căn cứ Kế hoạch này, các sở, ban, ngành tỉnh, Ủy ban nhân dân các huyện, thị xã, thành phố xây dựng kế hoạch triển khai thực hiện; định kỳ hằng năm báo cáo kết quả về Ủy ban nhân dân tỉnh (qua Công an tỉnh)." {`);
    line(3, 'chủ trì SO_NGANH, UBND_HUYEN theo chức năng');
    line(3, 'hằng năm');
    line(3, `báo cáo BC_NAM "Báo cáo kết quả thực hiện Kế hoạch" {`);
    line(4, 'từ SO_NGANH, UBND_HUYEN');
    line(4, 'gửi UBND_TINH');
    line(4, 'qua CA_TINH');
    if (r.chance(0.7)) line(4, `trước ngày ${r.int(1, 28)}/${r.int(9, 12)}`); // else report-without-due-date
    line(4, 'hằng năm');
    line(3, '}');
    line(2, '}');
    line(2, `[2.] kinh phí "Kinh phí thực hiện Kế hoạch này được bảo đảm từ nguồn ngân sách nhà nước theo phân cấp hiện hành và các nguồn huy động hợp pháp khác." {`);
    line(3, `nguồn "ngân sách tỉnh" ${r.int(100, 900)} triệu đồng năm ${year}`);
    line(3, 'nguồn "các nguồn huy động hợp pháp khác"');
    line(2, '}');
    line(2, `[3.] giao NV_TC3 "Giao Công an tỉnh chủ trì, phối hợp với các sở, ngành liên quan theo dõi, đôn đốc, kiểm tra việc thực hiện Kế hoạch này; tổng hợp, báo cáo Ủy ban nhân dân tỉnh theo quy định./." {`);
    line(3, 'chủ trì CA_TINH');
    line(3, 'phối hợp SO_NGANH');
    line(2, '}');
    line(1, '}');
    line(0, '');
    line(1, 'nơi nhận BCA, VPCP, "TTTU, HĐND tỉnh" (TINH_UY, HDND_TINH), SO_NGANH, UBND_HUYEN');
    line(1, `người ký "${r.pick(SURNAMES)} ${r.pick(MIDDLE)} ${r.pick(GIVEN)}" chức vụ "PHÓ CHỦ TỊCH" ký thay "CHỦ TỊCH"`);
    line(0, '}');
    return out.join('\n') + '\n';
}

// ------------------------------------------------------------------------------------------------
// Workspaces and shapes.

function writeFile(file, text, stats) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    stats.files++;
    stats.bytes += Buffer.byteLength(text);
    stats.lines += text.split('\n').length - 1;
}

/** A workspace's folder written afresh with its configuration, the national registries and the province's. */
function registries(dir, { seed, provinceIndex }) {
    const [ns, province] = PROVINCES[provinceIndex % PROVINCES.length];
    const folder = ns.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase();
    const stats = { files: 0, bytes: 0, lines: 0 };
    fs.rmSync(dir, { recursive: true, force: true });
    writeFile(path.join(dir, 'planspec.config.json'), '{\n  "extends": "planspec:recommended"\n}\n', stats);
    for (const file of ['co-quan.plan', 'van-ban.plan', 'chi-so.plan']) {
        writeFile(path.join(dir, 'quoc-gia', file), fs.readFileSync(path.join(EXAMPLES, 'quoc-gia', file), 'utf8'), stats);
    }
    const docs = provincialDocuments(seed, ns);
    writeFile(path.join(dir, folder, 'co-quan.plan'), registryText(ns, province, docs), stats);
    return { ns, province, folder, docs, stats };
}

function workspace(dir, { seed, material, provinceIndex, plans, planLines, bigLines }) {
    const { ns, province, folder, docs, stats } = registries(dir, { seed, provinceIndex });
    const planName = i => `kh-${String(i).padStart(4, '0')}`;
    const ctx = { seed, ns, province, docs, material, planName };
    for (let i = 1; i <= plans; i++) {
        writeFile(path.join(dir, folder, 'ke-hoach', `${planName(i)}.plan`), planText(ctx, i, planLines, planName(i)), stats);
    }
    let big;
    if (bigLines > 0) {
        big = path.join(dir, folder, 'ke-hoach', 'kh-lon.plan');
        writeFile(big, planText(ctx, plans + 1, bigLines, 'kh-lon'), stats);
    }
    return { dir, namespace: ns, province, big, ...stats };
}

/**
 * A workspace with one plan of `megabytes` MB whose paragraphs are near copies of one another: eight
 * paragraphs of the examples' prose, each copied over and over with one word changed, as a drafter
 * copies a paragraph and edits it. The case that made duplicate-text grow worse than linearly (5 MB
 * took 69 s, 50 MB more than 300 s).
 */
export function nearIdentical(dir, { megabytes, seed = 1 }) {
    const material = loadMaterial();
    const r = rng(seed, `near:${megabytes}`);
    const { ns, province, folder, stats } = registries(dir, { seed, provinceIndex: 0 });
    const originals = Array.from({ length: 8 }, () => Array.from({ length: r.int(3, 5) }, () => respin(r.pick(material.sentences), r, province)).join(' ').split(' '));
    const words = [...new Set(originals.flat().filter(w => /^[\p{Ll}]+$/u.test(w)))].sort();
    const out = [`phạm vi ${ns} "Tỉnh ${province}"`, '', `// Bench: a plan of ${megabytes} MB of near-identical paragraphs (seed ${seed}).`, 'kế hoạch KH_LAP "KẾ HOẠCH CÓ ĐOẠN VĂN GẦN TRÙNG NHAU" {', '    số "1/KH-UBND"', '    ngày 02/01/2020', '    của UBND_TINH', ''];
    let bytes = 0;
    for (let section = 1; bytes < megabytes * 1e6; section++) {
        out.push(`    phần "${section}" "Nội dung ${section}" {`);
        for (let i = 0; i < 20; i++) {
            const copy = [...r.pick(originals)];
            copy[r.int(1, copy.length - 2)] = r.pick(words);
            const line = `        [-] "${copy.join(' ')}"`;
            out.push(line);
            bytes += Buffer.byteLength(line) + 1;
        }
        out.push('    }');
    }
    out.push('}', '');
    const plan = path.join(dir, folder, 'kh-lap.plan');
    writeFile(plan, out.join('\n'), stats);
    return { dir, plan, ...stats };
}

export function generate({ out, shapes = ['a', 'b'], plans = 1000, seed = 1, planLines = 300, bigLines = 5000, bLines = 20000, workspaces = 10, log = () => {} }) {
    const material = loadMaterial();
    const manifest = { seed, plans, planLines, bigLines, bLines, workspaces, shapes: {} };
    for (const shape of shapes) {
        const started = Date.now();
        const dir = path.join(out, shape);
        let result;
        if (shape === 'a') {
            result = workspace(dir, { seed, material, provinceIndex: 0, plans, planLines, bigLines });
        } else if (shape === 'b') {
            result = workspace(dir, { seed, material, provinceIndex: 1, plans: 0, planLines, bigLines: bLines });
        } else if (shape === 'c') {
            fs.rmSync(dir, { recursive: true, force: true });
            const parts = [];
            for (let w = 0; w < workspaces; w++) {
                const [ns] = PROVINCES[(w + 2) % PROVINCES.length];
                parts.push(workspace(path.join(dir, ns.replace(/([a-z])([A-Z])/g, '$1-$2').toLowerCase()), { seed, material, provinceIndex: w + 2, plans, planLines, bigLines: 0 }));
            }
            result = { dir, workspaces: parts.map(p => p.dir), files: 0, bytes: 0, lines: 0 };
            for (const p of parts) { result.files += p.files; result.bytes += p.bytes; result.lines += p.lines; }
        } else {
            throw new Error(`unknown shape ${shape} (a, b or c)`);
        }
        manifest.shapes[shape] = { ...result, dir: path.relative(out, result.dir) || '.', big: result.big && path.relative(out, result.big), workspaces: result.workspaces?.map(w => path.relative(out, w)) };
        log(`${shape}: ${result.files} files, ${result.lines.toLocaleString('en')} lines, ${(result.bytes / 1e6).toFixed(1)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }
    fs.mkdirSync(out, { recursive: true });
    const file = path.join(out, 'manifest.json');
    const previous = fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined;
    // Shapes generated earlier with the same parameters stay listed.
    if (previous && ['seed', 'plans', 'planLines', 'bigLines', 'bLines', 'workspaces'].every(k => previous[k] === manifest[k])) {
        manifest.shapes = { ...previous.shapes, ...manifest.shapes };
    }
    fs.writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    return manifest;
}

function parseArgs(argv) {
    const options = { out: path.join(ROOT, 'bench', 'corpus') };
    for (let i = 0; i < argv.length; i++) {
        const arg = argv[i];
        const value = () => {
            const v = argv[++i];
            if (v === undefined) throw new Error(`${arg} needs a value`);
            return v;
        };
        const int = () => {
            const v = Number(value());
            if (!Number.isInteger(v) || v < 0) throw new Error(`${arg} needs a whole number`);
            return v;
        };
        switch (arg) {
            case '--out': options.out = path.resolve(value()); break;
            case '--shapes': options.shapes = value().split(',').map(s => s.trim()).filter(Boolean); break;
            case '--plans': options.plans = int(); break;
            case '--seed': options.seed = int(); break;
            case '--plan-lines': options.planLines = int(); break;
            case '--big-lines': options.bigLines = int(); break;
            case '--b-lines': options.bLines = int(); break;
            case '--workspaces': options.workspaces = int(); break;
            case '--quiet': options.quiet = true; break;
            default: throw new Error(`unknown option ${arg}`);
        }
    }
    return options;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
    try {
        const options = parseArgs(process.argv.slice(2));
        generate({ ...options, log: options.quiet ? () => {} : message => console.log(message) });
        if (!options.quiet) console.log(`written under ${options.out}`);
    } catch (error) {
        console.error(`bench-corpus: ${error instanceof Error ? error.message : error}`);
        process.exit(2);
    }
}
