import { useCallback, useEffect, useState } from 'react';
import { describeError } from '../api/errors';
import { listDossierFiles } from '../api/files';
import type { DossierFile, ProcedureComponent } from '../api/types';

export interface DossierFiles {
  files: DossierFile[];
  loaded: boolean;
  error: string | null;
  reload(): Promise<void>;
  /** A file the server just stored (upload, reuse, result): shown at once, no reload needed. */
  add(file: DossierFile): void;
}

export function useDossierFiles(dossierId: string): DossierFiles {
  const [files, setFiles] = useState<DossierFile[]>([]);
  const [loaded, setLoaded] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      setFiles(await listDossierFiles(dossierId));
      setError(null);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setLoaded(true);
    }
  }, [dossierId]);

  useEffect(() => {
    void reload();
  }, [reload]);

  const add = useCallback((file: DossierFile) => setFiles((all) => [...all.filter((f) => f.id !== file.id), file]), []);
  return { files, loaded, error, reload, add };
}

/** Required components of the procedure that have no file yet. */
export function missingRequired(components: readonly ProcedureComponent[], files: readonly DossierFile[]): ProcedureComponent[] {
  const present = new Set(files.filter((f) => f.purpose === 'component').map((f) => f.componentKey));
  return components.filter((c) => c.required && !present.has(c.key));
}

/** The dossier states in which the one-stop unit may still attach component files (as the API). */
export const OPEN_FOR_COMPONENTS = ['submitted', 'received', 'awaiting_supplement'];
