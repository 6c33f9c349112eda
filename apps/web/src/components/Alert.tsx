import type { ReactNode } from 'react';

/** An error announced to screen readers as it appears. */
export function ErrorAlert({ message, items, children }: { message: string | null | undefined; items?: string[]; children?: ReactNode }) {
  if (!message) return null;
  return (
    <div className="alert alert--error" role="alert">
      <p>{message}</p>
      {items && items.length > 0 && (
        <ul>
          {items.map((item) => (
            <li key={item}>{item}</li>
          ))}
        </ul>
      )}
      {children}
    </div>
  );
}

/** A polite status line (saved, refreshed…). */
export function StatusMessage({ message }: { message: string | null | undefined }) {
  return (
    <p className={message ? 'alert alert--ok' : 'visually-hidden'} role="status">
      {message ?? ''}
    </p>
  );
}
