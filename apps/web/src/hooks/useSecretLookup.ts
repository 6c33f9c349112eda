import { useCallback, useEffect, useRef, useState } from 'react';
import { ApiError } from '../api/client';
import { describeError } from '../api/errors';

export interface SecretQuery {
  code: string;
  secret: string;
}

export type SecretLookup<T> = { status: 'idle' } | { status: 'loading' } | { status: 'found'; value: T } | { status: 'failed'; message: string };

/**
 * A public record opened with its code and secret (the dossier lookup, the PAKN follow-up): the
 * query from the link or the form, the answer, and one neutral sentence for an unknown code and a
 * wrong secret alike. A newer query wins over a slower older answer. `fetchRecord` must be stable.
 */
export function useSecretLookup<T>(code: string | undefined, secret: string | undefined, fetchRecord: (code: string, secret: string) => Promise<T>, notFoundMessage: string) {
  const [query, setQuery] = useState<SecretQuery | null>(code && secret ? { code, secret } : null);
  const [lookup, setLookup] = useState<SecretLookup<T>>({ status: 'idle' });
  const seq = useRef(0);

  useEffect(() => {
    if (code && secret) setQuery({ code, secret });
  }, [code, secret]);

  const load = useCallback(
    async (q: SecretQuery, quiet = false) => {
      const mine = ++seq.current;
      if (!quiet) setLookup({ status: 'loading' });
      try {
        const value = await fetchRecord(q.code, q.secret);
        if (mine === seq.current) setLookup({ status: 'found', value });
      } catch (err) {
        if (mine !== seq.current) return;
        const notFound = err instanceof ApiError && (err.status === 404 || err.status === 400);
        setLookup({ status: 'failed', message: notFound ? notFoundMessage : describeError(err).message });
      }
    },
    [fetchRecord, notFoundMessage],
  );

  useEffect(() => {
    if (query) void load(query);
  }, [query, load]);

  /** The form's query: a new one is looked up by the effect; the same one again (after a failure) is reloaded. */
  const ask = (q: SecretQuery) => {
    setQuery(q);
    if (query && q.code === query.code && q.secret === query.secret) void load(q);
  };

  return { query, setQuery, lookup, setLookup, load, ask };
}
