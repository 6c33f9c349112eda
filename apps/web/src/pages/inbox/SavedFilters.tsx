import { useEffect, useState, type FormEvent } from 'react';
import { deleteSavedFilter, listSavedFilters, saveFilter } from '../../api/dossiers';
import { describeError } from '../../api/errors';
import type { SavedFilter } from '../../api/types';
import { ErrorAlert, StatusMessage } from '../../components/Alert';
import { SelectField, TextField } from '../../components/Field';

/**
 * The user's own saved worklist filters (issue #15): save the current filters, search and tab
 * under a name; pick one to apply it; delete it. Nobody else sees them (the server scopes them).
 */
export function SavedFilters({ current, onApply }: { current: SavedFilter['query']; onApply(query: SavedFilter['query']): void }) {
  const [filters, setFilters] = useState<SavedFilter[]>([]);
  const [chosen, setChosen] = useState('');
  const [name, setName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [status, setStatus] = useState<string | null>(null);

  const load = async () => {
    try {
      setFilters(await listSavedFilters());
    } catch (err) {
      setError(describeError(err).message);
    }
  };
  useEffect(() => {
    void load();
  }, []);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    setStatus(null);
    if (!name.trim()) {
      setError('Vui lòng nhập tên bộ lọc.');
      return;
    }
    try {
      const saved = await saveFilter(name.trim(), current);
      setError(null);
      setName('');
      setStatus(`Đã lưu bộ lọc «${saved.name}».`);
      await load();
      setChosen(saved.id);
    } catch (err) {
      setError(describeError(err).message);
    }
  };

  const remove = async () => {
    const filter = filters.find((f) => f.id === chosen);
    if (!filter) return;
    try {
      await deleteSavedFilter(filter.id);
      setChosen('');
      setStatus(`Đã xoá bộ lọc «${filter.name}».`);
      await load();
    } catch (err) {
      setError(describeError(err).message);
    }
  };

  return (
    <form className="saved-filters" aria-label="Lưu và áp dụng bộ lọc" onSubmit={save}>
      <SelectField
        label="Bộ lọc đã lưu"
        value={chosen}
        onChange={(e) => {
          setChosen(e.target.value);
          const filter = filters.find((f) => f.id === e.target.value);
          if (filter) {
            onApply(filter.query);
            setStatus(`Đang áp dụng bộ lọc «${filter.name}».`);
          }
        }}
      >
        <option value="">{filters.length ? 'Chọn bộ lọc…' : 'Chưa có bộ lọc nào'}</option>
        {filters.map((f) => (
          <option key={f.id} value={f.id}>
            {f.name}
          </option>
        ))}
      </SelectField>
      {chosen && (
        <button type="button" className="button button--small" onClick={() => void remove()}>
          Xoá bộ lọc đã chọn
        </button>
      )}
      <TextField label="Tên bộ lọc mới" value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button button--small">
        Lưu bộ lọc hiện tại
      </button>
      <ErrorAlert message={error} />
      <StatusMessage message={status} />
    </form>
  );
}
