import { useState, type FormEvent } from 'react';
import type { DossierFile } from '../../api/types';
import { ErrorAlert } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { useSubmission } from '../../hooks/useSubmission';

/** Asks why before removing a file; the file stays in the history, marked removed. */
export function RemoveFileForm({ file, onRemove, onCancel }: { file: DossierFile; onRemove(reason: string): Promise<unknown>; onCancel(): void }) {
  const [reason, setReason] = useState('');
  const { errors, failure, pending, submit } = useSubmission();
  const save = (e: FormEvent) => {
    e.preventDefault();
    void submit(/\p{L}/u.test(reason) ? {} : { reason: 'Vui lòng nhập lý do gỡ bỏ.' }, () => onRemove(reason.trim()));
  };
  return (
    <form className="card remove-file" onSubmit={save} noValidate aria-label={`Gỡ bỏ tệp ${file.fileName}`}>
      <p>
        Gỡ bỏ tệp <strong>{file.fileName}</strong>. Tệp không bị xóa hẳn: vẫn xem được trong danh sách tệp và lịch sử xử lý.
      </p>
      <ErrorAlert message={failure} />
      <TextField label="Lý do gỡ bỏ" required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
      <div className="form-actions">
        <button type="submit" className="button button--primary button--danger" disabled={pending} aria-busy={pending}>
          Xác nhận gỡ bỏ
        </button>
        <button type="button" className="button" onClick={onCancel}>
          Hủy
        </button>
      </div>
    </form>
  );
}
