import * as documents from './index';

describe('@motcua/documents public surface', () => {
  it('exports exactly the documented runtime API', () => {
    expect(Object.keys(documents).sort()).toEqual([
      'CONTROL_SLIP_COLUMNS',
      'FORMS',
      'FORM_SOURCE',
      'ISSUING_SYSTEM',
      'InvalidQrPayloadError',
      'LOG_BOOK_COLUMNS',
      'QR_FORMAT_VERSION',
      'TRIAL_NOTICE',
      'formatVnDate',
      'formatVnDateTime',
      'formatVnLongDate',
      'formatVnLongDateTime',
      'logBookPeriod',
      'logBookRows',
      'maskIdentifier',
      'parseQrPayload',
      'qrPayload',
      'renderApology',
      'renderControlSlip',
      'renderLogBook',
      'renderProcessingRefusal',
      'renderReceipt',
      'renderRefusal',
      'renderSupplementRequest',
      'stampNotice',
      'toVnIso',
    ]);
  });

  it('keeps the form numbers in one table, marked unverified', () => {
    expect(Object.values(documents.FORMS).map((form) => form.number)).toEqual(['01', '02', '03', '04', '', '06', '07']);
    expect(documents.FORM_SOURCE).toContain('UNVERIFIED');
  });
});
