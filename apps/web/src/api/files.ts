import { apiBlob, apiRequest, apiUpload, type BinaryFile } from './client';
import type { DocumentKind, DossierFile, ResultMode, SignatureRecord } from './types';

const enc = encodeURIComponent;

export function listDossierFiles(dossierId: string, signal?: AbortSignal): Promise<DossierFile[]> {
  return apiRequest<DossierFile[]>('GET', `/dossiers/${enc(dossierId)}/files`, { signal });
}

/** One scan of a component, multipart field `file`, with upload progress. */
export function uploadComponentFile(
  dossierId: string,
  componentKey: string,
  file: File,
  options: { onProgress?(fraction: number): void; signal?: AbortSignal } = {},
): Promise<DossierFile> {
  const form = new FormData();
  form.append('file', file, file.name);
  return apiUpload<DossierFile>(`/dossiers/${enc(dossierId)}/components/${enc(componentKey)}/files`, form, options);
}

/** Attaches a file from the applicant's data store instead of a new scan. */
export function reuseComponentFile(dossierId: string, componentKey: string, fileId: string): Promise<DossierFile> {
  return apiRequest<DossierFile>('POST', `/dossiers/${enc(dossierId)}/components/${enc(componentKey)}/reuse`, { body: { fileId } });
}

/** The applicant's data store: earlier components and results, by ID number. */
export function listApplicantFiles(idNumber: string, signal?: AbortSignal): Promise<DossierFile[]> {
  return apiRequest<DossierFile[]>('GET', `/applicants/${enc(idNumber)}/files`, { signal });
}

/** Removes a wrong scan or an unissued result (kept, in the history with the reason). */
export function removeFile(fileId: string, expectedVersion: number, reason: string): Promise<DossierFile> {
  return apiRequest<DossierFile>('POST', `/files/${enc(fileId)}/remove`, { body: { expectedVersion, reason } });
}

export function downloadFile(fileId: string, signal?: AbortSignal): Promise<BinaryFile> {
  return apiBlob(`/files/${enc(fileId)}`, { signal });
}

/** Re-verifies a stored file's signature now. */
export function verifyFile(fileId: string, signal?: AbortSignal): Promise<SignatureRecord> {
  return apiRequest<SignatureRecord>('GET', `/files/${enc(fileId)}/verification`, { signal });
}

/**
 * The result document. `mode` goes first: the server reads the fields in order and must
 * know whether to sign or to verify before the file streams in.
 */
export function uploadResult(
  dossierId: string,
  mode: ResultMode,
  file: File,
  options: { onProgress?(fraction: number): void; signal?: AbortSignal } = {},
): Promise<DossierFile> {
  const form = new FormData();
  form.append('mode', mode);
  form.append('file', file, file.name);
  return apiUpload<DossierFile>(`/dossiers/${enc(dossierId)}/result`, form, options);
}

/**
 * A paper the service prints: the receipt and appointment slip (Mẫu 01, with the lookup
 * QR code), or the latest supplement request, refusal or apology letter. A PDF.
 */
export function downloadDocument(dossierId: string, kind: DocumentKind): Promise<BinaryFile> {
  return apiBlob(`/dossiers/${enc(dossierId)}/documents/${enc(kind)}`);
}

/** Sổ theo dõi hồ sơ for a period (days YYYY-MM-DD), as PDF or Excel. */
export function downloadLogBook(q: { from: string; to: string; procedureCode?: string; format: 'pdf' | 'xlsx' }): Promise<BinaryFile> {
  const params = new URLSearchParams({ from: q.from, to: q.to, format: q.format, ...(q.procedureCode ? { procedureCode: q.procedureCode } : {}) });
  return apiBlob(`/reports/log-book?${params.toString()}`);
}

export function downloadReceipt(dossierId: string): Promise<BinaryFile> {
  return downloadDocument(dossierId, 'receipt');
}
