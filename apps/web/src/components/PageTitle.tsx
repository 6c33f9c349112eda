import { useEffect, useRef, type ReactNode } from 'react';

/**
 * The page's h1: sets the tab title and takes focus when the page opens, so screen
 * reader and keyboard users start at the top of the new page.
 */
export function PageTitle({ children, title, focus = true }: { children: ReactNode; title: string; focus?: boolean }) {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    document.title = `${title} — Một cửa điện tử`;
  }, [title]);
  useEffect(() => {
    if (focus) ref.current?.focus({ preventScroll: false });
  }, [focus]);
  return (
    <h1 ref={ref} tabIndex={-1} className="page-title">
      {children}
    </h1>
  );
}
