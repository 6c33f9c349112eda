import { useCallback, useEffect, useState } from 'react';
import { listCatalogue, type CatalogueProcedure } from '../../../api/admin';
import { describeError } from '../../../api/errors';
import type { Department } from '../../../api/types';
import { listDepartments } from '../../../api/catalogue';
import { ErrorAlert } from '../../../components/Alert';
import { TextField } from '../../../components/Field';
import { PageTitle } from '../../../components/PageTitle';
import { formatProcessingTime } from '../../../format/labels';
import { fold } from '../../../format/text';
import { ProcedureEditor } from './ProcedureEditor';
import { ProcedureVersions } from './ProcedureVersions';
import { partLabel } from './catalogue-labels';

/**
 * The procedure catalogue for administrators: the procedures with their 'chưa xác minh' marks,
 * one opened to edit its steps, time budgets, components and fees (each save is a new version,
 * dossiers in progress keep theirs), and its versions with who changed what, when and why.
 */
export function CataloguePage() {
  const [procedures, setProcedures] = useState<CatalogueProcedure[] | null>(null);
  const [departments, setDepartments] = useState<Department[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [search, setSearch] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const [reload, setReload] = useState(0);

  const refresh = useCallback(async () => {
    try {
      setProcedures(await listCatalogue());
      setFailure(null);
    } catch (error) {
      setFailure(describeError(error).message);
    }
  }, []);
  useEffect(() => {
    void refresh();
    listDepartments().then(setDepartments, (error: unknown) => setFailure(describeError(error).message));
  }, [refresh]);

  const term = fold(search.trim());
  const shown = (procedures ?? []).filter((p) => !term || fold(`${p.code} ${p.nationalCode ?? ''} ${p.name} ${p.field ?? ''}`).includes(term));
  const current = procedures?.find((p) => p.code === selected) ?? null;

  return (
    <div className="catalogue-page">
      <PageTitle title="Danh mục thủ tục">Danh mục thủ tục hành chính</PageTitle>
      <p>Mỗi lần lưu tạo một phiên bản mới: hồ sơ đang giải quyết giữ phiên bản đã tiếp nhận, hồ sơ mới dùng phiên bản mới.</p>
      <ErrorAlert message={failure} />
      <TextField label="Tìm thủ tục (mã, tên, lĩnh vực)" type="search" value={search} onChange={(e) => setSearch(e.target.value)} />
      {procedures && (
        <table className="dossier-table">
          <caption>{shown.length} thủ tục</caption>
          <thead>
            <tr>
              <th scope="col">Mã</th>
              <th scope="col">Tên thủ tục</th>
              <th scope="col">Thời hạn</th>
              <th scope="col">Phiên bản</th>
              <th scope="col">Xác minh</th>
              <th scope="col">Thao tác</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((p) => (
              <tr key={p.code} aria-selected={p.code === selected}>
                <td>{p.nationalCode ?? p.code}</td>
                <td>
                  {p.name}
                  {p.field && <div className="muted">{p.field}</div>}
                </td>
                <td>{formatProcessingTime(p.processingTime)}</td>
                <td>{p.version}</td>
                <td>
                  {p.verification.label ? (
                    <span className="badge badge--due_soon">
                      {p.verification.label}: {p.verification.unverifiedFields.filter((f) => f !== 'steps').map(partLabel).join(', ')}
                    </span>
                  ) : (
                    'Đã xác minh'
                  )}
                </td>
                <td>
                  <button type="button" className="button button--small" aria-label={`Mở thủ tục ${p.nationalCode ?? p.code}`} onClick={() => setSelected(p.code)}>
                    Mở
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {current && (
        <>
          <ProcedureEditor
            key={current.code}
            procedure={current}
            departments={departments}
            onSaved={() => {
              setReload((n) => n + 1);
              void refresh();
            }}
            onConflict={() => void refresh()}
          />
          <ProcedureVersions code={current.code} reload={reload} />
        </>
      )}
    </div>
  );
}
