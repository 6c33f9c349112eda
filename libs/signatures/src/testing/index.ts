/** Test-only entry point (`@motcua/signatures/testing`): a local PKI with OCSP, CRL and TSA servers on loopback. */
export * from './pki-servers';
export * from './test-pki';
export * from './encapsulated-cms';
