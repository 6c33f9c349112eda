import type { ReactNode } from 'react';
import { paths } from '../../hooks/useRoute';

/** The citizen's pages (no login): the agency's header, links between the public services, the page below. */
export function PublicFrame({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <div className="public-page">
      <header className="public-header">
        <p className="brand-title">{heading}</p>
        <p className="brand-sub">Sở Khoa học và Công nghệ tỉnh Lai Châu</p>
        <nav aria-label="Dịch vụ công trực tuyến" className="public-nav">
          <a href={paths.lookup}>Tra cứu hồ sơ</a>
          {' · '}
          <a href={paths.feedbackNew}>Gửi phản ánh, kiến nghị</a>
          {' · '}
          <a href={paths.feedbackFollow}>Theo dõi phản ánh, kiến nghị</a>
        </nav>
      </header>
      <main className="public-main" id="noi-dung-chinh" tabIndex={-1}>
        {children}
      </main>
    </div>
  );
}
