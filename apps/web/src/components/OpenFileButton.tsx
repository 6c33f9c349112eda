import { useState } from 'react';
import type { BinaryFile } from '../api/client';
import { describeError } from '../api/errors';
import { openInNewTab } from './open-file';

/** A button that fetches a file with the token and opens it in a new tab; errors and a fallback link beside it. */
export function OpenFileButton({ label, ariaLabel, load, className = 'button', busyLabel = 'Đang mở…', testId }: {
  label: string;
  /** A fuller name for screen readers when the visible label is short ("Xem"). */
  ariaLabel?: string;
  load(): Promise<BinaryFile>;
  className?: string;
  busyLabel?: string;
  testId?: string;
}) {
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fallback, setFallback] = useState<string | null>(null);

  const open = async () => {
    if (pending) return;
    setPending(true);
    setError(null);
    setFallback(null);
    try {
      const { url, opened } = await openInNewTab(load);
      if (!opened) setFallback(url);
    } catch (err) {
      setError(describeError(err).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <span className="open-file">
      <button type="button" className={className} onClick={() => void open()} aria-busy={pending} aria-label={ariaLabel} data-testid={testId}>
        {pending ? busyLabel : label}
      </button>
      {fallback && (
        <a href={fallback} target="_blank" rel="noopener">
          Trình duyệt đã chặn cửa sổ mới: bấm vào đây để mở tệp
        </a>
      )}
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
