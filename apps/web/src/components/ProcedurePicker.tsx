import { useEffect, useMemo, useState } from 'react';
import type { Procedure } from '../api/types';
import { fold } from '../format/text';
import { SelectField, TextField } from './Field';

interface Props {
  procedures: Procedure[];
  value: string;
  onChange(code: string): void;
  error?: string;
}

export function filterProcedures(procedures: Procedure[], query: string): Procedure[] {
  const q = fold(query);
  if (!q) return procedures;
  const words = q.split(' ');
  return procedures.filter((p) => {
    const haystack = fold(`${p.code} ${p.nationalCode ?? ''} ${p.name} ${p.field ?? ''}`);
    return words.every((w) => haystack.includes(w));
  });
}

/** Search by name or code, then pick from the matching procedures (a native list box: keyboard-friendly). */
export function ProcedurePicker({ procedures, value, onChange, error }: Props) {
  const [query, setQuery] = useState('');
  const matches = useMemo(() => filterProcedures(procedures, query), [procedures, query]);

  // One match: take it, so typing a code and pressing Tab is enough — also when the
  // catalogue arrives after the clerk has typed. A choice filtered out is dropped.
  useEffect(() => {
    if (matches.length === 1 && query.trim() !== '') {
      if (value !== matches[0].code) onChange(matches[0].code);
    } else if (value && !matches.some((p) => p.code === value)) {
      onChange('');
    }
  }, [matches, query, value, onChange]);

  return (
    <div className="procedure-picker">
      <TextField
        label="Tìm thủ tục theo tên hoặc mã"
        type="search"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        hint={`${matches.length} thủ tục phù hợp`}
        autoComplete="off"
      />
      <SelectField label="Thủ tục hành chính" name="procedureCode" required size={4} value={value} onChange={(e) => onChange(e.target.value)} error={error}>
        {matches.map((p) => (
          <option key={p.code} value={p.code} title={p.name}>
            {p.nationalCode ?? p.code} — {p.name}
          </option>
        ))}
      </SelectField>
    </div>
  );
}
