import { useState, type FormEvent } from 'react';
import type { Department } from '../../api/types';
import { createAccount, type WithTemporaryPassword } from '../../api/users';
import { ErrorAlert } from '../../components/Alert';
import { useSubmission } from '../../hooks/useSubmission';
import { AccountFieldsForm, draftProblems, EMPTY_DRAFT, type AccountDraft } from './AccountFieldsForm';

/** The form that adds a staff account; the server answers with a temporary password to print. */
export function CreateAccount({ departments, onCreated }: { departments: Department[]; onCreated(result: WithTemporaryPassword): void }) {
  const [draft, setDraft] = useState<AccountDraft>(EMPTY_DRAFT);
  const { errors, failure, pending, submit: send } = useSubmission();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const fields = { fullName: draft.fullName, title: draft.title.trim() || null, roles: draft.roles, departmentCode: draft.departmentCode || null };
    let created: WithTemporaryPassword | undefined;
    if (await send(draftProblems(draft, true), async () => (created = await createAccount({ username: draft.username.trim(), ...fields })))) {
      setDraft(EMPTY_DRAFT);
      onCreated(created!);
    }
  };

  return (
    <details className="card">
      <summary>Thêm người dùng</summary>
      <form onSubmit={submit} noValidate aria-label="Thêm người dùng">
        <ErrorAlert message={failure} />
        <AccountFieldsForm idPrefix="new-account" draft={draft} onChange={setDraft} departments={departments} errors={errors} withUsername />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
            {pending ? 'Đang tạo…' : 'Tạo tài khoản'}
          </button>
        </div>
      </form>
    </details>
  );
}
