import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from './api/client';
import type { EventType } from './api/types';
import { App } from './App';
import { EVENT_LABELS } from './format/labels';
import { resetCatalogueCache } from './hooks/useCatalogue';
import { CounterPage } from './pages/CounterPage';
import { DossierPage } from './pages/DossierPage';
import { InboxPage } from './pages/InboxPage';
import { installFakeApi } from './testing/fake-api';
import { DEPARTMENTS, dossier, HISTORY, PROCEDURES, SPECIALIST } from './testing/fixtures';

/** Every form control on screen has an accessible name, and it comes from a real label. */
function expectAllControlsLabelled(container: HTMLElement) {
  const controls = Array.from(container.querySelectorAll<HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement>('input, select, textarea'));
  expect(controls.length).toBeGreaterThan(0);
  for (const control of controls) {
    expect(control).toHaveAccessibleName();
    expect(control.labels?.length ?? 0).toBeGreaterThan(0);
    // …and the label finds it back.
    expect(screen.getByLabelText(control.labels![0].textContent!.replace(/\s*\*$/, ''), { exact: false, selector: control.tagName.toLowerCase() })).toBe(control);
  }
  for (const button of Array.from(container.querySelectorAll('button'))) expect(button).toHaveAccessibleName();
}

beforeEach(() => {
  sessionStorage.clear();
  window.location.hash = '';
  setAuthHooks({ token: () => 'token', unauthorized: () => undefined });
  resetCatalogueCache();
  const api = installFakeApi();
  api.on('GET', '/api/procedures', { body: PROCEDURES });
  api.on('GET', '/api/departments', { body: DEPARTMENTS });
  api.on('GET', '/api/dossiers', { body: { items: [dossier({ id: 'x', state: 'submitted', allowedEvents: ['ACCEPT', 'REJECT', 'REQUEST_SUPPLEMENT'] })], total: 1, page: 1, pageSize: 20 } });
  api.on('GET', /\/api\/dossiers\/[^/]+$/, { body: dossier({ allowedEvents: Object.keys(EVENT_LABELS) as EventType[] }) });
  api.on('GET', /\/history$/, { body: HISTORY });
});

describe('accessibility: every control is labelled', () => {
  it('login', () => {
    const { container } = render(<App />);
    expectAllControlsLabelled(container);
  });

  it('counter (both tabs)', async () => {
    const { container } = render(<CounterPage tab="direct" />);
    await screen.findByText('2 thủ tục phù hợp');
    expectAllControlsLabelled(container);
  });

  it('counter intake list with a reject form open', async () => {
    const user = userEvent.setup();
    const { container } = render(<CounterPage tab="online" />);
    await user.click(await screen.findByRole('button', { name: 'Từ chối tiếp nhận' }));
    expect(screen.getByLabelText(/Lý do từ chối tiếp nhận/)).toBeInTheDocument();
    expectAllControlsLabelled(container);
  });

  it('inbox filters', async () => {
    const { container } = render(<InboxPage user={SPECIALIST} />);
    await screen.findByRole('table');
    expectAllControlsLabelled(container);
  });

  it.each(['REJECT', 'RETURN_RESULT', 'APOLOGISE', 'FORWARD'] as EventType[])('dossier page with the %s form open', async (type) => {
    const user = userEvent.setup();
    const { container } = render(<DossierPage id="330f0afb-7a99-4bcb-a080-3b71dfcfedd2" />);
    await user.click(await screen.findByRole('button', { name: EVENT_LABELS[type] }));
    expectAllControlsLabelled(container);
  });
});
