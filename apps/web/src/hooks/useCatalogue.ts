import { useEffect, useState } from 'react';
import { listDepartments, listProcedures } from '../api/catalogue';
import { describeError } from '../api/errors';
import type { Department, Procedure } from '../api/types';

interface Catalogue {
  procedures: Procedure[];
  departments: Department[];
  loading: boolean;
  error: string | null;
}

// The catalogue changes rarely: one fetch per page load, shared by every screen.
let cache: Promise<{ procedures: Procedure[]; departments: Department[] }> | null = null;

export function resetCatalogueCache(): void {
  cache = null;
}

function load() {
  if (!cache) {
    cache = Promise.all([listProcedures(), listDepartments()]).then(([procedures, departments]) => ({ procedures, departments }));
    cache.catch(() => {
      cache = null; // let the next screen try again
    });
  }
  return cache;
}

export function useCatalogue(): Catalogue {
  const [state, setState] = useState<Catalogue>({ procedures: [], departments: [], loading: true, error: null });
  useEffect(() => {
    let live = true;
    load().then(
      (data) => live && setState({ ...data, loading: false, error: null }),
      (error) => live && setState({ procedures: [], departments: [], loading: false, error: describeError(error).message }),
    );
    return () => {
      live = false;
    };
  }, []);
  return state;
}

export function departmentName(departments: Department[], code: string | null | undefined): string {
  if (!code) return '—';
  return departments.find((d) => d.code === code)?.name ?? code;
}
