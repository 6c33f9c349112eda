import { DossierFileEntity } from './dossier-file.entity';

export interface FileView {
  id: string;
  dossierId: string;
  purpose: DossierFileEntity['purpose'];
  componentKey: string | null;
  fileName: string;
  contentType: string;
  size: number;
  sha256: string;
  uploadedBy: string;
  uploadedAt: string;
  digitisationCode: string | null;
  metadata: DossierFileEntity['metadata'];
  signature: DossierFileEntity['signature'];
  reusedFrom: string | null;
  /** Set on a removed file: what it was, when and why it was removed. */
  removed: { from: DossierFileEntity['purpose']; at: string; reason: string | null } | null;
}

export function toFileView(f: DossierFileEntity): FileView {
  return {
    id: f.id,
    dossierId: f.dossierId,
    purpose: f.purpose,
    componentKey: f.componentKey,
    fileName: f.fileName,
    contentType: f.contentType,
    size: f.size,
    sha256: f.sha256,
    uploadedBy: f.uploadedBy,
    uploadedAt: f.uploadedAt.toISOString(),
    digitisationCode: f.digitisationCode,
    metadata: f.metadata,
    signature: f.signature,
    reusedFrom: f.reusedFrom,
    removed: f.removedFrom ? { from: f.removedFrom, at: f.removedAt?.toISOString() ?? '', reason: f.removedReason ?? null } : null,
  };
}
