import { useState, type FormEvent } from 'react';
import { correctApplicant } from '../../api/dossiers';
import type { Dossier } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useSubmission } from '../../hooks/useSubmission';
import { toNewDossier, validateDossierForm, type DossierFormValues } from '../counter/CreateDossierForm';

/** The API's field paths (`applicant.idNumber`) → this form's fields. */
const FIELD_OF: Record<string, string> = {
  'applicant.fullName': 'fullName',
  'applicant.idNumber': 'idNumber',
  'applicant.phone': 'phone',
  'applicant.email': 'email',
  'applicant.address': 'address',
};

/**
 * Correcting the applicant's data until the result is issued (clerk, leader): the same checks as
 * at the counter, a reason required; the correction goes into the history with who, when and why.
 */
export function ApplicantCorrection({ dossier, onChanged }: { dossier: Dossier; onChanged(next: Dossier): void }) {
  const a = dossier.applicant;
  const [values, setValues] = useState<DossierFormValues>({
    procedureCode: dossier.procedureCode,
    channel: dossier.channel,
    idNumber: a.idNumber,
    fullName: a.fullName,
    phone: a.phone ?? '',
    email: a.email ?? '',
    address: a.address ?? '',
  });
  const [reason, setReason] = useState('');
  const [open, setOpen] = useState(false);
  const { errors: raw, failure, pending, submit } = useSubmission();
  const errors: Record<string, string | undefined> = {};
  for (const [field, message] of Object.entries(raw)) errors[FIELD_OF[field] ?? field] = message;
  const set = (key: keyof DossierFormValues, value: string) => setValues((v) => ({ ...v, [key]: value }));

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = { ...validateDossierForm(values) } as Record<string, string>;
    if (!/\p{L}/u.test(reason)) problems.reason = 'Vui lòng nhập lý do sửa.';
    let next: Dossier | undefined;
    const ok = await submit(problems, async () => (next = await correctApplicant(dossier.id, dossier.version, reason.trim(), toNewDossier(values).applicant)));
    if (ok && next) {
      setReason('');
      setOpen(false);
      onChanged(next);
    }
  };

  return (
    <details className="card" open={open} onToggle={(e) => setOpen((e.target as HTMLDetailsElement).open)}>
      <summary>Sửa thông tin người nộp</summary>
      <form onSubmit={save} noValidate aria-label="Sửa thông tin người nộp">
        <ErrorAlert message={failure} />
        <TextField label="Họ và tên" required value={values.fullName} onChange={(e) => set('fullName', e.target.value)} error={errors.fullName} />
        <TextField label="Số định danh" required value={values.idNumber} onChange={(e) => set('idNumber', e.target.value)} error={errors.idNumber} />
        <TextField label="Số điện thoại" value={values.phone} onChange={(e) => set('phone', e.target.value)} error={errors.phone} />
        <TextField label="Thư điện tử" type="email" value={values.email} onChange={(e) => set('email', e.target.value)} error={errors.email} />
        <TextField label="Địa chỉ" value={values.address} onChange={(e) => set('address', e.target.value)} error={errors.address} />
        <TextField label="Lý do sửa" required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending} aria-busy={pending}>
            Lưu thông tin đã sửa
          </button>
        </div>
      </form>
    </details>
  );
}
