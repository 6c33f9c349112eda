import { useState, type FormEvent } from 'react';
import { importDossiers, previewImport, type ImportResult } from '../../api/admin';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { PageTitle } from '../../components/PageTitle';
import { useSubmission } from '../../hooks/useSubmission';
import { importProblemText } from './import-problems';

/**
 * The historical import: the file is checked first (a dry run: nothing written), its problems
 * listed by line; only a file without problems can then be imported, all of it or nothing.
 */
export function ImportPage() {
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportResult | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const { errors, failure, pending, submit } = useSubmission();

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setDone(null);
    setPreview(null);
    await submit(file ? {} : { file: 'Vui lòng chọn tệp dữ liệu.' }, async () => setPreview(await previewImport(file!)));
  };

  const confirm = async () => {
    setDone(null);
    if (await submit({}, async () => {
      const result = await importDossiers(file!);
      setDone(`Đã nhập ${result.imported} hồ sơ${result.closed ? ` và cập nhật kết quả ${result.closed} hồ sơ đã nhập trước đây` : ''}.`);
    })) setPreview(null);
  };

  return (
    <div className="import-page">
      <PageTitle title="Nhập hồ sơ cũ">Nhập hồ sơ từ hệ thống cũ</PageTitle>
      <p>Tệp NDJSON, mỗi dòng một hồ sơ. Hệ thống kiểm tra toàn bộ tệp trước; chỉ tệp không còn lỗi mới được nhập, và nhập tất cả hoặc không nhập hồ sơ nào.</p>
      <StatusMessage message={done} />
      <form className="card" onSubmit={check} noValidate aria-label="Kiểm tra tệp nhập hồ sơ">
        <ErrorAlert message={failure} />
        <div className={`field${errors.file ? ' field--invalid' : ''}`}>
          <label htmlFor="import-file">Tệp dữ liệu (.ndjson)</label>
          <input
            id="import-file"
            type="file"
            accept=".ndjson,.jsonl,.json,.txt,application/x-ndjson"
            aria-invalid={errors.file ? true : undefined}
            aria-describedby={errors.file ? 'import-file-error' : undefined}
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setPreview(null);
            }}
          />
          {errors.file && (
            <p className="field-error" id="import-file-error">
              {errors.file}
            </p>
          )}
        </div>
        <div className="form-actions">
          <button type="submit" className="button button--primary" disabled={pending}>
            Kiểm tra tệp
          </button>
        </div>
      </form>
      {preview && (
        <section className="card" aria-labelledby="import-preview-title">
          <h2 id="import-preview-title">Kết quả kiểm tra {file?.name}</h2>
          <ul data-testid="import-counts">
            <li>Số dòng đã đọc: {preview.read}</li>
            <li>Số dòng hợp lệ: {preview.valid}</li>
            <li>Hồ sơ sẽ nhập mới: {preview.imported}</li>
            <li>Hồ sơ đã nhập trước sẽ được cập nhật kết quả: {preview.closed}</li>
            <li>Số lỗi: {preview.totalProblems}</li>
          </ul>
          {preview.totalProblems > 0 ? (
            <>
              <p role="alert">Tệp còn {preview.totalProblems} lỗi nên chưa thể nhập. Sửa tệp theo danh sách dưới đây rồi kiểm tra lại.</p>
              <table className="dossier-table">
                <caption>
                  Lỗi theo dòng{preview.totalProblems > preview.problems.length ? ` (hiển thị ${preview.problems.length} lỗi đầu tiên)` : ''}
                </caption>
                <thead>
                  <tr>
                    <th scope="col">Dòng</th>
                    <th scope="col">Trường</th>
                    <th scope="col">Lỗi</th>
                  </tr>
                </thead>
                <tbody>
                  {preview.problems.map((p, i) => (
                    <tr key={i}>
                      <td>{p.line}</td>
                      <td>{p.field ?? '—'}</td>
                      <td>{importProblemText(p.message)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </>
          ) : (
            <div className="form-actions">
              <button type="button" className="button button--primary" disabled={pending} onClick={() => void confirm()}>
                Xác nhận nhập {preview.imported + preview.closed} hồ sơ
              </button>
            </div>
          )}
        </section>
      )}
    </div>
  );
}
