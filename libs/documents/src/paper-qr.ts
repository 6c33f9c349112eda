import type { FormDefinition } from './forms';
import { qrPng } from './qr-image';
import { qrPayload } from './qr-payload';
import type { PaperBase } from './types';

/** The QR image of a paper, from the fields every paper has plus an optional appointment. */
export function paperQr(data: PaperBase, form: FormDefinition, appointmentAt?: Date): Buffer {
  return qrPng(
    qrPayload({
      dossierCode: data.dossierCode,
      procedureCode: data.procedure.code,
      applicantId: data.applicant.idNumber,
      paperName: form.paperName,
      issuedAt: data.issuedAt,
      appointmentAt,
      lookupUrl: data.publicLookupUrl,
    }),
  );
}
