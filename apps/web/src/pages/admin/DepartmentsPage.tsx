import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { createDepartment, departmentChanges, listAdminDepartments, renameDepartment, setDepartmentActive, type AdminDepartment, type DepartmentChange } from '../../api/admin';
import { describeError } from '../../api/errors';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime } from '../../format/datetime';
import { useSubmission } from '../../hooks/useSubmission';

const CODE = /^[A-Z][A-Z0-9_]{1,31}$/;
const ACTION_LABELS: Record<DepartmentChange['action'], string> = { created: 'tạo', renamed: 'đổi tên', deactivated: 'ngừng hoạt động', reactivated: 'cho hoạt động lại' };

/** Departments: create, rename, stop using (never delete: accounts and dossiers keep their code); each change audited. */
export function DepartmentsPage() {
  const [departments, setDepartments] = useState<AdminDepartment[] | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setDepartments(await listAdminDepartments());
      setLoadError(null);
    } catch (error) {
      setLoadError(describeError(error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  const current = departments?.find((d) => d.code === selected) ?? null;

  return (
    <div className="departments-page">
      <PageTitle title="Phòng, đơn vị">Phòng, đơn vị</PageTitle>
      <ErrorAlert message={loadError} />
      <CreateDepartment onCreated={(code) => {
        setSelected(code);
        void refresh();
      }} />
      {departments && (
        <table className="dossier-table">
          <caption>{departments.length} phòng, đơn vị</caption>
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Tên</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Cán bộ đang làm việc</th>
              <th scope="col">Thủ tục có bước xử lý</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {departments.map((d) => (
              <tr key={d.code} aria-selected={d.code === selected}>
                <td>{d.code}</td>
                <td>{d.name}</td>
                <td>{d.active ? 'Đang hoạt động' : 'Ngừng hoạt động'}</td>
                <td>{d.activeUsers}</td>
                <td>{d.procedures.length}</td>
                <td>
                  <button type="button" className="button button--small" aria-label={`Quản lý ${d.name}`} onClick={() => setSelected(d.code)}>
                    Quản lý
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && <ManageDepartment key={current.code} department={current} onChanged={() => void refresh()} />}
    </div>
  );
}

function CreateDepartment({ onCreated }: { onCreated(code: string): void }) {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const { errors, failure, pending, submit } = useSubmission();

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const clean = code.trim().toUpperCase();
    const problems: Record<string, string> = {};
    if (!CODE.test(clean)) problems.code = 'Mã gồm 2–32 chữ cái in hoa không dấu, chữ số hoặc dấu gạch dưới, bắt đầu bằng chữ cái (ví dụ PTTKH).';
    if (!/\p{L}/u.test(name)) problems.name = 'Vui lòng nhập tên phòng, đơn vị.';
    setStatus(null);
    if (await submit(problems, () => createDepartment(clean, name.trim(), reason.trim()))) {
      setStatus(`Đã tạo ${name.trim()}.`);
      setCode('');
      setName('');
      setReason('');
      onCreated(clean);
    }
  };

  return (
    <form className="card" onSubmit={save} noValidate aria-label="Tạo phòng, đơn vị">
      <h2>Tạo phòng, đơn vị</h2>
      <StatusMessage message={status} />
      <ErrorAlert message={failure} />
      <div className="form-row">
        <TextField label="Mã" required hint="Ví dụ PTTKH" value={code} onChange={(e) => setCode(e.target.value)} error={errors.code} />
        <TextField label="Tên phòng, đơn vị" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
      </div>
      <TextField label="Lý do, căn cứ" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <div className="form-actions">
        <button type="submit" className="button button--primary" disabled={pending}>
          Tạo phòng, đơn vị
        </button>
      </div>
    </form>
  );
}

function ManageDepartment({ department, onChanged }: { department: AdminDepartment; onChanged(): void }) {
  const [name, setName] = useState(department.name);
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [changes, setChanges] = useState<DepartmentChange[]>([]);
  const [reload, setReload] = useState(0);
  const { errors, failure, pending, submit } = useSubmission();
  useEffect(() => {
    departmentChanges(department.code).then(setChanges, () => setChanges([]));
  }, [department.code, reload]);

  const run = async (action: () => Promise<unknown>, done: string, problems: Record<string, string>) => {
    setStatus(null);
    const ok = await submit(problems, action, (view) => view.code === 'VERSION_CONFLICT' && onChanged());
    if (!ok) return;
    setStatus(done);
    setReason('');
    setReload((n) => n + 1);
    onChanged();
  };
  const rename = (e: FormEvent) => {
    e.preventDefault();
    void run(() => renameDepartment(department.code, department.version, name.trim(), reason.trim()), 'Đã đổi tên.', /\p{L}/u.test(name) ? {} : { name: 'Vui lòng nhập tên phòng, đơn vị.' });
  };
  const toggle = () =>
    void run(
      () => setDepartmentActive(department.code, department.version, !department.active, reason.trim()),
      department.active ? 'Đã ngừng hoạt động phòng, đơn vị.' : 'Đã cho phòng, đơn vị hoạt động lại.',
      /\p{L}/u.test(reason) ? {} : { reason: 'Vui lòng nhập lý do.' },
    );

  return (
    <section className="card" aria-labelledby="manage-department-title">
      <h2 id="manage-department-title">
        {department.name} ({department.code})
      </h2>
      {department.procedures.length > 0 && <p className="muted">Thủ tục có bước xử lý tại phòng: {department.procedures.join(', ')}</p>}
      <StatusMessage message={status} />
      <ErrorAlert message={failure} />
      <form onSubmit={rename} noValidate aria-label={`Sửa ${department.name}`}>
        <TextField label="Tên phòng, đơn vị" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <TextField label="Lý do" hint="Bắt buộc khi ngừng hoặc cho hoạt động lại" value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Lưu tên mới
          </button>
          <button type="button" className={department.active ? 'button button--danger' : 'button'} disabled={pending} onClick={toggle}>
            {department.active ? 'Ngừng hoạt động' : 'Cho hoạt động lại'}
          </button>
        </div>
      </form>
      <h3>Nhật ký thay đổi</h3>
      <ul>
        {changes.map((c) => (
          <li key={c.id}>
            {formatDateTime(c.occurredAt)} — {c.actorFullName ?? 'Không rõ'} {ACTION_LABELS[c.action]}
            {c.action === 'renamed' && c.changes.name ? `: “${String(c.changes.name[0] ?? '')}” → “${String(c.changes.name[1])}”` : ''}
            {c.reason ? `. Lý do: ${c.reason}` : ''}
          </li>
        ))}
      </ul>
    </section>
  );
}
