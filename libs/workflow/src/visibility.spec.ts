import type { ProcessingStep } from './dossier.types';
import { canViewDossier, canViewFeedback, viewingDepartment } from './visibility';

const steps: ProcessingStep[] = [
  { key: 'a', name: 'Thẩm định', departmentCode: 'PQLKH', role: 'specialist', workingDays: 3 },
  { key: 'b', name: 'Phê duyệt', departmentCode: 'BGD', role: 'leader', workingDays: 1 },
];

describe('dossier visibility', () => {
  it.each([
    [['clerk'], 'TTPVHCC', true],
    [['leader'], 'BGD', true],
    [['reporter'], 'VP', true],
    [['admin'], null, true],
    [['specialist'], 'PQLKH', true],
    [['specialist'], 'PQLCN', false],
    [['specialist'], null, false],
    [['specialist', 'reporter'], 'PQLCN', true],
  ] as const)('%p of %p → %p', (roles, departmentCode, expected) => {
    expect(canViewDossier({ roles: [...roles], departmentCode }, steps)).toBe(expected);
  });

  it('restricts lists of a specialist to their department, and nobody else', () => {
    expect(viewingDepartment({ roles: ['specialist'], departmentCode: 'PQLCN' })).toBe('PQLCN');
    expect(viewingDepartment({ roles: ['clerk'], departmentCode: 'TTPVHCC' })).toBeNull();
    expect(viewingDepartment({ roles: ['specialist'], departmentCode: null })).not.toBeNull();
  });
});

describe('canViewFeedback', () => {
  it.each([
    [['clerk'], 'TTPVHCC', null, true],
    [['leader'], 'BGD', 'PQLKH', true],
    [['specialist'], 'PQLKH', 'PQLKH', true],
    [['specialist'], 'PQLKH', 'PQLCN', false],
    [['specialist'], 'PQLKH', null, false],
    [['specialist'], null, null, false],
    [['specialist', 'leader'], 'PQLKH', 'PQLCN', true],
  ] as const)('%j of %s, assigned to %s → %s', (roles, departmentCode, assigned, expected) => {
    expect(canViewFeedback({ roles: [...roles], departmentCode }, assigned)).toBe(expected);
  });
});
