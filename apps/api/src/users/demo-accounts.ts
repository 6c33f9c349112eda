import type { Role } from '@motcua/workflow';

/**
 * Demo accounts seeded on first start with an empty database (never in production).
 * Departments refer to config/catalogue/departments.json. Names and titles are the kind the
 * papers print under a signature (issue #12): the leader is the agency head (Giám đốc), the
 * default signatory of apologies and refusals in processing (PAPER_SIGNER_USERNAME overrides).
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; fullName: string; title: string; roles: Role[]; departmentCode: string | null }> = [
  { username: 'admin', fullName: 'Vũ Đình Khôi', title: 'Chuyên viên công nghệ thông tin', roles: ['admin'], departmentCode: null },
  { username: 'clerk', fullName: 'Nguyễn Thị Hồng Nhung', title: 'Chuyên viên', roles: ['clerk'], departmentCode: 'TTPVHCC' },
  { username: 'specialist', fullName: 'Trần Văn Đức', title: 'Chuyên viên chính', roles: ['specialist'], departmentCode: 'PQLKH' },
  { username: 'specialist2', fullName: 'Lò Thị Thuỷ', title: 'Chuyên viên', roles: ['specialist'], departmentCode: 'PQLCN' },
  { username: 'leader', fullName: 'Phạm Quang Huy', title: 'Giám đốc', roles: ['leader'], departmentCode: 'BGD' },
  { username: 'reporter', fullName: 'Đỗ Minh Trang', title: 'Chánh Văn phòng', roles: ['reporter'], departmentCode: 'VP' },
];
