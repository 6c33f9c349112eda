import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import {
  createDemoPki,
  DemoCertificateAuthority,
  identityFromPem,
  issueUserCertificate,
  loadPkcs12,
  SigningIdentity,
} from '@motcua/signatures';
import { AuthUser } from '../common/auth.decorators';
import { configPath } from '../common/repo-paths';
import { APP_CONFIG, AppConfig } from '../config/app-config.provider';

/**
 * The agency's signing identity, the digitising clerks' identities and the trust
 * anchors for signed results uploaded by leaders.
 *
 * Production: the agency PKCS#12 comes from SIGNING_P12_PATH; trust anchors from
 * config/trust and TRUSTED_CA_DIR. Development: on first start a demo CA and agency
 * certificate are generated into DATA_DIR/pki (said in the log), the demo CA is trusted,
 * and each clerk gets a personal certificate from it, so "clerk X digitised this" is
 * checkable by anyone holding the CA certificate.
 */
@Injectable()
export class SigningService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Signing');
  private agency: SigningIdentity | null = null;
  private demoCa: DemoCertificateAuthority | null = null;
  private anchors: string[] = [];
  private readonly clerkIdentities = new Map<string, SigningIdentity>();

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  onApplicationBootstrap(): void {
    this.load();
  }

  get agencyIdentity(): SigningIdentity {
    return this.load().agency;
  }

  get trustAnchors(): string[] {
    return this.load().anchors;
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

  private load(): { agency: SigningIdentity; anchors: string[] } {
    if (this.agency) return { agency: this.agency, anchors: this.anchors };
    const anchors = [...readPemDir(configPath('trust')), ...(this.config.signing.trustedCaDir ? readPemDir(this.config.signing.trustedCaDir) : [])];
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
    this.anchors = anchors;
    return { agency: this.agency, anchors };
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

function readPemDir(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.pem') || f.endsWith('.crt'))
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}
