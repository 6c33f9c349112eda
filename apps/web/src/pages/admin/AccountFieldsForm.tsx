import type { Department, Role } from '../../api/types';
import { SelectField, TextField } from '../../components/Field';
import { ROLE_LABELS } from '../../format/labels';

export interface AccountDraft {
  username: string;
  fullName: string;
  title: string;
  roles: Role[];
  departmentCode: string;
}

export const EMPTY_DRAFT: AccountDraft = { username: '', fullName: '', title: '', roles: [], departmentCode: '' };

const ROLE_ORDER: Role[] = ['clerk', 'specialist', 'leader', 'reporter', 'admin'];

/** What the server would refuse, said before sending (the same rules: apps/api/src/users/user-admin.dto.ts). */
export function draftProblems(draft: AccountDraft, withUsername: boolean): Record<string, string> {
  const problems: Record<string, string> = {};
  if (withUsername && !/^[a-z0-9][a-z0-9._-]{2,63}$/.test(draft.username.trim())) {
    problems.username = 'Từ 3 đến 64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch ngang hoặc gạch dưới.';
  }
  if (!/\p{L}/u.test(draft.fullName)) problems.fullName = 'Vui lòng nhập họ và tên.';
  if (draft.roles.length === 0) problems.roles = 'Chọn ít nhất một vai trò.';
  if (draft.roles.includes('specialist') && !draft.departmentCode) problems.departmentCode = 'Chuyên viên phải thuộc một phòng, đơn vị.';
  return problems;
}

interface Props {
  idPrefix: string;
  draft: AccountDraft;
  onChange(next: AccountDraft): void;
  departments: Department[];
  errors: Record<string, string | undefined>;
  /** The login name is chosen at creation and never changes (it is in the audit trail). */
  withUsername: boolean;
}

export function AccountFieldsForm({ idPrefix, draft, onChange, departments, errors, withUsername }: Props) {
  const set = (patch: Partial<AccountDraft>) => onChange({ ...draft, ...patch });
  const toggle = (role: Role, on: boolean) => set({ roles: on ? [...draft.roles, role] : draft.roles.filter((r) => r !== role) });
  return (
    <>
      {withUsername && (
        <TextField
          label="Tên đăng nhập"
          hint="Chữ thường không dấu, ví dụ: cv.tua"
          required
          autoComplete="off"
          value={draft.username}
          onChange={(e) => set({ username: e.target.value })}
          error={errors.username}
        />
      )}
      <TextField label="Họ và tên" required value={draft.fullName} onChange={(e) => set({ fullName: e.target.value })} error={errors.fullName} />
      <TextField label="Chức danh" hint="Ví dụ: Chuyên viên, Phó Trưởng phòng" value={draft.title} onChange={(e) => set({ title: e.target.value })} error={errors.title} />
      <fieldset aria-describedby={errors.roles ? `${idPrefix}-roles-error` : undefined} aria-invalid={errors.roles ? true : undefined}>
        <legend>Vai trò</legend>
        {ROLE_ORDER.map((role) => (
          <div className="field field--checkbox" key={role}>
            <input id={`${idPrefix}-role-${role}`} type="checkbox" checked={draft.roles.includes(role)} onChange={(e) => toggle(role, e.target.checked)} />
            <label htmlFor={`${idPrefix}-role-${role}`}>{ROLE_LABELS[role]}</label>
          </div>
        ))}
        {errors.roles && (
          <p className="field-error" id={`${idPrefix}-roles-error`}>
            {errors.roles}
          </p>
        )}
      </fieldset>
      <SelectField label="Phòng, đơn vị" value={draft.departmentCode} onChange={(e) => set({ departmentCode: e.target.value })} error={errors.departmentCode}>
        <option value="">— Không thuộc phòng nào —</option>
        {/* A deactivated department takes nobody new; an account already in it keeps showing it. */}
        {departments.filter((d) => d.active !== false || d.code === draft.departmentCode).map((d) => (
          <option key={d.code} value={d.code}>
            {d.name}
          </option>
        ))}
      </SelectField>
    </>
  );
}
