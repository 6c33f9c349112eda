import type { TabCounts, WorklistTab } from '../../api/types';

export type InboxTab = WorklistTab | 'all';

export const TAB_LABELS: Record<InboxTab, string> = {
  open: 'Chờ xử lý',
  due_soon: 'Sắp đến hạn',
  overdue: 'Quá hạn',
  awaiting_return: 'Chờ trả kết quả',
  closed: 'Đã kết thúc',
  all: 'Tất cả',
};

const ORDER: InboxTab[] = ['open', 'due_soon', 'overdue', 'awaiting_return', 'closed', 'all'];

/** Every dossier is in exactly one of open, awaiting return or closed (the states split so). */
export function countOf(counts: TabCounts, tab: InboxTab): number {
  return tab === 'all' ? counts.open + counts.awaiting_return + counts.closed : counts[tab];
}

/** The worklist's tabs, each with its live count from the server (the same filters as the list). */
export function WorklistTabs({ tab, counts, onSelect }: { tab: InboxTab; counts: TabCounts | null; onSelect(tab: InboxTab): void }) {
  return (
    <div className="worklist-tabs" role="tablist" aria-label="Nhóm hồ sơ">
      {ORDER.map((t) => (
        <button
          key={t}
          type="button"
          role="tab"
          id={`worklist-tab-${t}`}
          aria-selected={t === tab}
          aria-controls="worklist-panel"
          className={`worklist-tab${t === tab ? ' worklist-tab--active' : ''}${t === 'overdue' && counts && counts.overdue > 0 ? ' worklist-tab--alert' : ''}`}
          onClick={() => onSelect(t)}
        >
          {TAB_LABELS[t]} <span className="worklist-tab__count" data-testid={`tab-count-${t}`}>{counts ? countOf(counts, t) : '…'}</span>
        </button>
      ))}
    </div>
  );
}

/** Working time left at the current step, in words: "còn 2 ngày 3 giờ", "quá 45 phút" (8-hour working days). */
export function workingTimeLeft(minutes: number | null | undefined, dayMinutes = 480): string {
  if (minutes === null || minutes === undefined) return '—';
  const abs = Math.abs(minutes);
  const days = Math.floor(abs / dayMinutes);
  const hours = Math.floor((abs % dayMinutes) / 60);
  const mins = Math.round(abs % 60);
  const parts = [days ? `${days} ngày` : '', hours ? `${hours} giờ` : '', !days && mins ? `${mins} phút` : ''].filter(Boolean);
  const amount = parts.length ? parts.join(' ') : '0 phút';
  return minutes < 0 ? `quá ${amount}` : `còn ${amount}`;
}
