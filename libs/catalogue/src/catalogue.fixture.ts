import type { CatalogueDefinition, ProcedureDefinition } from './catalogue.types';

/** A small valid procedure: 10 working days, appraisal at PQLKH, opinion at PQLCN, signature at BGD. */
export function validProcedure(overrides: Partial<ProcedureDefinition> = {}): ProcedureDefinition {
  return {
    id: 'to-chuc-khcn-cap-lai',
    code: '1.002145',
    name: 'Cấp lại Giấy chứng nhận đăng ký hoạt động của tổ chức khoa học và công nghệ',
    field: 'Hoạt động khoa học và công nghệ',
    processingTime: { amount: 10, unit: 'working_days' },
    processingTimeNote: null,
    fee: { amountVnd: 1_000_000, text: '1.000.000 đ' },
    onlineLevel: 'mot_phan',
    onlineText: 'một phần',
    paperResult: true,
    resultName: 'Giấy chứng nhận đăng ký hoạt động khoa học và công nghệ (cấp lại)',
    components: [
      { key: 'don-de-nghi', name: 'Đơn đề nghị cấp lại Giấy chứng nhận', required: true, original: 1, copies: 0 },
      { key: 'ban-goc', name: 'Bản gốc Giấy chứng nhận (trường hợp hư hỏng)', required: false },
    ],
    componentsVerified: true,
    steps: [
      { key: 'tham-dinh-ho-so', name: 'Thẩm định hồ sơ', departmentCode: 'PQLKH', role: 'specialist', workingDays: 5 },
      { key: 'cho-y-kien', name: 'Cho ý kiến', departmentCode: 'PQLCN', role: 'specialist', workingDays: 2.5 },
      { key: 'phe-duyet-ky', name: 'Phê duyệt, ký kết quả', departmentCode: 'BGD', role: 'leader', workingDays: 1.5 },
    ],
    stepsSource: 'default-allocation',
    stepsNote: 'test',
    verified: true,
    uncertain: [],
    inferred: [],
    sources: ['https://example.test/procedure'],
    asOf: '2025',
    ...overrides,
  };
}

/** A small valid catalogue with one procedure. Each call returns fresh objects, safe to mutate. */
export function validCatalogue(): CatalogueDefinition {
  return {
    agency: {
      code: 'SKHCN',
      name: 'Sở Khoa học và Công nghệ tỉnh Lai Châu',
      shortName: 'Sở KH&CN Lai Châu',
      province: 'Lai Châu',
      identifier: { value: '000.00.20.H35', verified: false, overrideEnv: 'AGENCY_ID', note: null },
    },
    departments: [
      { code: 'BGD', name: 'Ban Giám đốc Sở', kind: 'leadership', roles: ['leader'], verified: true, note: null },
      { code: 'PQLKH', name: 'Phòng Quản lý khoa học', kind: 'division', roles: ['specialist'], verified: false, note: null },
      {
        code: 'PQLCN',
        name: 'Phòng Quản lý công nghệ và chuyên ngành',
        kind: 'division',
        roles: ['specialist'],
        verified: false,
        note: null,
      },
      {
        code: 'TTPVHCC',
        name: 'Bộ phận Một cửa — Trung tâm Phục vụ hành chính công tỉnh',
        kind: 'reception',
        roles: ['clerk'],
        verified: false,
        note: null,
      },
    ],
    procedures: [validProcedure()],
  };
}
