import { useState, type FormEvent } from 'react';
import { saveProcedure, type CatalogueProcedure, type ProcedureEdit } from '../../../api/admin';
import { ApiError } from '../../../api/client';
import type { Department, ProcedureComponent, ProcedureStep } from '../../../api/types';
import { ErrorAlert, StatusMessage } from '../../../components/Alert';
import { SelectField, TextField } from '../../../components/Field';
import { ROLE_LABELS } from '../../../format/labels';
import { useSubmission } from '../../../hooks/useSubmission';
import { partLabel } from './catalogue-labels';
import { describeIssues } from './procedure-issues';

interface Props {
  procedure: CatalogueProcedure;
  departments: Department[];
  onSaved(): void;
  onConflict(): void;
}

/** Numbers as typed (a comma accepted as the decimal mark); what the form edits. */
interface Draft {
  name: string;
  field: string;
  amount: string;
  unit: string;
  feeAmount: string;
  feeText: string;
  paperResult: boolean;
  resultName: string;
  components: Array<{ key: string; name: string; required: boolean; original: string; copies: string }>;
  steps: Array<{ key: string; name: string; departmentCode: string; role: ProcedureStep['role']; workingDays: string }>;
}

const UNITS: Record<string, string> = { working_days: 'Ngày làm việc', working_hours: 'Giờ làm việc', calendar_days: 'Ngày (kể cả ngày nghỉ)', '': 'Không quy định thời hạn' };
const STEP_ROLES: ProcedureStep['role'][] = ['specialist', 'leader'];

const numberText = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n).replace('.', ','));
const parseNumber = (text: string): number | null => {
  const t = text.trim().replace(',', '.');
  if (t === '') return null;
  const n = Number(t);
  return Number.isFinite(n) ? n : NaN;
};

function draftOf(p: CatalogueProcedure): Draft {
  return {
    name: p.name,
    field: p.field ?? '',
    amount: numberText(p.processingTime?.amount),
    unit: p.processingTime?.unit ?? '',
    feeAmount: numberText(p.fee?.amountVnd),
    feeText: p.fee?.text ?? '',
    paperResult: p.paperResult,
    resultName: p.resultName ?? '',
    components: p.components.map((c) => ({ key: c.key, name: c.name, required: c.required, original: numberText(c.original), copies: numberText(c.copies) })),
    steps: p.steps.map((s) => ({ key: s.key, name: s.name, departmentCode: s.departmentCode, role: s.role, workingDays: numberText(s.workingDays) })),
  };
}

/** A key not yet used in the list: `buoc-3`, `thanh-phan-4`. */
function freshKey(prefix: string, used: string[]): string {
  for (let i = used.length + 1; ; i++) if (!used.includes(`${prefix}-${i}`)) return `${prefix}-${i}`;
}

/** Problems found in the browser, by field name; and the edit to send when there are none. */
function check(d: Draft, reason: string): { problems: Record<string, string>; edit: ProcedureEdit | null } {
  const problems: Record<string, string> = {};
  const hasLetter = (t: string) => /\p{L}/u.test(t);
  if (!hasLetter(d.name)) problems.name = 'Vui lòng nhập tên thủ tục.';
  if (!hasLetter(d.field)) problems.field = 'Vui lòng nhập lĩnh vực.';
  const amount = parseNumber(d.amount);
  if (d.unit && !(amount !== null && amount > 0)) problems.amount = 'Nhập thời hạn là số lớn hơn 0.';
  const fee = parseNumber(d.feeAmount);
  if (fee !== null && !(Number.isInteger(fee) && fee >= 0)) problems.feeAmount = 'Nhập số tiền là số nguyên không âm (đồng), hoặc để trống.';
  const components: ProcedureComponent[] = d.components.map((c, i) => {
    if (!hasLetter(c.name)) problems[`components.${i}.name`] = 'Vui lòng nhập tên thành phần.';
    const original = parseNumber(c.original);
    const copies = parseNumber(c.copies);
    for (const [field, n] of [['original', original], ['copies', copies]] as const) {
      if (n !== null && !(Number.isInteger(n) && n >= 0)) problems[`components.${i}.${field}`] = 'Nhập số nguyên không âm, hoặc để trống.';
    }
    return { key: c.key, name: c.name.trim(), required: c.required, ...(original !== null ? { original } : {}), ...(copies !== null ? { copies } : {}) };
  });
  const steps: ProcedureStep[] = d.steps.map((s, i) => {
    if (!hasLetter(s.name)) problems[`steps.${i}.name`] = 'Vui lòng nhập tên bước.';
    if (!s.departmentCode) problems[`steps.${i}.departmentCode`] = 'Vui lòng chọn phòng xử lý.';
    const days = parseNumber(s.workingDays);
    if (!(days !== null && days > 0)) problems[`steps.${i}.workingDays`] = 'Nhập số ngày làm việc lớn hơn 0 (có thể lẻ, ví dụ 0,5).';
    return { key: s.key, name: s.name.trim(), departmentCode: s.departmentCode, role: s.role, workingDays: days ?? 0 };
  });
  if (d.steps.length === 0) problems.steps = 'Thủ tục phải có ít nhất một bước xử lý.';
  if (!hasLetter(reason)) problems.reason = 'Vui lòng nhập lý do thay đổi.';
  if (Object.keys(problems).length > 0) return { problems, edit: null };
  return {
    problems,
    edit: {
      name: d.name.trim(),
      field: d.field.trim(),
      processingTime: d.unit ? { amount: amount!, unit: d.unit } : null,
      fee: { amountVnd: fee, text: d.feeText.trim() || null },
      paperResult: d.paperResult,
      resultName: d.resultName.trim() || null,
      components,
      steps,
    },
  };
}

/** The edit of one procedure: saving makes a new version (the version shown is checked, the reason kept). */
export function ProcedureEditor({ procedure, departments, onSaved, onConflict }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(procedure));
  const [reason, setReason] = useState('');
  const [status, setStatus] = useState<string | null>(null);
  const [issues, setIssues] = useState<string[]>([]);
  const { errors, failure, pending, submit } = useSubmission();
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const setStep = (i: number, patch: Partial<Draft['steps'][number]>) => set({ steps: draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)) });
  const setComponent = (i: number, patch: Partial<Draft['components'][number]>) => set({ components: draft.components.map((c, j) => (j === i ? { ...c, ...patch } : c)) });
  const stepDays = draft.steps.reduce((sum, s) => sum + (parseNumber(s.workingDays) || 0), 0);
  const title = procedure.nationalCode ?? procedure.code;

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    setIssues([]);
    const { problems, edit } = check(draft, reason);
    const ok = await submit(
      problems,
      async () => {
        try {
          const saved = await saveProcedure(procedure.code, procedure.version, edit!, reason.trim());
          setStatus(`Đã lưu phiên bản ${saved.version} của thủ tục ${title}.`);
        } catch (error) {
          // The catalogue validator's findings, listed under the failure.
          if (error instanceof ApiError && error.code === 'INVALID_PROCEDURE') setIssues(describeIssues(error.body?.details?.issues));
          throw error;
        }
      },
      (view) => view.code === 'VERSION_CONFLICT' && onConflict(),
    );
    if (ok) {
      setReason('');
      onSaved();
    }
  };

  return (
    <section className="card" aria-labelledby="procedure-editor-title">
      <h2 id="procedure-editor-title">
        Sửa thủ tục {title} — phiên bản hiện hành {procedure.version}
      </h2>
      {procedure.verification.label && (
        <p className="muted">
          {procedure.verification.label}: {procedure.verification.unverifiedFields.filter((f) => f !== 'steps').map(partLabel).join(', ')}. Các đánh dấu này được giữ khi lưu phiên bản mới.
        </p>
      )}
      <StatusMessage message={status} />
      <form onSubmit={save} noValidate aria-label={`Sửa thủ tục ${title}`}>
        <ErrorAlert message={failure} items={issues} />
        <TextField label="Tên thủ tục" required value={draft.name} onChange={(e) => set({ name: e.target.value })} error={errors.name} />
        <TextField label="Lĩnh vực" required value={draft.field} onChange={(e) => set({ field: e.target.value })} error={errors.field} />
        <div className="form-row">
          <TextField label="Thời hạn giải quyết" inputMode="decimal" value={draft.amount} onChange={(e) => set({ amount: e.target.value })} error={errors.amount} disabled={!draft.unit} />
          <SelectField label="Đơn vị thời hạn" value={draft.unit} onChange={(e) => set({ unit: e.target.value })}>
            {Object.entries(UNITS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </SelectField>
        </div>
        <div className="form-row">
          <TextField label="Phí, lệ phí (đồng)" hint="Để trống nếu không thu hoặc chưa rõ số tiền" inputMode="numeric" value={draft.feeAmount} onChange={(e) => set({ feeAmount: e.target.value })} error={errors.feeAmount} />
          <TextField label="Mô tả phí, lệ phí" value={draft.feeText} onChange={(e) => set({ feeText: e.target.value })} error={errors.feeText} />
        </div>
        <TextField label="Tên kết quả giải quyết" value={draft.resultName} onChange={(e) => set({ resultName: e.target.value })} error={errors.resultName} />
        <div className="field field--checkbox">
          <input id={`${procedure.code}-paper-result`} type="checkbox" checked={draft.paperResult} onChange={(e) => set({ paperResult: e.target.checked })} />
          <label htmlFor={`${procedure.code}-paper-result`}>Có kết quả bản giấy</label>
        </div>

        <fieldset>
          <legend>Các bước xử lý (tổng {String(stepDays).replace('.', ',')} ngày làm việc)</legend>
          {errors.steps && <p className="field-error">{errors.steps}</p>}
          {draft.steps.map((s, i) => (
            <div key={s.key} className="form-row" data-testid={`step-${i + 1}`}>
              <TextField label={`Tên bước ${i + 1}`} required value={s.name} onChange={(e) => setStep(i, { name: e.target.value })} error={errors[`steps.${i}.name`]} />
              <SelectField label={`Phòng xử lý bước ${i + 1}`} value={s.departmentCode} onChange={(e) => setStep(i, { departmentCode: e.target.value })} error={errors[`steps.${i}.departmentCode`]}>
                <option value="">— Chọn phòng —</option>
                {departments
                  .filter((d) => d.active !== false || d.code === s.departmentCode)
                  .map((d) => (
                    <option key={d.code} value={d.code}>
                      {d.name}
                    </option>
                  ))}
              </SelectField>
              <SelectField label={`Người xử lý bước ${i + 1}`} value={s.role} onChange={(e) => setStep(i, { role: e.target.value as ProcedureStep['role'] })}>
                {STEP_ROLES.map((r) => (
                  <option key={r} value={r}>
                    {ROLE_LABELS[r]}
                  </option>
                ))}
              </SelectField>
              <TextField label={`Số ngày làm việc bước ${i + 1}`} inputMode="decimal" value={s.workingDays} onChange={(e) => setStep(i, { workingDays: e.target.value })} error={errors[`steps.${i}.workingDays`]} />
              <button type="button" className="button button--small button--danger" aria-label={`Bỏ bước ${i + 1}`} onClick={() => set({ steps: draft.steps.filter((_, j) => j !== i) })}>
                Bỏ
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => set({ steps: [...draft.steps, { key: freshKey('buoc', draft.steps.map((s) => s.key)), name: '', departmentCode: '', role: 'specialist', workingDays: '' }] })}
          >
            Thêm bước
          </button>
        </fieldset>

        <fieldset>
          <legend>Thành phần hồ sơ</legend>
          {draft.components.map((c, i) => (
            <div key={c.key} className="form-row" data-testid={`component-${i + 1}`}>
              <TextField label={`Tên thành phần ${i + 1}`} required value={c.name} onChange={(e) => setComponent(i, { name: e.target.value })} error={errors[`components.${i}.name`]} />
              <TextField label={`Số bản chính thành phần ${i + 1}`} inputMode="numeric" value={c.original} onChange={(e) => setComponent(i, { original: e.target.value })} error={errors[`components.${i}.original`]} />
              <TextField label={`Số bản sao thành phần ${i + 1}`} inputMode="numeric" value={c.copies} onChange={(e) => setComponent(i, { copies: e.target.value })} error={errors[`components.${i}.copies`]} />
              <div className="field field--checkbox">
                <input id={`${procedure.code}-component-${c.key}-required`} type="checkbox" checked={c.required} onChange={(e) => setComponent(i, { required: e.target.checked })} />
                <label htmlFor={`${procedure.code}-component-${c.key}-required`}>Thành phần {i + 1} bắt buộc</label>
              </div>
              <button type="button" className="button button--small button--danger" aria-label={`Bỏ thành phần ${i + 1}`} onClick={() => set({ components: draft.components.filter((_, j) => j !== i) })}>
                Bỏ
              </button>
            </div>
          ))}
          <button
            type="button"
            className="button button--small"
            onClick={() => set({ components: [...draft.components, { key: freshKey('thanh-phan', draft.components.map((c) => c.key)), name: '', required: true, original: '1', copies: '' }] })}
          >
            Thêm thành phần
          </button>
        </fieldset>

        <TextField label="Lý do thay đổi" required value={reason} onChange={(e) => setReason(e.target.value)} error={errors.reason} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Lưu phiên bản mới
          </button>
        </div>
      </form>
    </section>
  );
}
