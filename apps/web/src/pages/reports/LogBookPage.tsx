import { useState } from 'react';
import { downloadLogBook } from '../../api/files';
import { SelectField, TextField } from '../../components/Field';
import { OpenFileButton } from '../../components/OpenFileButton';
import { PageTitle } from '../../components/PageTitle';
import { formatDay, parseVnDay } from '../../format/datetime';
import { useCatalogue } from '../../hooks/useCatalogue';

/** Today's date in Vietnam, YYYY-MM-DD. */
function vnToday(): string {
  return new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
}

/**
 * Sổ theo dõi hồ sơ: the dossiers received in a period (optionally of one procedure), downloaded
 * as PDF to print or as Excel. Dates are typed dd/mm/yyyy.
 */
export function LogBookPage() {
  const { procedures } = useCatalogue();
  const today = vnToday();
  const [from, setFrom] = useState(formatDay(`${today.slice(0, 8)}01`));
  const [to, setTo] = useState(formatDay(today));
  const [procedureCode, setProcedureCode] = useState('');
  const fromDay = parseVnDay(from);
  const toDay = parseVnDay(to);
  const errors = {
    from: fromDay ? undefined : 'Nhập ngày theo dạng dd/mm/yyyy.',
    to: !toDay ? 'Nhập ngày theo dạng dd/mm/yyyy.' : fromDay && toDay < fromDay ? 'Ngày kết thúc không được trước ngày bắt đầu.' : undefined,
  };
  const ready = fromDay && toDay && !errors.to;
  const query = (format: 'pdf' | 'xlsx') => ({ from: fromDay!, to: toDay!, ...(procedureCode ? { procedureCode } : {}), format });

  return (
    <div className="log-book-page">
      <PageTitle title="Sổ theo dõi hồ sơ">Sổ theo dõi hồ sơ</PageTitle>
      <p>Danh sách hồ sơ đã tiếp nhận trong kỳ: mã hồ sơ, thủ tục, người nộp, ngày nhận, ngày hẹn trả, nơi chuyển giải quyết và kết quả.</p>
      <form className="card" aria-label="Chọn kỳ sổ theo dõi hồ sơ" onSubmit={(e) => e.preventDefault()} noValidate>
        <TextField label="Từ ngày (dd/mm/yyyy)" required inputMode="numeric" value={from} onChange={(e) => setFrom(e.target.value)} error={errors.from} />
        <TextField label="Đến ngày (dd/mm/yyyy)" required inputMode="numeric" value={to} onChange={(e) => setTo(e.target.value)} error={errors.to} />
        <SelectField label="Thủ tục" value={procedureCode} onChange={(e) => setProcedureCode(e.target.value)}>
          <option value="">Tất cả thủ tục</option>
          {procedures.map((p) => (
            <option key={p.code} value={p.code}>
              {p.name}
            </option>
          ))}
        </SelectField>
        {ready && (
          <div className="form-actions">
            <OpenFileButton className="button button--primary" label="Tải sổ (PDF)" load={() => downloadLogBook(query('pdf'))} />
            <OpenFileButton label="Tải sổ (Excel)" load={() => downloadLogBook(query('xlsx'))} />
          </div>
        )}
      </form>
    </div>
  );
}
