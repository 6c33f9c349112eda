import { useEffect, useState } from 'react';
import { procedureVersions, type ProcedureVersion } from '../../../api/admin';
import { describeError } from '../../../api/errors';
import { ErrorAlert } from '../../../components/Alert';
import { formatDateTime } from '../../../format/datetime';
import { formatProcessingTime } from '../../../format/labels';
import { partLabel } from './catalogue-labels';

/** A procedure's versions, newest first: who (full name), when, why, and which parts changed. */
export function ProcedureVersions({ code, reload }: { code: string; reload: number }) {
  const [versions, setVersions] = useState<ProcedureVersion[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    procedureVersions(code).then(
      (v) => {
        setVersions([...v].reverse());
        setFailure(null);
      },
      (error: unknown) => setFailure(describeError(error).message),
    );
  }, [code, reload]);

  return (
    <section className="card" aria-labelledby="procedure-versions-title">
      <h2 id="procedure-versions-title">Các phiên bản</h2>
      <ErrorAlert message={failure} />
      {versions && (
        <table className="dossier-table">
          <caption>{versions.length} phiên bản</caption>
          <thead>
            <tr>
              <th scope="col">Phiên bản</th>
              <th scope="col">Thời điểm</th>
              <th scope="col">Người thay đổi</th>
              <th scope="col">Lý do</th>
              <th scope="col">Nội dung thay đổi</th>
              <th scope="col">Thời hạn, các bước</th>
            </tr>
          </thead>
          <tbody>
            {versions.map((v) => (
              <tr key={v.versionId} data-testid={`procedure-version-${v.version}`}>
                <td>{v.version}</td>
                <td>{formatDateTime(v.changedAt)}</td>
                <td>{v.changedBy ?? 'Nạp từ danh mục gốc'}</td>
                <td>{v.reason ?? '—'}</td>
                <td>{v.version === 1 ? 'Phiên bản đầu tiên' : v.changedParts.length ? v.changedParts.map(partLabel).join(', ') : 'Không thay đổi nội dung'}</td>
                <td>
                  {formatProcessingTime(v.processingTime)}; {v.steps.map((s) => `${s.name} (${s.workingDays})`).join(' → ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
