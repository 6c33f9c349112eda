import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { listOfficialLoads, loadOfficialSchedule, type OfficialLoad } from '../../api/calendar';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { TextField } from '../../components/Field';
import { formatDateTime } from '../../format/datetime';
import { useSubmission } from '../../hooks/useSubmission';

/**
 * Loading a year's official holiday notice (a CSV or JSON file, config/holidays/README.md): the year
 * stops being provisional and the open dossiers' due times are recomputed where the days differ.
 */
export function OfficialNoticeForm({ onLoaded }: { onLoaded?: () => void }) {
  const [loads, setLoads] = useState<OfficialLoad[]>([]);
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const [reference, setReference] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [status, setStatus] = useState<string | null>(null);
  const { errors, failure, pending, submit } = useSubmission();

  const refresh = useCallback(async () => {
    try {
      setLoads(await listOfficialLoads());
    } catch {
      // The list is a convenience; the form works without it.
    }
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);

  const send = async (e: FormEvent) => {
    e.preventDefault();
    const problems: Record<string, string> = {};
    if (!/^\d{4}$/.test(year.trim())) problems.year = 'Nhập năm gồm 4 chữ số, ví dụ 2027.';
    if (!/\p{L}/u.test(reference)) problems.reference = 'Nhập số, ngày của thông báo lịch nghỉ.';
    const format = file && /\.json$/i.test(file.name) ? 'json' : 'csv';
    if (!file) problems.file = 'Chọn tệp lịch nghỉ (.csv hoặc .json).';
    else if (!/\.(csv|json)$/i.test(file.name)) problems.file = 'Chỉ nhận tệp .csv hoặc .json.';
    setStatus(null);
    let changed = 0;
    const ok = await submit(problems, async () => {
      const content = await readText(file!);
      changed = (await loadOfficialSchedule(Number(year), format, content, reference.trim())).dossiersChanged;
    });
    if (ok) {
      setStatus(`Đã nạp lịch nghỉ chính thức năm ${year}: ${changed === 0 ? 'không hồ sơ nào thay đổi hạn' : `${changed} hồ sơ được tính lại hạn`}.`);
      await refresh();
      onLoaded?.();
    }
  };

  return (
    <section className="card" aria-labelledby="official-notice-title">
      <h2 id="official-notice-title">Nạp lịch nghỉ chính thức</h2>
      <p>
        Khi có thông báo lịch nghỉ lễ, Tết của năm, nạp tệp lịch (CSV: mỗi dòng <code>ngày,loại,tên</code>) để năm đó không còn là lịch tạm tính. Hạn giải quyết của các hồ sơ
        đang xử lý được tính lại nếu khác, mỗi hồ sơ ghi một dòng nhật ký.
      </p>
      <StatusMessage message={status} />
      <form onSubmit={send} noValidate aria-label="Nạp lịch nghỉ chính thức">
        <ErrorAlert message={failure} />
        <TextField label="Năm" required inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} error={errors.year} />
        <TextField label="Thông báo (số, ngày)" required value={reference} onChange={(e) => setReference(e.target.value)} error={errors.reference} />
        <TextField label="Tệp lịch nghỉ (.csv, .json)" type="file" accept=".csv,.json,text/csv,application/json" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} error={errors.file} />
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Nạp lịch nghỉ
          </button>
        </div>
      </form>
      {loads.length > 0 && (
        <ul aria-label="Các lần nạp lịch nghỉ chính thức">
          {loads.map((l) => (
            <li key={l.id}>
              {formatDateTime(l.loadedAt)} — {l.actorUsername} nạp lịch năm {l.year} ({l.reference}): {l.dossiersChanged} hồ sơ được tính lại hạn
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** The file's text (FileReader: also where `Blob.text` is missing). */
function readText(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error);
    reader.readAsText(file, 'utf-8');
  });
}
