import { formatDateTime } from '../../format/datetime';

/** The dated steps a citizen sees on a public page (a dossier's or a feedback's), nothing when there are none. */
export function PublicTimeline({ id, title, items }: { id: string; title: string; items: ReadonlyArray<{ at: string; label: string }> }) {
  if (items.length === 0) return null;
  return (
    <section className="card" aria-labelledby={id}>
      <h2 id={id}>{title}</h2>
      <ol className="timeline">
        {items.map((t, i) => (
          <li key={`${t.at}-${i}`} className="timeline-item">
            <div className="timeline-head">
              <time dateTime={t.at}>{formatDateTime(t.at)}</time>
              <strong>{t.label}</strong>
            </div>
          </li>
        ))}
      </ol>
    </section>
  );
}
