import '@testing-library/jest-dom';
import { render } from '@testing-library/react';
import type { DossierState } from '../api/types';
import { DossierBadges } from './Badges';

const ended = (state: DossierState) => render(<DossierBadges dossier={{ state, outcome: 'early', deadlineStatus: 'on_track', processingEndedAt: '2026-03-02T02:00:00Z' }} />).container;

describe('DossierBadges', () => {
  it.each(['refused', 'withdrawn', 'stopped', 'rejected'] as DossierState[])('a %s dossier never wears an on-time badge', (state) => {
    expect(ended(state)).toBeEmptyDOMElement();
  });

  it('a returned dossier shows its outcome', () => {
    expect(ended('returned')).toHaveTextContent('Trước hạn');
  });
});
