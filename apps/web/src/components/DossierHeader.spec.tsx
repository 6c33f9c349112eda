import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import { dossier } from '../testing/fixtures';
import { DossierHeader } from './DossierHeader';

const show = (overrides: Parameters<typeof dossier>[0]) => render(<DossierHeader dossier={dossier(overrides)} procedure={null} departments={[]} />);

describe('DossierHeader codes', () => {
  it('a submission not yet received shows its submission reference and says the code comes at receipt', () => {
    show({ channel: 'online', state: 'submitted', code: 'NOP-261126-7K3Q-X9MD', submissionRef: 'NOP-261126-7K3Q-X9MD', receiptCode: null, receivedAt: null });
    expect(screen.getByText('Mã nộp hồ sơ').nextElementSibling).toHaveTextContent('NOP-261126-7K3Q-X9MD — mã hồ sơ được cấp khi tiếp nhận');
  });

  it('a received submission still shows the reference it had, without the note', () => {
    show({ channel: 'online', code: '000.00.20.H35-261127-0003', submissionRef: 'NOP-261126-7K3Q-X9MD', receiptCode: '000.00.20.H35-261127-0003' });
    const shown = screen.getByText('Mã nộp hồ sơ').nextElementSibling;
    expect(shown).toHaveTextContent('NOP-261126-7K3Q-X9MD');
    expect(shown).not.toHaveTextContent('cấp khi tiếp nhận');
  });

  it('a counter dossier has no submission reference', () => {
    show({});
    expect(screen.queryByText('Mã nộp hồ sơ')).toBeNull();
  });
});
