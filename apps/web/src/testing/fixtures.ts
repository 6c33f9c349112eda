import type { StaffAccount } from '../api/users';
import type { Department, Dossier, DossierFile, HistoryEntry, Procedure, SignatureRecord, User } from '../api/types';

export const DEPARTMENTS: Department[] = [
  { code: 'BGD', name: 'Ban Giám đốc Sở', createdAt: '2026-01-01T00:00:00.000Z', active: true, version: 1 },
  { code: 'PQLKH', name: 'Phòng Quản lý khoa học', createdAt: '2026-01-01T00:00:00.000Z', active: true, version: 1 },
  { code: 'PQLCN', name: 'Phòng Quản lý công nghệ và chuyên ngành', createdAt: '2026-01-01T00:00:00.000Z', active: true, version: 1 },
  { code: 'TTPVHCC', name: 'Bộ phận Một cửa', createdAt: '2026-01-01T00:00:00.000Z', active: true, version: 1 },
];

const VERIFIED: Procedure['verification'] = { verified: true, label: null, unverifiedFields: [], notes: [] };

export const PROCEDURES: Procedure[] = [
  {
    code: 'dang-ky-thong-tin-kq-mua-bang-nsnn',
    nationalCode: null,
    version: 1,
    versionId: 'v1',
    verification: VERIFIED,
    name: 'Thủ tục đăng ký thông tin kết quả nghiên cứu khoa học và phát triển công nghệ được mua bằng ngân sách nhà nước',
    field: 'Hoạt động khoa học và công nghệ',
    processingTime: { amount: 5, unit: 'working_days' },
    fee: { amountVnd: null, text: null },
    onlineLevel: null,
    paperResult: true,
    resultName: 'Giấy xác nhận đăng ký',
    components: [
      { key: 'phieu-dang-ky', name: 'Phiếu đăng ký thông tin kết quả', required: true, original: 1 },
      { key: 'bao-cao', name: 'Báo cáo tổng hợp kết quả', required: false, copies: 1 },
    ],
    steps: [
      { key: 'tham-dinh-ho-so', name: 'Thẩm định hồ sơ, dự thảo kết quả', departmentCode: 'PQLKH', role: 'specialist', workingDays: 4 },
      { key: 'phe-duyet-ky', name: 'Phê duyệt, ký kết quả', departmentCode: 'BGD', role: 'leader', workingDays: 1 },
    ],
  },
  {
    code: '1.014393',
    nationalCode: '1.014393',
    version: 1,
    versionId: 'v2',
    verification: VERIFIED,
    name: 'Công nhận trung tâm nghiên cứu và phát triển (Sở Khoa học và Công nghệ)',
    field: 'Hoạt động khoa học và công nghệ',
    processingTime: { amount: 30, unit: 'working_days' },
    fee: { amountVnd: null, text: 'Không' },
    onlineLevel: null,
    paperResult: true,
    resultName: 'Quyết định công nhận',
    components: [{ key: 'don', name: 'Đơn đề nghị công nhận', required: true }],
    steps: [
      { key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 10 },
      { key: 'b', name: 'Góp ý chuyên ngành', departmentCode: 'PQLCN', role: 'specialist', workingDays: 10 },
      { key: 'c', name: 'Tổng hợp', departmentCode: 'PQLKH', role: 'specialist', workingDays: 8 },
      { key: 'd', name: 'Phê duyệt', departmentCode: 'BGD', role: 'leader', workingDays: 2 },
    ],
  },
];

export const CLERK: User = { id: 'u-clerk', username: 'clerk', fullName: 'Nguyễn Thị Hồng Nhung', roles: ['clerk'], departmentCode: 'TTPVHCC' };
export const SPECIALIST: User = { id: 'u-spec', username: 'specialist', fullName: 'Trần Văn Đức', roles: ['specialist'], departmentCode: 'PQLKH' };

export function dossier(overrides: Partial<Dossier> = {}): Dossier {
  return {
    id: '330f0afb-7a99-4bcb-a080-3b71dfcfedd2',
    code: '000.00.20.H35-261126-0001',
    receiptCode: '000.00.20.H35-261126-0001',
    submissionRef: null,
    procedureCode: 'dang-ky-thong-tin-kq-mua-bang-nsnn',
    procedureVersionId: 'v1',
    channel: 'direct',
    state: 'processing',
    stateLabel: 'Đang xử lý',
    version: 2,
    currentStep: { index: 0, key: 'tham-dinh-ho-so', name: 'Thẩm định hồ sơ, dự thảo kết quả', departmentCode: 'PQLKH', role: 'specialist', count: 2 },
    assignee: null,
    assignmentActions: [],
    applicant: { fullName: 'Nguyễn Văn Ánh', idNumber: '012345678901', phone: null, email: null, address: null },
    supplementRequests: 0,
    submittedAt: '2026-11-26T02:21:12.585Z',
    receivedAt: '2026-11-26T02:21:12.585Z',
    dueAt: '2026-12-03T02:21:12.585Z',
    appointmentAt: '2026-12-03T02:21:12.585Z',
    stepDueAt: '2026-12-01T02:21:12.791Z',
    pausedAt: null,
    pausedWorkingMinutes: 0,
    deadlineStatus: 'on_track',
    processingEndedAt: null,
    outcome: null,
    finishedAt: null,
    createdAt: '2026-11-26T02:21:12.585Z',
    updatedAt: '2026-11-26T02:21:12.791Z',
    allowedEvents: ['FORWARD', 'REQUEST_SUPPLEMENT', 'REFUSE', 'STOP', 'APOLOGISE'],
    provisional: false,
    digitised: true,
    eResult: false,
    feeApplies: true,
    imported: false,
    paymentMethod: null,
    rating: null,
    ...overrides,
  };
}

export const HISTORY: HistoryEntry[] = [
  {
    version: 1, type: 'CREATE', typeLabel: 'Tạo hồ sơ', from: null, to: 'received', toLabel: 'Đã tiếp nhận', stepFrom: null, stepTo: null,
    actor: { id: 'u-clerk', username: 'clerk', fullName: 'Nguyễn Thị Hồng Nhung', title: 'Chuyên viên' }, at: '2026-11-26T02:21:12.585Z', payload: { channel: 'direct' },
    details: { dueAt: '2026-12-03T02:21:12.585Z', appointmentAt: '2026-12-03T02:21:12.585Z' },
  },
  {
    version: 2, type: 'COMPLETE_DIGITISATION', typeLabel: 'Hoàn thành số hóa', from: 'received', to: 'processing', toLabel: 'Đang xử lý', stepFrom: null, stepTo: 0,
    actor: { id: 'u-clerk', username: 'clerk', fullName: 'Nguyễn Thị Hồng Nhung', title: 'Chuyên viên' }, at: '2026-11-26T02:25:00.000Z', payload: {}, details: null,
  },
  {
    version: 3, type: 'FORWARD', typeLabel: 'Chuyển bước tiếp theo', from: 'processing', to: 'processing', toLabel: 'Đang xử lý', stepFrom: 0, stepTo: 1,
    actor: { id: 'u-spec', username: 'specialist', fullName: 'Trần Văn Đức', title: 'Chuyên viên chính' }, at: '2026-12-02T03:00:00.000Z', payload: { note: 'Hồ sơ đạt yêu cầu' },
    details: { closedSteps: [{ index: 0, key: 'tham-dinh-ho-so', name: 'Thẩm định hồ sơ, dự thảo kết quả', departmentCode: 'PQLKH', dueAt: '2026-12-01T02:21:12.791Z', leftAt: '2026-12-02T03:00:00.000Z', late: true }] },
  },
];

export const DOSSIER_ID = '330f0afb-7a99-4bcb-a080-3b71dfcfedd2';

export function dossierFile(overrides: Partial<DossierFile> = {}): DossierFile {
  return {
    id: 'f-1',
    dossierId: DOSSIER_ID,
    purpose: 'component',
    componentKey: 'phieu-dang-ky',
    fileName: 'phieu-dang-ky.pdf',
    contentType: 'application/pdf',
    size: 48_213,
    sha256: 'a'.repeat(64),
    uploadedAt: '2026-11-26T02:30:00.000Z',
    digitisationCode: '000.00.20.H35-261126-0001-SH01',
    signature: null,
    reusedFrom: null,
    uploadedBy: 'u-clerk',
    metadata: null,
    removed: null,
    ...overrides,
  };
}

export const VALID_SIGNATURE: SignatureRecord = {
  kind: 'pdf',
  signerName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
  certificateSerial: '39fd88e86af425c4aded22ec866902c82',
  certificateIssuer: 'C=VN, O=motcua (demo), CN=motcua demo CA',
  signingTime: '2026-12-02T03:00:00.000Z',
  documentSha256: 'b'.repeat(64),
  valid: true,
  reasons: [],
  onBehalfOf: 'Phạm Quang Huy',
};

export function resultFile(overrides: Partial<DossierFile> = {}): DossierFile {
  return dossierFile({ id: 'r-1', purpose: 'result', componentKey: null, fileName: 'quyet-dinh.pdf', digitisationCode: null, signature: VALID_SIGNATURE, ...overrides });
}

/** A staff account as the user administration lists it. */
export const ACCOUNT: StaffAccount = {
  id: '7c9e6679-7425-40de-944b-e07fc1f90ae7',
  username: 'specialist',
  fullName: 'Trần Văn Đức',
  title: 'Chuyên viên',
  roles: ['specialist'],
  departmentCode: 'PQLKH',
  active: true,
  mustChangePassword: false,
  version: 3,
  createdAt: '2026-03-02T02:00:00.000Z',
};

/** A feedback (PAKN) as GET /api/feedback/:id returns it: received from the public page, classified for PQLKH. */
export function feedbackItem(overrides: Partial<import('../api/feedback').Feedback> = {}): import('../api/feedback').Feedback {
  return {
    id: '7d1f0c2e-3b7a-4c55-9a43-2a9f0e6b1c11',
    code: 'PAKN-000.00.20.H35-261201-0001',
    state: 'classified',
    stateLabel: 'Đã phân loại',
    version: 2,
    source: 'portal',
    dossierCode: null,
    category: 'regulation',
    categoryLabel: 'Về quy định, thủ tục hành chính',
    departmentCode: 'PQLKH',
    title: 'Niêm yết sai thời hạn giải quyết',
    content: 'Thời hạn niêm yết khác với thực tế.',
    author: { fullName: 'Trần Thị Bình', phone: '0912345678', email: null, address: null },
    answer: null,
    answeredAt: null,
    publishedAt: null,
    receivedAt: '2026-12-01T02:00:00Z',
    dueAt: '2026-12-22T02:00:00Z',
    handledAt: null,
    onTime: null,
    verdict: null,
    phases: [
      { phase: 'reject', startedAt: '2026-12-01T02:00:00Z', dueAt: '2026-12-04T02:00:00Z', pausedAt: null, endedAt: '2026-12-01T03:00:00Z', completed: false, late: null, workingMinutesLeft: null },
      { phase: 'handle', startedAt: '2026-12-01T02:00:00Z', dueAt: '2026-12-22T02:00:00Z', pausedAt: null, endedAt: null, completed: null, late: null, workingMinutesLeft: 3 * 480 + 90 },
    ],
    finishedAt: null,
    allowedEvents: ['START_HANDLING', 'REQUEST_SUPPLEMENT', 'CLOSE'],
    createdAt: '2026-12-01T02:00:00Z',
    updatedAt: '2026-12-01T03:00:00Z',
    ...overrides,
  };
}
