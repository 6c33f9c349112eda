import { CONTACT_PROBLEMS_VI } from '@motcua/text/contact-rules';
import '@testing-library/jest-dom';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { setAuthHooks } from '../../api/client';
import { installFakeApi } from '../../testing/fake-api';
import { dossier } from '../../testing/fixtures';
import { ApplicantCorrection } from './ApplicantCorrection';

beforeEach(() => setAuthHooks({ token: () => 'token', unauthorized: () => undefined }));

describe('ApplicantCorrection', () => {
  it('needs a reason, checks like the counter, highlights a field the server refuses, then sends the version it showed', async () => {
    const current = dossier({ state: 'processing', version: 6 });
    let refuse = true;
    const api = installFakeApi().on('PATCH', `/api/dossiers/${current.id}/applicant`, () =>
      refuse
        ? { status: 400, body: { statusCode: 400, error: 'VALIDATION_FAILED', message: 'x', details: { problems: ['applicant.phone phone must be 6–20 digits'] } } }
        : { body: { ...current, version: 7, applicant: { ...current.applicant, fullName: 'Lò Văn Minh' } } },
    );
    const changed = jest.fn();
    const user = userEvent.setup();
    render(<ApplicantCorrection dossier={current} onChanged={changed} />);
    await user.click(screen.getByText('Sửa thông tin người nộp'));
    await user.clear(screen.getByLabelText(/Họ và tên/));
    await user.type(screen.getByLabelText(/Họ và tên/), 'Lò Văn Minh');
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin đã sửa' }));
    expect(screen.getByLabelText(/Lý do sửa/)).toHaveAttribute('aria-invalid', 'true');
    expect(api.calls).toHaveLength(0);
    await user.type(screen.getByLabelText(/Lý do sửa/), 'Nhập sai họ tên');
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin đã sửa' }));
    expect(await screen.findByText(CONTACT_PROBLEMS_VI.PHONE_PATTERN)).toBeInTheDocument();
    expect(screen.getByLabelText(/Số điện thoại/)).toHaveAttribute('aria-invalid', 'true');
    refuse = false;
    await user.click(screen.getByRole('button', { name: 'Lưu thông tin đã sửa' }));
    await screen.findByText('Sửa thông tin người nộp');
    expect(changed).toHaveBeenCalledWith(expect.objectContaining({ version: 7 }));
    expect(api.calls.at(-1)?.body).toMatchObject({ expectedVersion: 6, reason: 'Nhập sai họ tên', applicant: { fullName: 'Lò Văn Minh', idNumber: current.applicant.idNumber } });
  });
});
