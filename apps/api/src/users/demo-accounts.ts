import type { Role } from '@motcua/workflow';

/**
 * Demo accounts seeded on first start with an empty database (never in production).
 * Departments refer to config/catalogue/departments.json.
 */
export const DEMO_ACCOUNTS: ReadonlyArray<{ username: string; fullName: string; roles: Role[]; departmentCode: string | null }> = [
  { username: 'admin', fullName: 'Quản trị hệ thống', roles: ['admin'], departmentCode: null },
  { username: 'clerk', fullName: 'Nguyễn Thị Hồng Nhung', roles: ['clerk'], departmentCode: 'TTPVHCC' },
  { username: 'specialist', fullName: 'Trần Văn Đức', roles: ['specialist'], departmentCode: 'PQLKH' },
  { username: 'specialist2', fullName: 'Lò Thị Thuỷ', roles: ['specialist'], departmentCode: 'PQLCN' },
  { username: 'leader', fullName: 'Phạm Quang Huy', roles: ['leader'], departmentCode: 'BGD' },
  { username: 'reporter', fullName: 'Đỗ Minh Trang', roles: ['reporter'], departmentCode: 'VP' },
];
