import { useEffect, useState } from 'react';
import type { Dossier, Procedure } from '../api/types';
import { ErrorAlert } from '../components/Alert';
import { PageTitle } from '../components/PageTitle';
import { useCatalogue } from '../hooks/useCatalogue';
import { paths } from '../hooks/useRoute';
import { CreatedDossier } from './counter/CreatedDossier';
import { CreateDossierForm } from './counter/CreateDossierForm';
import { SubmittedList } from './counter/SubmittedList';

/**
 * The one-stop counter. Both tabs stay mounted (the hidden one too), so switching
 * tabs or pages never loses a half-filled form.
 */
export function CounterPage({ tab, active = true }: { tab: 'direct' | 'online'; active?: boolean }) {
  const { procedures, departments, loading, error } = useCatalogue();
  const [created, setCreated] = useState<{ dossier: Dossier; procedure: Procedure | null } | null>(null);
  const [formKey, setFormKey] = useState(0);
  const [waiting, setWaiting] = useState<number | null>(null);
  // Bumped when the waiting list should be fetched now: the tab opens, or a dossier was just created.
  const [listTick, setListTick] = useState(0);
  useEffect(() => {
    if (tab === 'online') setListTick((n) => n + 1);
  }, [tab]);

  return (
    <div className="counter-page">
      <PageTitle title="Tiếp nhận hồ sơ" focus={active}>
        Tiếp nhận hồ sơ
      </PageTitle>
      <nav aria-label="Loại tiếp nhận" className="tabs">
        <a href={paths.counter} aria-current={tab === 'direct' ? 'page' : undefined}>
          Tiếp nhận trực tiếp
        </a>
        <a href={paths.counterOnline} aria-current={tab === 'online' ? 'page' : undefined}>
          Trực tuyến, bưu chính chờ tiếp nhận{waiting !== null ? ` (${waiting})` : ''}
        </a>
      </nav>
      <ErrorAlert message={error ? `Không tải được danh mục thủ tục: ${error}` : null} />
      <div hidden={tab !== 'direct'}>
        {loading && <p className="muted">Đang tải danh mục thủ tục…</p>}
        {created ? (
          <CreatedDossier
            dossier={created.dossier}
            procedure={created.procedure}
            onNext={() => {
              setCreated(null);
              setFormKey((k) => k + 1);
            }}
          />
        ) : (
          <CreateDossierForm key={formKey} procedures={procedures} departments={departments} onCreated={(dossier, procedure) => {
              setCreated({ dossier, procedure });
              setListTick((n) => n + 1);
            }} />
        )}
      </div>
      <div hidden={tab !== 'online'}>
        <SubmittedList procedures={procedures} active={active} refreshKey={listTick} onCount={setWaiting} />
      </div>
    </div>
  );
}
