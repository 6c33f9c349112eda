import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap, OnModuleInit } from '@nestjs/common';
import {
  cachingFetcher,
  checkSigningIdentity,
  createDemoPki,
  DemoCertificateAuthority,
  httpFetcher,
  identityFromPem,
  issueUserCertificate,
  loadPkcs12,
  SigningIdentity,
  TrustStore,
  type HttpFetcher,
  type IdentityCheck,
  type VerificationPolicy,
} from '@motcua/signatures';
import { AuthUser } from '../common/auth.decorators';
import { Clock } from '../common/clock';
import { configPath } from '../common/repo-paths';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';
import { ReadinessRegistry } from '../health/readiness.registry';
import { mergeFolders, readTrustFolder, type TrustFolder } from './trust-loader';

/**
 * The agency's signing identity, the digitising clerks' identities, the trust anchors for
 * signed results uploaded by leaders, the verification policy and the network access
 * (cached) for revocation checking and timestamps.
 *
 * Production: the agency PKCS#12 comes from SIGNING_P12_PATH; trust anchors from
 * config/trust, config/trust/vn (TRUST_VN_ROOTS) and TRUSTED_CA_DIR — PEM, bundles or DER,
 * each file on its own: a broken one is logged, named by the `trust_anchors` readiness
 * check and skipped. Development: on first start a demo CA and agency
 * certificate are generated into DATA_DIR/pki (said in the log), the demo CA is trusted,
 * and each clerk gets a personal certificate from it, so "clerk X digitised this" is
 * checkable by anyone holding the CA certificate.
 */
@Injectable()
export class SigningService implements OnModuleInit, OnApplicationBootstrap {
  private readonly logger = new Logger('Signing');
  private agency: SigningIdentity | null = null;
  private demoCa: DemoCertificateAuthority | null = null;
  private trust: TrustStore | null = null;
  private folders: TrustFolder = { certificates: [], loaded: [], broken: [] };
  private readonly clerkIdentities = new Map<string, SigningIdentity>();
  private lastCheck: { at: number; result: IdentityCheck } | null = null;
  /** OCSP/CRL/TSA requests, answers cached for REVOCATION_CACHE_SECONDS. */
  readonly fetcher: HttpFetcher;

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly readiness: ReadinessRegistry,
    private readonly clock: Clock,
  ) {
    this.fetcher = cachingFetcher(httpFetcher(), { ttlMs: config.signing.revocationCacheSeconds * 1000, now: () => clock.now().getTime() });
  }

  onModuleInit(): void {
    this.readiness.register('trust_anchors', async () => {
      this.load();
      const { loaded, broken } = this.folders;
      if (broken.length > 0) {
        // Named for the operator, skipped by the verifier: uploads keep working on the other anchors.
        return { ok: true, degraded: true, detail: `unreadable certificate file(s), skipped: ${broken.map((b) => `${b.file} (${b.problem})`).join('; ')}` };
      }
      return { ok: true, detail: `${this.trust!.anchors.length} trust anchor(s) from ${loaded.length} file(s)` };
    });
    // mode=sign would answer 422 UNTRUSTED_CHAIN (or sign with an expired certificate): not ready, named.
    this.readiness.register('agency_certificate', async () => {
      const check = await this.agencyCheck();
      return { ok: check.ok, detail: describeAgencyCheck(check, this.config) };
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    this.load();
    // Said at boot too, not only by readiness: an operator reading the log sees what to fix.
    const check = await this.agencyCheck();
    if (!check.ok) this.logger.error(`The agency cannot sign results that verify: ${describeAgencyCheck(check, this.config)}`);
    else if (check.trial) this.logger.warn(`The agency signs with a TRIAL certificate (${check.subject}): every paper it signs says so; not for real documents`);
  }

  /**
   * The agency certificate checked against the configured trust as a verifier would (libs/signatures
   * identity-check.ts), valid now. Re-checked at most once a minute (readiness asks every few seconds).
   */
  async agencyCheck(): Promise<IdentityCheck> {
    const now = this.clock.now();
    if (this.lastCheck && now.getTime() - this.lastCheck.at < 60_000) return this.lastCheck.result;
    const { agency } = this.load();
    const result = await checkSigningIdentity(agency, this.trust!, now);
    this.lastCheck = { at: now.getTime(), result };
    return result;
  }

  get agencyIdentity(): SigningIdentity {
    return this.load().agency;
  }

  /** Anchors and intermediates, parsed once. */
  get trustStore(): TrustStore {
    this.load();
    return this.trust!;
  }

  /** The verification policy from the configuration (libs/signatures policy.ts). */
  get policy(): Partial<VerificationPolicy> {
    const s = this.config.signing;
    return { revocation: s.revocation, revocationTimeoutMs: s.revocationTimeoutMs, allowSha1: s.allowSha1, requireNonRepudiation: s.requireNonRepudiation };
  }

  /** Identity for signing a digitised copy on behalf of `user`. */
  identityFor(user: AuthUser): { identity: SigningIdentity; onBehalfOf: string } {
    const { agency } = this.load();
    if (!this.demoCa) return { identity: agency, onBehalfOf: user.fullName }; // no CA key: the agency signs, naming the clerk
    let identity = this.clerkIdentities.get(user.id);
    if (!identity) {
      identity = this.readOrIssueClerk(user);
      this.clerkIdentities.set(user.id, identity);
    }
    return { identity, onBehalfOf: user.fullName };
  }

  private load(): { agency: SigningIdentity } {
    if (this.agency) return { agency: this.agency };
    const settings = this.config.signing;
    const anchorFolders = mergeFolders(
      readTrustFolder(configPath('trust')),
      settings.trustVnRoots ? readTrustFolder(configPath('trust', 'vn', 'roots')) : emptyFolder(),
      settings.trustedCaDir ? readTrustFolder(settings.trustedCaDir) : emptyFolder(),
    );
    const intermediateFolders = mergeFolders(
      settings.trustVnRoots ? readTrustFolder(configPath('trust', 'vn', 'intermediates')) : emptyFolder(),
      settings.trustedIntermediatesDir ? readTrustFolder(settings.trustedIntermediatesDir) : emptyFolder(),
    );
    this.folders = mergeFolders(anchorFolders, intermediateFolders);
    for (const broken of this.folders.broken) this.logger.error(`Trust: skipped ${broken.file}: ${broken.problem}`);
    const anchors: Array<string | Uint8Array> = [...anchorFolders.certificates];
    if (this.config.signing.p12Path) {
      this.agency = loadPkcs12(readFileSync(this.config.signing.p12Path), this.config.signing.p12Password ?? '');
    } else {
      const dir = join(this.config.dataDir, 'pki');
      mkdirSync(dir, { recursive: true, mode: 0o700 });
      const files = { ca: join(dir, 'demo-ca.pem'), caKey: join(dir, 'demo-ca-key.pem'), cert: join(dir, 'agency.pem'), key: join(dir, 'agency-key.pem') };
      if (!existsSync(files.cert)) {
        const pki = createDemoPki({ agencyName: 'Sở Khoa học và Công nghệ tỉnh Lai Châu', now: DEMO_VALID_FROM, validityYears: 30 });
        writeFileSync(files.ca, pki.caCertPem);
        writeFileSync(files.caKey, pki.ca.keyPem, { mode: 0o600 });
        writeFileSync(files.cert, pki.agencyCertPem);
        writeFileSync(files.key, pki.agencyKeyPem, { mode: 0o600 });
        this.logger.warn(`Generated a DEMO signing CA and agency certificate in ${dir} — for development only, not for real documents`);
      }
      this.demoCa = { certPem: readFileSync(files.ca, 'utf8'), keyPem: readFileSync(files.caKey, 'utf8') };
      this.agency = identityFromPem({ privateKeyPem: readFileSync(files.key, 'utf8'), certificatePem: readFileSync(files.cert, 'utf8'), chainPem: [this.demoCa.certPem] });
      anchors.push(this.demoCa.certPem);
    }
    this.trust = TrustStore.from({ anchors, intermediates: intermediateFolders.certificates });
    return { agency: this.agency };
  }

  private readOrIssueClerk(user: AuthUser): SigningIdentity {
    const dir = join(this.config.dataDir, 'pki', 'users');
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const cert = join(dir, `${user.id}.pem`);
    const key = join(dir, `${user.id}-key.pem`);
    if (!existsSync(cert)) {
      const issued = issueUserCertificate(this.demoCa!, { commonName: user.fullName, organizationalUnit: 'Bộ phận Một cửa', now: DEMO_VALID_FROM, validityYears: 30 });
      writeFileSync(cert, issued.certPem);
      writeFileSync(key, issued.keyPem, { mode: 0o600 });
    }
    return identityFromPem({ privateKeyPem: readFileSync(key, 'utf8'), certificatePem: readFileSync(cert, 'utf8'), chainPem: [this.demoCa!.certPem] });
  }
}

/**
 * Demo certificates are valid from 2020, so imported or back-dated test dossiers can be
 * signed "at" their own time; real certificates come from a CA with real validity.
 */
const DEMO_VALID_FROM = new Date('2020-01-01T00:00:00Z');

function emptyFolder(): TrustFolder {
  return { certificates: [], loaded: [], broken: [] };
}

/** For the log and readiness: which certificate, and what the operator must add. */
function describeAgencyCheck(check: IdentityCheck, config: AppConfig): string {
  const source = config.signing.p12Path ? `SIGNING_P12_PATH ${config.signing.p12Path}` : 'the demo PKI in DATA_DIR/pki';
  const until = `valid until ${check.notAfter.toISOString().slice(0, 10)}`;
  if (check.ok) return `${check.subject} (${source}) chains to a trust anchor, ${until}${check.trial ? '; TRIAL certificate' : ''}`;
  const hint = config.signing.trustedCaDir
    ? `put the root CA certificate of its issuer in TRUSTED_CA_DIR (${config.signing.trustedCaDir}) and any intermediate in the PKCS#12 or TRUSTED_INTERMEDIATES_DIR`
    : 'TRUSTED_CA_DIR is not set: set it to a folder holding the root CA certificate of its issuer (docs/deploy.md, "Signing")';
  return `${check.subject} (${source}, ${until}): ${check.problems.join('; ')} — ${hint}`;
}
