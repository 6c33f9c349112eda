/**
 * Definitions of the Decision 766/QĐ-TTg service-index indicators that can be computed
 * from dossier and feedback facts, and of their groups.
 *
 * Sources (see /work/shared/docs): DOMAIN.md §1.2 (groups and weights), §1.3 (formulas
 * quoted from the Decision, satisfaction group), §1.4 (the DVCQG calculation spec, a
 * third-party [C] source: the most precise description found, not law). Everything the
 * sources leave open is listed in `unverified` and is configuration (see `config.ts`).
 */
import { deepFreeze } from './freeze';

export type GroupNo = 1 | 2 | 3 | 4 | 5;
export const GROUP_NOS: readonly GroupNo[] = [1, 2, 3, 4, 5];

export type IndicatorKey = '1.4' | '2.1' | '2.2' | '3.1' | '3.2' | '3.3' | '3.5' | '3.6' | '4.1' | '4.2' | '4.3' | '4.4' | '5.1' | '5.2' | '5.3' | '5.4';
/** Indicators that carry points. 1.4, 2.2 and 5.1 are shown for information only. */
export type ScoredKey = '2.1' | '3.1' | '3.2' | '3.3' | '3.5' | '3.6' | '4.1' | '4.2' | '4.3' | '4.4' | '5.2' | '5.3' | '5.4';
export const SCORED_KEYS: readonly ScoredKey[] = ['2.1', '3.1', '3.2', '3.3', '3.5', '3.6', '4.1', '4.2', '4.3', '4.4', '5.2', '5.3', '5.4'];

/**
 * Points are shared inside a pool: one per group, except group 3, which DVCQG splits into
 * "Dịch vụ công trực tuyến" and "Thanh toán trực tuyến" (DOMAIN.md §1.2; 12/10 UNVERIFIED).
 */
export type PointPool = 'group2' | 'group3.online_service' | 'group3.online_payment' | 'group4' | 'group5';

export interface GroupDefinition {
  no: GroupNo;
  nameVi: string;
  source: string;
  /** Pools of this group, in order. */
  pools: readonly PointPool[];
  /** Indicators of the group the facts cannot give (not implemented here), with the reason. */
  notImplementedVi: readonly string[];
}

export interface IndicatorDefinition {
  key: IndicatorKey;
  group: GroupNo;
  /** Vietnamese name as used on the portal and in reports. */
  nameVi: string;
  /** The formula in words (Vietnamese). */
  formulaVi: string;
  /** Where the definition comes from. */
  source: string;
  kind: 'ratio' | 'average_time';
  /** Whether the indicator carries points. */
  scored: boolean;
  /** Pool whose points it shares; null when not scored. */
  pool: PointPool | null;
  /** Default full-points threshold in percent (null when not scored); the effective one is `IndicatorConfig.thresholds`. */
  threshold: number | null;
  /** Source of the threshold; null = no source gives one, the default is UNVERIFIED. */
  thresholdSource: string | null;
  /** What the sources leave open (Vietnamese, "chưa xác minh"). */
  unverified: readonly string[];
  /** Choices made here and other explanations (Vietnamese). */
  notesVi: readonly string[];
}

const SPEC = 'DOMAIN.md §1.4 (đặc tả công thức DVCQG, [C])';
const APPENDIX = 'Đối chiếu với phụ lục QĐ 766/QĐ-TTg: chưa xác minh (phụ lục chưa đọc được; công thức theo đặc tả DVCQG [C], không phải văn bản pháp luật).';

export const GROUP_DEFINITIONS: readonly GroupDefinition[] = deepFreeze<GroupDefinition[]>([
  {
    no: 1,
    nameVi: 'Công khai, minh bạch',
    source: 'DOMAIN.md §1.2 ([C])',
    pools: [],
    notImplementedVi: [
      'Chỉ số 1.1–1.3 cần ngày công bố TTHC và dữ liệu CSDLQG về TTHC (danh mục), không có trong dữ liệu hồ sơ.',
      'Chỉ số 1.4 (tỷ lệ đồng bộ hồ sơ) được tính từ các bản ghi đã gửi tới Cổng DVCQG để theo dõi; điểm của nhóm 1 chưa tính được.',
    ],
  },
  {
    no: 2,
    nameVi: 'Tiến độ, kết quả giải quyết',
    source: 'DOMAIN.md §1.2 ([C])',
    pools: ['group2'],
    notImplementedVi: [],
  },
  {
    no: 3,
    nameVi: 'Cung cấp dịch vụ trực tuyến',
    source: 'DOMAIN.md §1.2 ([C]; trên Cổng tách thành "Dịch vụ công trực tuyến" và "Thanh toán trực tuyến")',
    pools: ['group3.online_service', 'group3.online_payment'],
    notImplementedVi: [],
  },
  {
    no: 4,
    nameVi: 'Số hóa hồ sơ',
    source: 'DOMAIN.md §1.2 ([C])',
    pools: ['group4'],
    notImplementedVi: [
      'Chỉ số 4.5 (sử dụng dữ liệu dân cư, tài khoản VNeID) cần biết hồ sơ nào có chủ thể là công dân: chưa có dữ liệu.',
    ],
  },
  {
    no: 5,
    nameVi: 'Mức độ hài lòng',
    source: 'DOMAIN.md §1.2 ([S] "18/100 điểm")',
    pools: ['group5'],
    notImplementedVi: [],
  },
]);

export const INDICATOR_DEFINITIONS: readonly IndicatorDefinition[] = deepFreeze([
  {
    key: '1.4',
    group: 1,
    nameVi: 'Tỷ lệ đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia',
    formulaVi: 'Số hồ sơ tiếp nhận trong kỳ đã được đồng bộ lên Cổng DVCQG ÷ số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: `${SPEC}, chỉ số 1.4`,
    kind: 'ratio',
    scored: false,
    pool: null,
    threshold: null,
    thresholdSource: null,
    unverified: [
      'Mẫu số của Cổng là số lớn hơn giữa số liệu của Hệ thống báo cáo quốc gia và của Cổng DVCQG; ở đây là số hồ sơ hệ thống này tiếp nhận.',
      'Điểm của chỉ số trong nhóm 1 chưa xác minh; ở đây chỉ để theo dõi.',
    ],
    notesVi: ['Tử số: hồ sơ có ít nhất một bản ghi đã được Cổng DVCQG nhận (hộp thư đi đã giao).', 'Tỷ lệ này nhân vào tỷ lệ hồ sơ trực tuyến (3.3).'],
  },
  {
    key: '2.1',
    group: 2,
    nameVi: 'Tỷ lệ hồ sơ giải quyết đúng hạn',
    formulaVi:
      'Số hồ sơ đã giải quyết hoặc đang giải quyết đúng hạn, trước hạn ÷ tổng số hồ sơ đã tiếp nhận và giải quyết trong kỳ ' +
      '(giải quyết xong trong kỳ hoặc còn đang giải quyết tại thời điểm cuối kỳ) × 100%. Đúng hạn: thời điểm kết thúc xử lý, trừ thời gian ' +
      'công dân bổ sung hồ sơ, không muộn hơn ngày hẹn trả ghi trên giấy tiếp nhận; hồ sơ chưa giải quyết xong lấy thời điểm cuối kỳ ' +
      '(kỳ chưa kết thúc: thời điểm hiện tại); hồ sơ đang chờ bổ sung lần duy nhất lấy thời điểm yêu cầu bổ sung; hồ sơ yêu cầu bổ sung ' +
      'quá một lần tính là trễ hạn. Văn bản xin lỗi hẹn lại ngày trả không làm hồ sơ trễ hạn thành đúng hạn.',
    source: `${SPEC}, chỉ số 2.1; DOMAIN.md §1.5`,
    kind: 'ratio',
    scored: true,
    pool: 'group2',
    threshold: 100,
    thresholdSource: null,
    unverified: [
      'Hồ sơ không có ngày hẹn trả (thủ tục không quy định thời hạn) được tính là đúng hạn; quy tắc dự phòng của DVCQG so với thời hạn tối đa theo quy định.',
      APPENDIX,
    ],
    notesVi: [
      'Thời gian bổ sung được trừ theo thời gian thực (giờ, ngày lịch) như đặc tả của Cổng; kết quả "trước hạn/đúng hạn/trễ hạn" trên màn hình nghiệp vụ tính theo ngày làm việc nên có thể khác ở hồ sơ có thời gian bổ sung kéo qua ngày nghỉ (xem đối chiếu).',
    ],
  },
  {
    key: '2.2',
    group: 2,
    nameVi: 'Thời gian giải quyết trung bình của thủ tục hành chính',
    formulaVi:
      'Tổng thời gian giải quyết (không tính thời gian công dân bổ sung) của các hồ sơ tiếp nhận trong kỳ đã xử lý xong hoặc đã trả kết quả ' +
      '(thời điểm xong có thể sau kỳ) ÷ số hồ sơ đó, theo đơn vị thời hạn của thủ tục (giờ làm việc, ngày làm việc, ngày); chỉ hiển thị khi chọn một thủ tục.',
    source: `${SPEC}, chỉ số 2.2; DOMAIN.md §1.5`,
    kind: 'average_time',
    scored: false,
    pool: null,
    threshold: null,
    thresholdSource: null,
    unverified: ['Quy đổi: 1 ngày làm việc = 8 giờ làm việc (QĐ 188/1999/QĐ-TTg); cách Cổng làm tròn thời gian giải quyết chưa xác minh.'],
    notesVi: ['Chỉ để theo dõi, không tính điểm.'],
  },
  {
    key: '3.1',
    group: 3,
    nameVi: 'Tỷ lệ thủ tục hành chính cung cấp dịch vụ công trực tuyến',
    formulaVi: 'Số TTHC có dịch vụ công trực tuyến (toàn trình hoặc một phần; tính mức cao hơn) ÷ số TTHC thuộc thẩm quyền × 100%.',
    source: `${SPEC}, chỉ số 3.1 (ngưỡng đạt điểm tối đa 80%)`,
    kind: 'ratio',
    scored: true,
    pool: 'group3.online_service',
    threshold: 80,
    thresholdSource: `${SPEC}, chỉ số 3.1`,
    unverified: ['Mức dịch vụ công trực tuyến lấy từ danh mục thủ tục của hệ thống (theo công bố trên CSDLQG khi có), chưa đối chiếu với CSDLQG.', APPENDIX],
    notesVi: ['Tính trên các thủ tục của danh mục (phiên bản hiện hành).'],
  },
  {
    key: '3.2',
    group: 3,
    nameVi: 'Tỷ lệ dịch vụ công trực tuyến có phát sinh hồ sơ',
    formulaVi: 'Số dịch vụ công trực tuyến có ít nhất một hồ sơ nộp trực tuyến tiếp nhận trong kỳ ÷ số dịch vụ công trực tuyến của đơn vị × 100%.',
    source: `${SPEC}, chỉ số 3.2`,
    kind: 'ratio',
    scored: true,
    pool: 'group3.online_service',
    threshold: 100,
    thresholdSource: null,
    unverified: ['Trạng thái dịch vụ trên Cổng ("đã công bố / chờ hủy công bố / đang thử nghiệm") không có trong danh mục: mọi thủ tục có mức dịch vụ trực tuyến đều tính.', APPENDIX],
    notesVi: [],
  },
  {
    key: '3.3',
    group: 3,
    nameVi: 'Tỷ lệ hồ sơ trực tuyến',
    formulaVi:
      'Số hồ sơ nộp trực tuyến (kênh thực hiện = 2) tiếp nhận trong kỳ — thủ tục trả kết quả bản giấy thì hồ sơ đã có kết quả phải có kết quả ' +
      'điện tử — ÷ tổng số hồ sơ tiếp nhận trong kỳ × tỷ lệ đồng bộ hồ sơ (1.4) × 100%.',
    source: `${SPEC}, chỉ số 3.3 (ngưỡng đạt điểm tối đa 50%)`,
    kind: 'ratio',
    scored: true,
    pool: 'group3.online_service',
    threshold: 50,
    thresholdSource: `${SPEC}, chỉ số 3.3`,
    unverified: [
      'Hồ sơ trực tuyến còn đang giải quyết (chưa có kết quả) được tính là hồ sơ trực tuyến; đặc tả chỉ nêu điều kiện kết quả điện tử khi đã có kết quả.',
      APPENDIX,
    ],
    notesVi: ['Bên cạnh chỉ số là tỷ lệ theo kênh nộp (trực tuyến, trực tiếp, bưu chính) không nhân tỷ lệ đồng bộ, dùng cho chỉ tiêu kế hoạch.'],
  },
  {
    key: '3.5',
    group: 3,
    nameVi: 'Tỷ lệ TTHC có nghĩa vụ tài chính được tích hợp thanh toán trực tuyến',
    formulaVi: 'Số TTHC có phí, lệ phí mà dữ liệu phí, lệ phí được đồng bộ (hồ sơ mang danh sách phí với số tiền) ÷ số TTHC có phí, lệ phí khác 0 × 100%.',
    source: `${SPEC}, chỉ số 3.5 (ngưỡng đạt điểm tối đa 80%)`,
    kind: 'ratio',
    scored: true,
    pool: 'group3.online_payment',
    threshold: 80,
    thresholdSource: `${SPEC}, chỉ số 3.5`,
    unverified: [
      'Cổng so với dữ liệu phí trên CSDLQG; ở đây một thủ tục có dữ liệu phí được đồng bộ khi danh mục biết số tiền (không phải công thức hay nhiều mức).',
      APPENDIX,
    ],
    notesVi: [],
  },
  {
    key: '3.6',
    group: 3,
    nameVi: 'Tỷ lệ hồ sơ thanh toán trực tuyến',
    formulaVi:
      'Số hồ sơ đã thanh toán trực tuyến (qua Nền tảng thanh toán của Cổng DVCQG: mã 1; qua cổng thanh toán của tỉnh, bộ: mã 2) ÷ (số hồ sơ ' +
      'bắt đầu xử lý trong kỳ của thủ tục có phí, lệ phí − số hồ sơ có danh sách phí, lệ phí đồng bộ đều bằng 0) × 100%.',
    source: `${SPEC}, chỉ số 3.6; DOMAIN.md §1.5`,
    kind: 'ratio',
    scored: true,
    pool: 'group3.online_payment',
    threshold: 100,
    thresholdSource: null,
    unverified: ['Hồ sơ chưa có danh sách phí (số tiền chưa biết) vẫn thuộc mẫu số.', APPENDIX],
    notesVi: ['Thủ tục có phí, lệ phí lấy từ danh mục thủ tục, kể cả với hồ sơ nhập từ hệ thống cũ.'],
  },
  {
    key: '4.1',
    group: 4,
    nameVi: 'Tỷ lệ hồ sơ được cấp kết quả điện tử',
    formulaVi:
      'Số hồ sơ đồng bộ có mã kết quả và đường dẫn tệp kết quả ÷ số hồ sơ của thủ tục trả kết quả bản giấy đã có kết quả giải quyết trong kỳ × 100%.',
    source: `${SPEC}, chỉ số 4.1; DOMAIN.md §1.5`,
    kind: 'ratio',
    scored: true,
    pool: 'group4',
    threshold: 100,
    thresholdSource: null,
    unverified: [
      'Mẫu số chỉ gồm hồ sơ đã có kết quả (đã xử lý xong/đã trả kết quả) trong kỳ; hồ sơ bị từ chối, dừng, rút không có kết quả nên không tính.',
      APPENDIX,
    ],
    notesVi: [],
  },
  {
    key: '4.2',
    group: 4,
    nameVi: 'Tỷ lệ số hóa hồ sơ',
    formulaVi:
      'Số hồ sơ có thành phần hồ sơ được số hóa (mọi thành phần bắt buộc có bản điện tử) và, với thủ tục trả kết quả bản giấy đã có kết quả, ' +
      'có kết quả điện tử ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: `${SPEC}, chỉ số 4.2 (ngưỡng đạt điểm tối đa 80%)`,
    kind: 'ratio',
    scored: true,
    pool: 'group4',
    threshold: 80,
    thresholdSource: `${SPEC}, chỉ số 4.2`,
    unverified: [
      'Đặc tả ghi mẫu số là "tổng số hồ sơ thuộc thẩm quyền"; ở đây là hồ sơ tiếp nhận trong kỳ.',
      'Cổng có thể coi hồ sơ là đã số hóa khi có ít nhất một tệp thành phần; ở đây yêu cầu mọi thành phần bắt buộc (cách đọc chặt hơn).',
      APPENDIX,
    ],
    notesVi: [],
  },
  {
    key: '4.3',
    group: 4,
    nameVi: 'Tỷ lệ khai thác, sử dụng lại thông tin, dữ liệu số hóa',
    formulaVi:
      'Số hồ sơ có ít nhất một thành phần hồ sơ được sử dụng lại từ dữ liệu đã số hóa ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: `${SPEC}, chỉ số 4.3 (ngưỡng đạt điểm tối đa 80%)`,
    kind: 'ratio',
    scored: true,
    pool: 'group4',
    threshold: 80,
    thresholdSource: `${SPEC}, chỉ số 4.3`,
    unverified: [APPENDIX],
    notesVi: [],
  },
  {
    key: '4.4',
    group: 4,
    nameVi: 'Tỷ lệ hồ sơ số hóa gắn với Kho dữ liệu của tổ chức, cá nhân trên Cổng DVCQG',
    formulaVi:
      'Số hồ sơ có ít nhất một thành phần lấy từ Kho quản lý dữ liệu điện tử của tổ chức, cá nhân, hoặc có kết quả điện tử được đẩy vào Kho ' +
      '÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: `${SPEC}, chỉ số 4.4`,
    kind: 'ratio',
    scored: true,
    pool: 'group4',
    threshold: 100,
    thresholdSource: null,
    unverified: ['Mẫu số và ngưỡng của chỉ số 4.4 chưa xác minh.', APPENDIX],
    notesVi: ['Hệ thống chưa kết nối với Kho dữ liệu của Cổng DVCQG: chỉ hồ sơ nhập từ hệ thống cũ có thể mang cờ này.'],
  },
  {
    key: '5.1',
    group: 5,
    nameVi: 'Phân loại phản ánh, kiến nghị',
    formulaVi:
      'Số phản ánh, kiến nghị (PAKN) về quy định, thủ tục hành chính ÷ tổng số PAKN tiếp nhận trong kỳ đã được phân loại × 100% ' +
      '(phần còn lại là PAKN về hành vi của cán bộ, công chức).',
    source: `${SPEC}, chỉ số 5.1`,
    kind: 'ratio',
    scored: false,
    pool: null,
    threshold: null,
    thresholdSource: null,
    unverified: ['Cách cho điểm chỉ số 5.1 chưa xác minh; ở đây chỉ để theo dõi.'],
    notesVi: ['Chỉ để theo dõi, không tính điểm.'],
  },
  {
    key: '5.2',
    group: 5,
    nameVi: 'Tỷ lệ xử lý phản ánh, kiến nghị đúng hạn',
    formulaVi:
      'Số PAKN xử lý đúng hạn, trước hạn ÷ tổng số PAKN thuộc thẩm quyền đã xử lý trong kỳ hoặc còn đang xử lý tại cuối kỳ (kỳ chưa kết thúc: ' +
      'tại thời điểm hiện tại) × 100%.',
    source: 'DOMAIN.md §1.3 ([S] tóm tắt QĐ 766) và ' + `${SPEC}, chỉ số 5.2`,
    kind: 'ratio',
    scored: true,
    pool: 'group5',
    threshold: 100,
    thresholdSource: null,
    unverified: ['Phạm vi PAKN trong kỳ được xác định như chỉ số 2.1 (xử lý xong trong kỳ hoặc còn mở cuối kỳ): lựa chọn thiết kế.'],
    notesVi: [],
  },
  {
    key: '5.3',
    group: 5,
    nameVi: 'Mức độ hài lòng trong xử lý phản ánh, kiến nghị',
    formulaVi:
      '(Tổng số PAKN tiếp nhận lần đầu trong kỳ − số PAKN bị đánh giá không hài lòng, bị phản ánh lại về kết quả xử lý hoặc xử lý quá hạn) ÷ ' +
      'tổng số PAKN đó × 100%; mỗi PAKN chỉ tính một lần.',
    source: 'DOMAIN.md §1.3 ([S] tóm tắt QĐ 766), §1.5 và ' + `${SPEC}, chỉ số 5.3`,
    kind: 'ratio',
    scored: true,
    pool: 'group5',
    threshold: 100,
    thresholdSource: null,
    unverified: [APPENDIX],
    notesVi: [],
  },
  {
    key: '5.4',
    group: 5,
    nameVi: 'Mức độ hài lòng trong tiếp nhận, giải quyết thủ tục hành chính',
    formulaVi:
      '100% − (tỷ lệ hồ sơ quá hạn + tỷ lệ hồ sơ bị đánh giá không hài lòng hoặc có PAKN), hai tỷ lệ cùng mẫu số của chỉ số 2.1 ' +
      '(một phép trừ hai tỷ lệ; không nhỏ hơn 0%).',
    source: `${SPEC}, chỉ số 5.4 (ngưỡng đạt điểm tối đa 90%); DOMAIN.md §1.5`,
    kind: 'ratio',
    scored: true,
    pool: 'group5',
    threshold: 90,
    thresholdSource: `${SPEC}, chỉ số 5.4`,
    unverified: [
      'Hồ sơ vừa quá hạn vừa có đánh giá không hài lòng/PAKN bị trừ hai lần (đúng công thức của đặc tả); tóm tắt QĐ 766 (§1.3) trừ mỗi hồ sơ một lần.',
    ],
    notesVi: ['Khi trong kỳ không có hồ sơ nào được đánh giá hoặc bị PAKN, mức độ hài lòng chưa được đo: chỉ số hiển thị giá trị nhưng không tính điểm.'],
  },
] as IndicatorDefinition[]);

/** Auxiliary measures (not 766 indicators): the plan's targets and the plain channel shares. */
export type MeasureKey = 'digitised_at_receipt' | 'overdue' | 'channel_online' | 'channel_direct' | 'channel_postal';

export interface MeasureDefinition {
  key: MeasureKey;
  nameVi: string;
  formulaVi: string;
  source: string;
}

const CHANNEL_SOURCE = 'Chỉ tiêu kế hoạch CCHC về hồ sơ trực tuyến (PAR-INDEX.md); kênh theo trường KenhThucHien (DOMAIN.md §2.3)';

export const MEASURE_DEFINITIONS: readonly MeasureDefinition[] = deepFreeze([
  {
    key: 'digitised_at_receipt',
    nameVi: 'Tỷ lệ hồ sơ được số hóa thành phần hồ sơ khi tiếp nhận',
    formulaVi: 'Số hồ sơ có mọi thành phần bắt buộc được số hóa khi tiếp nhận ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: 'Chỉ tiêu kế hoạch CCHC 2025 (PAR-INDEX.md §3.1 "Digitisation of dossiers"); khác chỉ số 4.2 ở chỗ không xét kết quả điện tử',
  },
  {
    key: 'overdue',
    nameVi: 'Tỷ lệ hồ sơ quá hạn',
    formulaVi: 'Số hồ sơ không đúng hạn theo chỉ số 2.1 ÷ mẫu số của chỉ số 2.1 × 100% (= 100% − tỷ lệ chỉ số 2.1).',
    source: `${SPEC}, chỉ số 2.1 và 5.4`,
  },
  {
    key: 'channel_online',
    nameVi: 'Tỷ lệ hồ sơ nộp trực tuyến (theo kênh nộp)',
    formulaVi: 'Số hồ sơ tiếp nhận trong kỳ nộp trực tuyến ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100% (không xét kết quả điện tử, không nhân tỷ lệ đồng bộ).',
    source: CHANNEL_SOURCE,
  },
  {
    key: 'channel_direct',
    nameVi: 'Tỷ lệ hồ sơ nộp trực tiếp',
    formulaVi: 'Số hồ sơ tiếp nhận trong kỳ nộp trực tiếp tại Bộ phận Một cửa ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: CHANNEL_SOURCE,
  },
  {
    key: 'channel_postal',
    nameVi: 'Tỷ lệ hồ sơ nộp qua dịch vụ bưu chính công ích',
    formulaVi: 'Số hồ sơ tiếp nhận trong kỳ nộp qua bưu chính công ích ÷ tổng số hồ sơ tiếp nhận trong kỳ × 100%.',
    source: CHANNEL_SOURCE,
  },
] as MeasureDefinition[]);

export function indicatorDefinition(key: IndicatorKey): IndicatorDefinition {
  const def = INDICATOR_DEFINITIONS.find((d) => d.key === key);
  if (!def) throw new RangeError(`Unknown indicator: ${key}`);
  return def;
}

export function groupDefinition(no: GroupNo): GroupDefinition {
  const def = GROUP_DEFINITIONS.find((g) => g.no === no);
  if (!def) throw new RangeError(`Unknown group: ${no}`);
  return def;
}
