import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listCalendarChanges, listOverrides, removeOverride, setOverride, type CalendarChange, type DayOverride } from '../../api/calendar';
import { describeError } from '../../api/errors';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';
import { PageTitle } from '../../components/PageTitle';
import { formatDateTime, formatDay, parseVnDay } from '../../format/datetime';
import { useSubmission } from '../../hooks/useSubmission';
import { OfficialNoticeForm } from './OfficialNoticeForm';

const KIND_LABELS: Record<DayOverride['kind'], string> = { day_off: 'Ngày nghỉ', working_day: 'Ngày làm việc bù' };

/**
 * The administrator's changes to the official working calendar (a day off announced late, a make-up
 * working Saturday), on top of the yearly holiday files; each change is audited by the API.
 */
export function CalendarPage() {
  const [overrides, setOverrides] = useState<DayOverride[]>([]);
  const [changes, setChanges] = useState<CalendarChange[]>([]);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const [day, setDay] = useState('');
  const [kind, setKind] = useState<DayOverride['kind']>('day_off');
  const [name, setName] = useState('');
  const { errors, failure, pending, submit } = useSubmission();

  const load = useCallback(async () => {
    try {
      const [o, c] = await Promise.all([listOverrides(), listCalendarChanges()]);
      setOverrides(o);
      setChanges(c);
      setLoadError(null);
    } catch (error) {
      setLoadError(describeError(error).message);
    }
  }, []);
  useEffect(() => {
    void load();
  }, [load]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    const date = parseVnDay(day);
    const problems: Record<string, string> = {};
    if (!date) problems.date = 'Nhập ngày theo dạng dd/mm/yyyy, ví dụ 02/09/2026.';
    if (!/\p{L}/u.test(name)) problems.name = 'Vui lòng nhập tên, lý do (ví dụ: Nghỉ bù Quốc khánh).';
    setStatus(null);
    if (await submit(problems, () => setOverride(date!, kind, name.trim()))) {
      setStatus(`Đã lưu ${KIND_LABELS[kind].toLowerCase()} ${formatDay(date!)}.`);
      setDay('');
      setName('');
      await load();
    }
  };

  const remove = async (o: DayOverride) => {
    setStatus(null);
    if (await submit({}, () => removeOverride(o.date))) {
      setStatus(`Đã bỏ thay đổi ngày ${formatDay(o.date)}.`);
      await load();
    }
  };

  return (
    <div className="calendar-page">
      <PageTitle title="Lịch làm việc">Lịch làm việc</PageTitle>
      <p>Các ngày nghỉ, ngày làm việc bù do cơ quan quyết định thêm, ngoài lịch nghỉ lễ chính thức của năm. Thời hạn giải quyết hồ sơ được tính theo lịch này.</p>
      <ErrorAlert message={loadError} />
      <StatusMessage message={status} />
      <form className="card" onSubmit={save} noValidate aria-label="Thêm thay đổi lịch làm việc">
        <ErrorAlert message={failure} />
        <TextField label="Ngày (dd/mm/yyyy)" required inputMode="numeric" placeholder="dd/mm/yyyy" value={day} onChange={(e) => setDay(e.target.value)} error={errors.date} />
        <SelectField label="Loại ngày" value={kind} onChange={(e) => setKind(e.target.value as DayOverride['kind'])} error={errors.kind}>
          <option value="day_off">{KIND_LABELS.day_off}</option>
          <option value="working_day">{KIND_LABELS.working_day}</option>
        </SelectField>
        <TextField label="Tên, lý do" required value={name} onChange={(e) => setName(e.target.value)} error={errors.name} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Lưu thay đổi lịch
          </button>
        </div>
      </form>
      <table className="dossier-table">
        <caption>{overrides.length} ngày thay đổi</caption>
        <thead>
          <tr>
            <th scope="col">Ngày</th>
            <th scope="col">Loại</th>
            <th scope="col">Tên, lý do</th>
            <th scope="col">Thao tác</th>
          </tr>
        </thead>
        <tbody>
          {overrides.map((o) => (
            <tr key={o.date}>
              <td>{formatDay(o.date)}</td>
              <td>{KIND_LABELS[o.kind]}</td>
              <td>{o.name}</td>
              <td>
                <button type="button" className="button button--small button--danger" disabled={pending} aria-label={`Bỏ thay đổi ngày ${formatDay(o.date)}`} onClick={() => void remove(o)}>
                  Bỏ
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <OfficialNoticeForm />
      <section className="card" aria-labelledby="calendar-changes-title">
        <h2 id="calendar-changes-title">Nhật ký thay đổi</h2>
        <ul>
          {changes.map((c) => (
            <li key={c.id}>
              {formatDateTime(c.occurredAt)} — {c.actorUsername} {c.action === 'set' ? 'đặt' : 'bỏ'} {c.kind ? KIND_LABELS[c.kind as DayOverride['kind']].toLowerCase() : 'thay đổi'} {formatDay(c.date)}
              {c.name ? ` (${c.name})` : ''}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
