/** DER blobs of validation material: CRLs, OCSP responses (OCSPResponse) and certificates. */
export interface RevocationMaterial {
  crls: Uint8Array[];
  ocsps: Uint8Array[];
  certs: Uint8Array[];
}

/**
 * The network, as the verifier sees it: one HTTP request. Injected, so the core stays pure
 * and tests use real servers on loopback. Implementations must honour `timeoutMs`, cap the
 * answer's size, and reject (never hang) on failure.
 */
export interface HttpFetcher {
  request(req: { url: string; method: 'GET' | 'POST'; body?: Uint8Array; contentType?: string; timeoutMs: number }): Promise<{ status: number; body: Uint8Array }>;
}

export function emptyMaterial(): RevocationMaterial {
  return { crls: [], ocsps: [], certs: [] };
}

/** `a` plus the blobs of `b` it does not hold yet. */
export function mergeMaterial(a: RevocationMaterial, b: RevocationMaterial): RevocationMaterial {
  const merge = (x: Uint8Array[], y: Uint8Array[]) => {
    const seen = new Set(x.map((d) => Buffer.from(d).toString('base64')));
    return [...x, ...y.filter((d) => !seen.has(Buffer.from(d).toString('base64')))];
  };
  return { crls: merge(a.crls, b.crls), ocsps: merge(a.ocsps, b.ocsps), certs: merge(a.certs, b.certs) };
}
