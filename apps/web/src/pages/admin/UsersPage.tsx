import { useCallback, useEffect, useState } from 'react';
import { listDepartments } from '../../api/catalogue';
import { describeError } from '../../api/errors';
import type { Department } from '../../api/types';
import { listAccounts, type StaffAccount, type WithResetLink, type WithTemporaryPassword } from '../../api/users';
import { ErrorAlert } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { ROLE_LABELS } from '../../format/labels';
import { CreateAccount } from './CreateAccount';
import { ManageAccount } from './ManageAccount';
import { ResetLink, TemporaryPassword } from './TemporaryPassword';

/** Staff accounts for administrators: list, create, edit, deactivate, reset passwords; each change audited. */
export function UsersPage() {
  const [accounts, setAccounts] = useState<StaffAccount[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [issued, setIssued] = useState<WithTemporaryPassword | null>(null);
  const [link, setLink] = useState<WithResetLink | null>(null);

  const refresh = useCallback(async () => {
    try {
      setAccounts(await listAccounts());
      setFailure(null);
    } catch (error) {
      setFailure(describeError(error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
    listDepartments().then(setDepartments, (error: unknown) => setFailure(describeError(error).message));
  }, [refresh]);

  const departmentName = (code: string | null) => (code ? (departments.find((d) => d.code === code)?.name ?? code) : '—');
  const onIssued = (result: WithTemporaryPassword) => {
    setIssued(result);
    setLink(null);
    void refresh();
  };
  const onLinkIssued = (result: WithResetLink) => {
    setLink(result);
    setIssued(null);
    void refresh();
  };
  const current = accounts?.find((a) => a.id === selected) ?? null;

  return (
    <div className="users-page">
      <PageTitle title="Quản trị người dùng">Quản trị người dùng</PageTitle>
      <ErrorAlert message={failure} />
      {link && <ResetLink fullName={link.user.fullName} username={link.user.username} link={link.link} expiresAt={link.expiresAt} />}
      {issued && <TemporaryPassword fullName={issued.user.fullName} username={issued.user.username} password={issued.temporaryPassword} />}
      <CreateAccount departments={departments} onCreated={onIssued} />
      {accounts && (
        <table className="dossier-table">
          <caption>{accounts.length} tài khoản</caption>
          <thead>
            <tr>
              <th scope="col">Họ và tên</th>
              <th scope="col">Tên đăng nhập</th>
              <th scope="col">Vai trò</th>
              <th scope="col">Phòng, đơn vị</th>
              <th scope="col">Trạng thái</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {accounts.map((a) => (
              <tr key={a.id} aria-selected={a.id === selected}>
                <td>
                  {a.fullName}
                  {a.title && <div className="muted">{a.title}</div>}
                </td>
                <td>{a.username}</td>
                <td>{a.roles.map((r) => ROLE_LABELS[r] ?? r).join(', ')}</td>
                <td>{departmentName(a.departmentCode)}</td>
                <td>{a.active ? (a.mustChangePassword ? 'Chờ đổi mật khẩu tạm thời' : 'Đang hoạt động') : 'Đã khóa'}</td>
                <td>
                  <button type="button" className="button button--small" aria-label={`Quản lý tài khoản ${a.fullName} (${a.username})`} onClick={() => setSelected(a.id)}>
                    Quản lý
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && (
        <ManageAccount
          key={`${current.id}`}
          account={current}
          departments={departments}
          onChanged={() => void refresh()}
          onPasswordIssued={onIssued}
          onLinkIssued={onLinkIssued}
        />
      )}
    </div>
  );
}
