import type { DossierFileEntity } from './dossier-file.entity';

/**
 * The row of a component file the applicant sent electronically (through the national portal or the
 * lookup page): an electronic original, not a scan made by the one-stop unit, so it carries no
 * digitisation code and no digitiser's signature (TT 01/2023 concerns digitised paper).
 */
export function electronicComponentRow(fields: {
  id: string;
  dossierId: string;
  applicantIdNumber: string;
  componentKey: string;
  storageKey: string;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: Date;
}): DossierFileEntity {
  return { ...fields, purpose: 'component', digitisationCode: null, metadata: null, signature: null, signatureKey: null, reusedFrom: null };
}
