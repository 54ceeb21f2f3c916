/**
 * What the clause keywords mean, for hover: each keyword's Vietnamese and English spellings and its
 * meaning in both languages. Looked up by `keywordKey` (any case, NFC or NFD, any blanks), and by the
 * grammar rule the keyword is written in where one spelling means two things ("thuộc": a body's
 * parent, or the programme a document is part of).
 */
import type { DocumentKind } from '../language/keywords.js';
import { documentKind, documentKindLabel, keywordKey } from '../language/keywords.js';

export interface KeywordDoc {
    /** Vietnamese spellings, the usual one first. */
    vi: string[];
    /** English spellings, the usual one first. */
    en: string[];
    viMeaning: string;
    enMeaning: string;
    /** Grammar rules in which this reading holds; any rule when absent. */
    rules?: string[];
}

const DOCS: KeywordDoc[] = [
    // Declarations
    { vi: ['phạm vi'], en: ['namespace'], rules: ['NamespaceDecl'], viMeaning: 'Phạm vi (không gian tên) của tệp, thường là một tỉnh: các khai báo trong tệp được gọi là `PhạmVi.MÃ` từ tỉnh khác.', enMeaning: 'The namespace of the file, usually a province: its declarations are named `Namespace.ID` from elsewhere.' },
    { vi: ['phạm vi'], en: ['scope'], rules: ['TextBlockKind'], viMeaning: 'Phạm vi điều chỉnh của kế hoạch hoặc của một phần.', enMeaning: 'The scope of the plan or of a part of it.' },
    { vi: ['đối tượng'], en: ['beneficiaries'], viMeaning: 'Đối tượng áp dụng của kế hoạch hoặc của một phần.', enMeaning: 'Who the plan or part applies to.' },
    { vi: ['cơ quan'], en: ['agency'], viMeaning: 'Khai báo một cơ quan: mã, tên chính thức, tên viết tắt, cơ quan cấp trên.', enMeaning: 'Declares a body: id, official name, short names, parent.' },
    { vi: ['nhóm'], en: ['group'], viMeaning: 'Khai báo một nhóm cơ quan ("Các sở, ban, ngành tỉnh"), có thể kèm danh sách thành viên.', enMeaning: 'Declares a group of bodies ("Các sở, ban, ngành tỉnh"), with its members where known.' },
    { vi: ['viết tắt'], en: ['alias'], viMeaning: 'Các tên gọi tắt của cơ quan, như được in trong văn bản.', enMeaning: 'Short names of the body, as printed in documents.' },
    { vi: ['thuộc'], en: ['under'], rules: ['Agency', 'Group'], viMeaning: 'Cơ quan cấp trên: cơ quan ban hành chỉ giao nhiệm vụ được cho cơ quan thuộc quyền mình qua chuỗi `thuộc`.', enMeaning: 'The parent body: the issuer can direct a body it reaches through this chain.' },
    { vi: ['thuộc'], en: ['part of'], rules: ['Document'], viMeaning: 'Chiến lược, chương trình mà văn bản này là một phần.', enMeaning: 'The strategy or programme this document is part of.' },
    { vi: ['độc lập'], en: ['independent'], viMeaning: 'Không bao giờ thuộc thẩm quyền của cơ quan ban hành kế hoạch: kế hoạch phải đề nghị, không được giao.', enMeaning: 'Never under the issuer\'s authority: the plan must request, not direct.' },
    { vi: ['gồm'], en: ['members'], viMeaning: 'Các thành viên của nhóm.', enMeaning: 'The members of the group.' },
    { vi: ['suy ra'], en: ['inferred'], viMeaning: 'Giá trị của mệnh đề ngay trước không có trong bản gốc; người viết tự bổ sung, kèm lý do.', enMeaning: 'The original does not state the value of the clause just before: the writer supplied it, with the reason.' },
    { vi: ['chỉ số'], en: ['indicator'], viMeaning: 'Một chỉ số được đặt tên, để so sánh chỉ tiêu giữa các kế hoạch.', enMeaning: 'A named indicator, so targets in different plans can be compared.' },
    { vi: ['đơn vị'], en: ['unit'], viMeaning: 'Đơn vị đo của chỉ số.', enMeaning: 'The unit of the indicator.' },
    // Documents
    { vi: ['văn bản'], en: ['document'], viMeaning: 'Khai báo một văn bản: loại, số ký hiệu, ngày, cơ quan ban hành, trích yếu.', enMeaning: 'Declares a document: kind, number-symbol, date, issuer, summary.' },
    { vi: ['số'], en: ['number'], viMeaning: 'Số, ký hiệu của văn bản, đúng như bản in.', enMeaning: 'The number-symbol of the document, exactly as printed.' },
    { vi: ['ngày'], en: ['dated'], rules: ['Document', 'Plan'], viMeaning: 'Ngày ban hành văn bản.', enMeaning: 'The date the document was issued.' },
    { vi: ['năm'], en: ['year'], rules: ['Document'], viMeaning: 'Năm văn bản được biết đến, khi không có ngày đầy đủ ("Luật … năm 2015").', enMeaning: 'The year the document is known by, when no full date is given.' },
    { vi: ['tại'], en: ['at'], viMeaning: 'Địa danh ghi ở đầu văn bản.', enMeaning: 'The place written in the document\'s header.' },
    { vi: ['của'], en: ['by'], viMeaning: 'Cơ quan ban hành (cơ quan đầu tiên chủ trì ban hành văn bản liên tịch).', enMeaning: 'The issuer (the first leads a joint document).' },
    { vi: ['có hiệu lực'], en: ['effective'], rules: ['Document'], viMeaning: 'Ngày văn bản có hiệu lực.', enMeaning: 'When the document takes effect.' },
    { vi: ['có hiệu lực'], en: ['takes effect'], rules: ['EffectKeyword'], viMeaning: 'Thời điểm văn bản được nêu có hiệu lực.', enMeaning: 'When the document named takes effect.' },
    { vi: ['ngày ký', 'ngày ban hành'], en: ['signing', 'issuance'], viMeaning: 'Có hiệu lực kể từ ngày ký (ngày ban hành) văn bản.', enMeaning: 'In force from the day the document is signed.' },
    { vi: ['thay thế'], en: ['replaces'], viMeaning: 'Văn bản bị văn bản này thay thế.', enMeaning: 'The documents this one replaces.' },
    { vi: ['sửa đổi, bổ sung', 'sửa đổi'], en: ['amends'], viMeaning: 'Văn bản được văn bản này sửa đổi, bổ sung.', enMeaning: 'The documents this one amends.' },
    { vi: ['quy định chi tiết'], en: ['details'], viMeaning: 'Văn bản được văn bản này quy định chi tiết.', enMeaning: 'The documents this one details.' },
    { vi: ['phê duyệt'], en: ['approves'], viMeaning: 'Đề án, chương trình được văn bản này phê duyệt.', enMeaning: 'The scheme or programme this document approves.' },
    { vi: ['căn cứ'], en: ['basis'], viMeaning: 'Văn bản làm căn cứ pháp lý.', enMeaning: 'The documents this one is based on (its legal basis).' },
    { vi: ['thực hiện'], en: ['implements'], viMeaning: 'Văn bản mà kế hoạch này triển khai thực hiện.', enMeaning: 'The documents the plan implements.' },
    { vi: ['theo đề nghị'], en: ['proposed in'], viMeaning: 'Văn bản đề nghị (tờ trình) mà quyết định dựa theo.', enMeaning: 'The proposal (submission) the decision follows.' },
    { vi: ['kính gửi'], en: ['addressed to'], viMeaning: 'Nơi được gửi đích danh văn bản.', enMeaning: 'The addressees of the document.' },
    { vi: ['nơi nhận'], en: ['recipients'], viMeaning: 'Nơi nhận, từng dòng như bản in.', enMeaning: 'The recipients, line by line as printed.' },
    { vi: ['như'], en: ['as in'], viMeaning: 'Nơi nhận là các cơ quan thi hành một điều ("Như Điều 3").', enMeaning: 'The recipients are the bodies that execute an article ("Như Điều 3").' },
    { vi: ['như trên'], en: ['as above'], viMeaning: 'Nơi nhận là các cơ quan ở phần kính gửi.', enMeaning: 'The recipients are the addressees.' },
    { vi: ['nội bộ'], en: ['internal'], viMeaning: 'Dòng nơi nhận nội bộ của cơ quan ban hành ("Lưu: VT").', enMeaning: 'A recipient line internal to the issuing office ("Lưu: VT").' },
    { vi: ['để'], en: ['for'], rules: ['Recipient'], viMeaning: 'Mục đích gửi ("để báo cáo").', enMeaning: 'Why it is sent ("for reporting").' },
    { vi: ['người ký'], en: ['signed by'], viMeaning: 'Người ký văn bản.', enMeaning: 'The signer.' },
    { vi: ['chức vụ'], en: ['position'], viMeaning: 'Chức vụ của người ký.', enMeaning: 'The signer\'s position.' },
    { vi: ['thay mặt'], en: ['on behalf of'], viMeaning: 'Ký thay mặt tập thể (TM.).', enMeaning: 'Signed on behalf of a collective body (TM.).' },
    { vi: ['ký thay'], en: ['signing for'], viMeaning: 'Cấp phó ký thay người đứng đầu (KT.).', enMeaning: 'A deputy signing for the head (KT.).' },
    { vi: ['thừa lệnh'], en: ['by order of'], viMeaning: 'Ký thừa lệnh (TL.).', enMeaning: 'Signed by order of (TL.).' },
    { vi: ['thừa ủy quyền'], en: ['by authority of'], viMeaning: 'Ký thừa ủy quyền (TUQ.).', enMeaning: 'Signed by authority of (TUQ.).' },
    { vi: ['quyền'], en: ['acting'], viMeaning: 'Người ký giữ quyền chức vụ (Q.).', enMeaning: 'The signer is acting in the position (Q.).' },
    { vi: ['điều'], en: ['article'], viMeaning: 'Một điều của quyết định.', enMeaning: 'An article of the decision.' },
    { vi: ['thi hành'], en: ['executed by'], viMeaning: 'Các cơ quan chịu trách nhiệm thi hành điều này.', enMeaning: 'The bodies responsible for executing the article.' },
    // The plan
    { vi: ['thời gian'], en: ['period'], viMeaning: 'Thời gian thực hiện kế hoạch; nghĩa vụ định kỳ chỉ có ngày cụ thể trong khoảng này.', enMeaning: 'The plan period; recurring duties have dates only within it.' },
    { vi: ['ban hành kèm theo'], en: ['issued with'], viMeaning: 'Quyết định ban hành kế hoạch; ngày, nơi nhận và người ký của quyết định là của kế hoạch khi kế hoạch không có.', enMeaning: 'The decision that issues the plan; its date, recipients and signer are the plan\'s where the plan has none.' },
    { vi: ['chuyển bởi'], en: ['forwarded by'], viMeaning: 'Công văn chuyển kế hoạch.', enMeaning: 'The letter that forwards the plan.' },
    { vi: ['phần'], en: ['section'], viMeaning: 'Một phần, mục của kế hoạch, đánh số như bản gốc.', enMeaning: 'A section of the plan, numbered as in the original.' },
    { vi: ['phụ lục'], en: ['annex'], viMeaning: 'Phụ lục; mỗi dòng của bảng là một nhiệm vụ.', enMeaning: 'An annex; each row of its table is a task.' },
    { vi: ['trích dẫn'], en: ['cites'], viMeaning: 'Liên kết văn bản mà lời văn nhắc đến không kèm số ký hiệu.', enMeaning: 'Links a document the text names without its number-symbol.' },
    { vi: ['mục tiêu'], en: ['objective'], viMeaning: 'Một mục tiêu của kế hoạch.', enMeaning: 'An objective of the plan.' },
    { vi: ['chú thích'], en: ['footnote'], viMeaning: 'Chú thích cuối trang.', enMeaning: 'A footnote.' },
    { vi: ['kinh phí'], en: ['funding'], viMeaning: 'Kinh phí thực hiện và các nguồn của nó.', enMeaning: 'Funding and its sources.' },
    { vi: ['nguồn'], en: ['source'], viMeaning: 'Một nguồn kinh phí, kèm số tiền và thời gian nếu có.', enMeaning: 'A source of funding, with its amount and period where given.' },
    { vi: ['giai đoạn'], en: ['phase'], viMeaning: 'Một giai đoạn thực hiện.', enMeaning: 'A phase of the plan.' },
    // Targets
    { vi: ['chỉ tiêu'], en: ['target'], viMeaning: 'Chỉ tiêu: một mức phải đạt, do cơ quan chủ trì nhiệm vụ chứa nó chịu trách nhiệm.', enMeaning: 'A target: a level to reach, owned by the lead of the task it is written in.' },
    { vi: ['phấn đấu'], en: ['strive to'], viMeaning: 'Chỉ tiêu phấn đấu (mong muốn đạt).', enMeaning: 'An aspirational target.' },
    { vi: ['bảo đảm', 'đảm bảo'], en: ['ensure'], viMeaning: 'Chỉ tiêu bắt buộc phải đạt.', enMeaning: 'A firm target, to be met.' },
    { vi: ['so với'], en: ['compared to'], viMeaning: 'Mốc so sánh của một mức thay đổi.', enMeaning: 'The baseline a change is measured against.' },
    { vi: ['đối với'], en: ['applies to'], viMeaning: 'Nơi, đối tượng mà chỉ tiêu áp dụng.', enMeaning: 'What the target applies to.' },
    { vi: ['giảm'], en: ['decrease'], viMeaning: 'Giảm (so với mốc); "giảm xuống" là mức phải đạt.', enMeaning: 'A decrease (against a baseline); "giảm xuống" is a level to reach.' },
    { vi: ['tăng'], en: ['increase'], viMeaning: 'Tăng (so với mốc); "tăng lên" là mức phải đạt.', enMeaning: 'An increase (against a baseline); "tăng lên" is a level to reach.' },
    { vi: ['xuống', 'lên'], en: ['down to', 'up to'], viMeaning: 'Mức phải đạt sau khi thay đổi, không phải độ lớn của thay đổi.', enMeaning: 'The level reached by the change, not its size.' },
    { vi: ['trên', 'hơn', 'cao hơn'], en: ['above', 'more than', 'higher than'], viMeaning: 'Lớn hơn hẳn giá trị nêu.', enMeaning: 'Strictly more than the value.' },
    { vi: ['ít nhất', 'tối thiểu', 'không dưới', 'không thấp hơn', 'đạt'], en: ['at least', 'reach'], viMeaning: 'Không thấp hơn giá trị nêu.', enMeaning: 'At least the value.' },
    { vi: ['đạt và vượt'], en: ['meet or exceed'], viMeaning: 'Đạt hoặc vượt mức nêu.', enMeaning: 'Meet or exceed the level.' },
    { vi: ['dưới', 'thấp hơn'], en: ['below', 'less than', 'lower than'], viMeaning: 'Nhỏ hơn hẳn giá trị nêu.', enMeaning: 'Strictly less than the value.' },
    { vi: ['tối đa', 'không quá', 'không vượt quá'], en: ['at most'], viMeaning: 'Không vượt quá giá trị nêu.', enMeaning: 'At most the value.' },
    { vi: ['bằng'], en: ['exactly'], viMeaning: 'Đúng bằng giá trị nêu.', enMeaning: 'Exactly the value.' },
    { vi: ['khoảng'], en: ['approximately', 'about'], viMeaning: 'Xấp xỉ giá trị nêu.', enMeaning: 'Approximately the value.' },
    { vi: ['từ'], en: ['between'], rules: ['ComparisonOp'], viMeaning: 'Trong khoảng từ giá trị này đến giá trị kia.', enMeaning: 'Between the two values.' },
    { vi: ['trở lên'], en: ['or more'], viMeaning: 'Từ giá trị nêu trở lên.', enMeaning: 'The value or more.' },
    { vi: ['trở xuống'], en: ['or less'], viMeaning: 'Từ giá trị nêu trở xuống.', enMeaning: 'The value or less.' },
    { vi: ['năm trước'], en: ['previous year'], viMeaning: 'Năm liền trước (mốc so sánh, hoặc kỳ báo cáo bắt đầu từ năm trước).', enMeaning: 'The year before (a baseline, or a reporting period starting the year before).' },
    { vi: ['năm sau'], en: ['next year'], viMeaning: 'Năm liền sau.', enMeaning: 'The year after.' },
    // Time
    { vi: ['định kỳ'], en: ['periodically', 'every'], viMeaning: 'Định kỳ; đứng một mình nghĩa là bản gốc không nêu chu kỳ.', enMeaning: 'Periodically; alone, the original states no interval.' },
    { vi: ['hằng năm', 'hàng năm'], en: ['yearly', 'annually'], viMeaning: 'Lặp lại mỗi năm, trong thời gian của kế hoạch.', enMeaning: 'Every year, within the plan period.' },
    { vi: ['hằng quý', 'hàng quý'], en: ['quarterly'], viMeaning: 'Lặp lại mỗi quý.', enMeaning: 'Every quarter.' },
    { vi: ['hằng tháng', 'hàng tháng'], en: ['monthly'], viMeaning: 'Lặp lại mỗi tháng.', enMeaning: 'Every month.' },
    { vi: ['hằng tuần', 'hàng tuần'], en: ['weekly'], viMeaning: 'Lặp lại mỗi tuần.', enMeaning: 'Every week.' },
    { vi: ['hạn'], en: ['due'], viMeaning: 'Hạn hoàn thành: trong thời điểm nêu, chậm nhất là ngày cuối cùng của nó.', enMeaning: 'Due within the time named: its last day at the latest.' },
    { vi: ['trước'], en: ['before'], rules: ['DeadlineKeyword'], viMeaning: 'Trước thời điểm nêu, hiểu theo nghĩa đen: "trước ngày 20/7" là chậm nhất ngày 19/7.', enMeaning: 'Before the time named, read literally: "trước ngày 20/7" is due by 19/7.' },
    { vi: ['trong', 'ngay trong'], en: ['during', 'within'], viMeaning: 'Trong thời điểm nêu (từ ngày đầu đến ngày cuối của nó).', enMeaning: 'Within the time named (its first to its last day).' },
    { vi: ['đến'], en: ['by'], rules: ['DeadlineKeyword'], viMeaning: 'Đến thời điểm nêu: chậm nhất là ngày cuối cùng của nó.', enMeaning: 'By the time named: its last day at the latest.' },
    { vi: ['đến năm'], en: [], viMeaning: 'Đến năm nêu: chậm nhất là ngày 31/12 của năm đó.', enMeaning: 'By the year named: 31 December of that year at the latest.' },
    { vi: ['chậm nhất'], en: ['no later than'], viMeaning: 'Chậm nhất vào thời điểm nêu.', enMeaning: 'No later than the time named.' },
    { vi: ['đến'], en: ['to'], rules: ['UntilKeyword'], viMeaning: 'Đến (điểm cuối của khoảng thời gian).', enMeaning: 'To (the end of the period).' },
    { vi: ['đến'], en: ['to', 'and'], rules: ['Comparison'], viMeaning: 'Cận trên của khoảng giá trị.', enMeaning: 'The upper bound of the range.' },
    { vi: ['từ', 'kể từ'], en: ['from'], rules: ['Period', 'Start', 'Effective'], viMeaning: 'Từ (điểm đầu của khoảng thời gian).', enMeaning: 'From (the start of the period).' },
    { vi: ['và'], en: ['and'], rules: ['Deadline'], viMeaning: 'Thêm một thời điểm đến hạn nữa ("trước ngày 01/6 và 15/11").', enMeaning: 'One more due point ("before 1/6 and 15/11").' },
    { vi: ['tháng'], en: ['months', 'month'], rules: ['PeriodUnit'], viMeaning: 'Đơn vị của chu kỳ: tháng.', enMeaning: 'The unit of the interval: months.' },
    { vi: ['năm'], en: ['years', 'year'], rules: ['PeriodUnit'], viMeaning: 'Đơn vị của chu kỳ: năm.', enMeaning: 'The unit of the interval: years.' },
    { vi: ['tuần'], en: ['weeks', 'week'], rules: ['PeriodUnit'], viMeaning: 'Đơn vị của chu kỳ: tuần.', enMeaning: 'The unit of the interval: weeks.' },
    { vi: ['năm', 'tháng', 'ngày', 'tuần', 'quý'], en: [], rules: ['Unit'], viMeaning: 'Một phần của đơn vị đo ("lần/năm": số lần mỗi năm).', enMeaning: 'Part of a unit of measure ("lần/năm": times per year).' },
    { vi: ['ngày'], en: ['on'], viMeaning: 'Ngày (đứng trước một ngày cụ thể).', enMeaning: 'On (before a date).' },
    { vi: ['tháng'], en: ['month'], viMeaning: 'Một tháng: mọi ngày của tháng đó.', enMeaning: 'A month: all its days.' },
    { vi: ['quý', 'quí'], en: ['quarter'], viMeaning: 'Một quý: mọi ngày của quý đó ("quý IV/2025" là 1/10–31/12/2025).', enMeaning: 'A quarter: all its days ("quý IV/2025" is 1/10–31/12/2025).' },
    { vi: ['năm'], en: ['year'], viMeaning: 'Một năm: mọi ngày của năm đó.', enMeaning: 'A year: all its days.' },
    { vi: ['6 tháng đầu năm', '06 tháng đầu năm', 'sáu tháng đầu năm', 'nửa đầu năm'], en: ['first half of'], viMeaning: '6 tháng đầu năm: 1/1–30/6.', enMeaning: 'The first half of the year: 1/1–30/6.' },
    { vi: ['6 tháng cuối năm', '06 tháng cuối năm', 'sáu tháng cuối năm', 'nửa cuối năm'], en: ['second half of'], viMeaning: '6 tháng cuối năm: 1/7–31/12.', enMeaning: 'The second half of the year: 1/7–31/12.' },
    { vi: ['cuối năm', 'hết năm'], en: ['end of'], viMeaning: 'Cuối năm: ngày 31/12 của năm đó.', enMeaning: 'The end of the year: 31 December.' },
    { vi: ['nay'], en: ['now'], viMeaning: 'Ngày của chính kế hoạch.', enMeaning: 'The plan\'s own date.' },
    { vi: ['thường xuyên', 'liên tục'], en: ['ongoing', 'continuous'], viMeaning: 'Thực hiện thường xuyên, không có hạn (trong suốt thời gian kế hoạch).', enMeaning: 'An ongoing duty with no deadline (throughout the plan period).' },
    { vi: ['khi'], en: ['when'], viMeaning: 'Khi sự kiện nêu xảy ra.', enMeaning: 'When the event named happens.' },
    { vi: ['sau khi'], en: ['after'], viMeaning: 'Sau khi sự kiện nêu xảy ra.', enMeaning: 'After the event named.' },
    { vi: ['ngay sau khi'], en: ['immediately after'], viMeaning: 'Ngay sau khi sự kiện nêu xảy ra.', enMeaning: 'Immediately after the event named.' },
    { vi: ['trước khi'], en: ['prior to'], viMeaning: 'Trước khi sự kiện nêu xảy ra.', enMeaning: 'Before the event named.' },
    { vi: ['hoặc đột xuất', 'đột xuất'], en: ['or on request', 'on request'], viMeaning: 'Ngoài ra, đột xuất khi có yêu cầu.', enMeaning: 'Also whenever asked.' },
    // Tasks and reports
    { vi: ['nhiệm vụ'], en: ['task'], viMeaning: 'Nhiệm vụ do cơ quan ban hành giao cho cơ quan thuộc thẩm quyền.', enMeaning: 'A task the issuer directs to a body under its authority.' },
    { vi: ['giao'], en: ['assign'], viMeaning: 'Giao nhiệm vụ cho cơ quan thuộc thẩm quyền; sau tiêu đề phần: các mục của phần là nhiệm vụ của cơ quan đó.', enMeaning: 'Directs a body under the issuer\'s authority; after a heading, its items are that body\'s duties.' },
    { vi: ['đề nghị'], en: ['request'], viMeaning: 'Đề nghị (không giao) cơ quan ngoài thẩm quyền của cơ quan ban hành.', enMeaning: 'Requests (does not direct) a body outside the issuer\'s authority.' },
    { vi: ['cho'], en: ['for'], rules: ['Task'], viMeaning: 'Cơ quan được giao hoặc đề nghị nhiệm vụ khi cơ quan đó không chủ trì.', enMeaning: 'The body the duty is addressed to, when it does not lead.' },
    { vi: ['chủ trì'], en: ['lead'], viMeaning: 'Cơ quan chủ trì: chịu trách nhiệm chính về nhiệm vụ; các nhiệm vụ con kế thừa.', enMeaning: 'The lead unit: answers for the task; sub-tasks inherit it.' },
    { vi: ['theo chức năng'], en: ['each in own remit'], viMeaning: 'Mỗi đơn vị chủ trì phần việc theo chức năng, nhiệm vụ của mình ("theo chức năng, nhiệm vụ được giao"), không cùng chủ trì một việc.', enMeaning: 'Each body leads its own part, in its own remit ("theo chức năng, nhiệm vụ được giao"), not one duty jointly.' },
    { vi: ['không nêu'], en: ['not stated'], viMeaning: 'Bản gốc không nêu cơ quan chủ trì (ghi đúng như vậy, không đoán).', enMeaning: 'The original names no lead (written as such, not guessed).' },
    { vi: ['phối hợp với'], en: ['in support of'], viMeaning: 'Cơ quan được giao phối hợp với cơ quan nêu, là cơ quan chủ trì.', enMeaning: 'The addressee cooperates with the bodies named, which lead.' },
    { vi: ['phối hợp'], en: ['support'], viMeaning: 'Cơ quan phối hợp thực hiện nhiệm vụ; các nhiệm vụ con kế thừa.', enMeaning: 'Cooperating units of the task; sub-tasks inherit them.' },
    { vi: ['đồng thời đề nghị'], en: ['also request'], viMeaning: 'Cùng nhiệm vụ, đồng thời đề nghị cơ quan ngoài thẩm quyền.', enMeaning: 'The same duty also requests bodies outside the issuer\'s authority.' },
    { vi: ['sản phẩm'], en: ['deliverable'], viMeaning: 'Sản phẩm của nhiệm vụ.', enMeaning: 'What the task delivers.' },
    { vi: ['phục vụ'], en: ['serves'], viMeaning: 'Chỉ tiêu mà nhiệm vụ phục vụ.', enMeaning: 'The targets the task serves.' },
    { vi: ['báo cáo'], en: ['report'], rules: ['Report'], viMeaning: 'Nghĩa vụ báo cáo: ai báo cáo, gửi ai, qua đâu, kỳ báo cáo, hạn gửi.', enMeaning: 'A reporting duty: who reports, to whom, through whom, the period covered, when it is due.' },
    { vi: ['từ'], en: ['from'], rules: ['Report'], viMeaning: 'Cơ quan báo cáo.', enMeaning: 'The bodies that report.' },
    { vi: ['gửi'], en: ['to'], rules: ['Report'], viMeaning: 'Cơ quan nhận báo cáo.', enMeaning: 'The bodies the report goes to.' },
    { vi: ['qua'], en: ['via'], viMeaning: 'Đầu mối tổng hợp mà báo cáo được gửi qua.', enMeaning: 'The channel the report goes through.' },
    { vi: ['tham mưu'], en: ['prepared by'], viMeaning: 'Cơ quan tham mưu, chuẩn bị báo cáo cho cơ quan báo cáo.', enMeaning: 'The body that prepares the report for the reporter.' },
    { vi: ['kỳ'], en: ['covering'], viMeaning: 'Kỳ báo cáo: khoảng thời gian báo cáo bao quát.', enMeaning: 'The period the report covers.' },
];

const byKey = new Map<string, Array<{ doc: KeywordDoc; vietnamese: boolean }>>();
for (const doc of DOCS) {
    for (const [spellings, vietnamese] of [[doc.vi, true], [doc.en, false]] as const) {
        for (const spelling of spellings) {
            const key = keywordKey(spelling);
            const list = byKey.get(key) ?? [];
            list.push({ doc, vietnamese });
            byKey.set(key, list);
        }
    }
}

/** What a keyword means and its twin in the other language; `rule` is the grammar rule it is written in. */
export interface KeywordMeaning {
    /** The keyword in canonical spelling (NFC, lower case). */
    keyword: string;
    /** Its twin in the other language, when it has one. */
    twin?: string;
    vietnamese: boolean;
    viMeaning: string;
    enMeaning: string;
}

export function keywordMeaning(text: string, rule?: string): KeywordMeaning | undefined {
    const key = keywordKey(text);
    if (key === '') {
        return undefined;
    }
    const kind = documentKind(key);
    if (kind && (rule === 'DocumentKind' || rule === undefined || !byKey.has(key))) {
        return kindMeaning(key, kind);
    }
    const candidates = byKey.get(key) ?? [];
    const found = candidates.find(c => rule !== undefined && c.doc.rules?.includes(rule))
        ?? candidates.find(c => !c.doc.rules)
        ?? candidates[0];
    if (!found) {
        return undefined;
    }
    const twins = found.vietnamese ? found.doc.en : found.doc.vi;
    return { keyword: key, twin: twins[0], vietnamese: found.vietnamese, viMeaning: found.doc.viMeaning, enMeaning: found.doc.enMeaning };
}

function kindMeaning(key: string, kind: DocumentKind): KeywordMeaning {
    const vi = documentKindLabel[kind];
    const en = kind.replaceAll('-', ' ');
    const vietnamese = keywordKey(vi) === key;
    return {
        keyword: key, twin: vietnamese ? en : vi.toLowerCase(), vietnamese,
        viMeaning: `Loại văn bản: ${vi}.`, enMeaning: `Kind of document: ${en}.`,
    };
}

/** Every spelling the table explains, for tests. */
export function documentedKeywords(): string[] {
    return [...byKey.keys()];
}
