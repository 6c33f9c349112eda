/**
 * Checks the files the service ships: config/catalogue/departments.json and procedures.json.
 * The comparison with the research file needs ../shared/docs/procedures-dost.yaml next to the
 * clone (as in CI); without it those tests are skipped, with the reason in their name.
 */
import * as fs from 'fs';
import * as path from 'path';
import { parse as parseYaml } from 'yaml';
import { parseCatalogueFiles } from './parse-catalogue';
import { validateCatalogue } from './validate-catalogue';
import type { CatalogueDefinition, ProcessingTime } from './catalogue.types';
import { NATIONAL_CODE_PATTERN, citizenFacingTexts, englishWordsIn, unverifiedFields } from './verification';

const REPO_ROOT = path.resolve(__dirname, '..', '..', '..');
const CONFIG_DIR = path.join(REPO_ROOT, 'config', 'catalogue');
/** CATALOGUE_RESEARCH_YAML points elsewhere (or nowhere, to try the skip). */
const RESEARCH_YAML =
  process.env.CATALOGUE_RESEARCH_YAML ?? path.resolve(REPO_ROOT, '..', 'shared', 'docs', 'procedures-dost.yaml');
const HAVE_RESEARCH = fs.existsSync(RESEARCH_YAML);

const readJson = (file: string): unknown => JSON.parse(fs.readFileSync(path.join(CONFIG_DIR, file), 'utf8'));

function load(): CatalogueDefinition {
  return parseCatalogueFiles(readJson('departments.json'), readJson('procedures.json'));
}

describe('shipped catalogue (config/catalogue)', () => {
  const catalogue = load();

  it('parses and validates with zero issues', () => {
    expect(validateCatalogue(catalogue)).toEqual([]);
  });

  it('holds at least 40 procedures of the Department (issue 12)', () => {
    expect(catalogue.procedures.length).toBeGreaterThanOrEqual(40);
  });

  it('has the high-volume procedures: postal licence and notification, technology transfer, conformity, S&T organisations and task results', () => {
    const ids = new Set(catalogue.procedures.map((p) => p.id));
    for (const id of [
      'bc-cap-giay-phep',
      'bc-cap-van-ban-xac-nhan',
      'cgcn-cap-gcn-dang-ky',
      'tdc-hop-chuan-tu-danh-gia',
      'tdc-hop-quy',
      'to-chuc-khcn-cap-lan-dau',
      'dang-ky-kq-nv-khong-nsnn',
      'dang-ky-kq-nv-nsnn-cap-tinh',
    ]) {
      expect([id, ids.has(id)]).toEqual([id, true]);
    }
  });

  it('has only Vietnamese in citizen-facing texts (no English word of the stop-list)', () => {
    const leaks = catalogue.procedures.flatMap((p) =>
      citizenFacingTexts(p)
        .map((t) => ({ id: p.id, path: t.path, words: englishWordsIn(t.text) }))
        .filter((t) => t.words.length > 0),
    );
    expect(leaks).toEqual([]);
  });

  it('has a national code only in the national format, never a catalogue slug', () => {
    for (const p of catalogue.procedures) {
      if (p.code !== null) expect([p.id, NATIONAL_CODE_PATTERN.test(p.code)]).toEqual([p.id, true]);
      expect(p.code).not.toBe(p.id);
    }
    expect(catalogue.procedures.filter((p) => p.code === null).length).toBeGreaterThan(0);
  });

  it('names what is unverified for every procedure not read in full in a source', () => {
    for (const p of catalogue.procedures.filter((x) => !x.verified)) {
      expect([p.id, unverifiedFields(p)]).toEqual([p.id, expect.arrayContaining(['name', 'processingTime', 'fee'])]);
    }
    for (const p of catalogue.procedures.filter((x) => x.inferred.includes('processingTime'))) {
      expect([p.id, p.processingTimeNote ?? '']).toEqual([p.id, expect.stringMatching(/assum|month/i)]);
    }
  });

  it('routes every step to a department that exists and is not the reception point', () => {
    const kinds = new Map(catalogue.departments.map((d) => [d.code, d.kind]));
    for (const p of catalogue.procedures) {
      for (const s of p.steps) {
        expect([p.id, s.key, kinds.get(s.departmentCode) ?? 'missing']).not.toContainEqual('missing');
        expect([p.id, s.key, kinds.get(s.departmentCode)]).not.toContainEqual('reception');
      }
    }
  });

  it('has at least 3 procedures whose steps involve two different specialist departments', () => {
    const multi = catalogue.procedures.filter(
      (p) => new Set(p.steps.filter((s) => s.role === 'specialist').map((s) => s.departmentCode)).size >= 2,
    );
    expect(multi.length).toBeGreaterThanOrEqual(3);
  });

  it('has the departments the service expects, with ASCII codes and Vietnamese names', () => {
    const byCode = new Map(catalogue.departments.map((d) => [d.code, d]));
    expect(byCode.get('BGD')?.roles).toEqual(['leader']);
    expect(byCode.get('TTPVHCC')?.roles).toEqual(['clerk']);
    expect(byCode.get('TTPVHCC')?.kind).toBe('reception');
    for (const code of ['VP', 'PQLKH', 'PQLCN', 'CCTDC', 'PBCVT']) expect(byCode.has(code)).toBe(true);
    expect(byCode.get('CCTDC')?.name).toBe('Chi cục Tiêu chuẩn Đo lường Chất lượng');
  });

  it('marks the agency identifier as unverified and overridable by AGENCY_ID', () => {
    expect(catalogue.agency.name).toBe('Sở Khoa học và Công nghệ tỉnh Lai Châu');
    expect(catalogue.agency.identifier).toMatchObject({ verified: false, overrideEnv: 'AGENCY_ID' });
  });

  it('flags written components and non-published steps', () => {
    for (const p of catalogue.procedures) {
      if (p.stepsSource === 'default-allocation') expect(p.stepsNote).not.toBe('');
      expect(p.components.length).toBeGreaterThan(0);
    }
    expect(catalogue.procedures.some((p) => !p.componentsVerified)).toBe(true);
    expect(catalogue.procedures.some((p) => p.stepsSource === 'published')).toBe(true);
  });
});

/** What the build script is meant to produce from a yaml `time` entry. */
function expectedTime(time: { days: number | null; unit: string | null }): ProcessingTime | null {
  if (time.days === null) return null;
  switch (time.unit) {
    case 'working_days':
      return { amount: time.days, unit: 'working_days' };
    case 'days':
      return { amount: time.days, unit: 'calendar_days' };
    case 'hours':
      return { amount: time.days, unit: 'working_hours' };
    case 'months':
      return { amount: time.days, unit: 'calendar_months' };
    default:
      throw new Error(`unexpected unit ${time.unit}`);
  }
}

const describeWithResearch = HAVE_RESEARCH ? describe : describe.skip;
const researchLabel = HAVE_RESEARCH
  ? `against ${RESEARCH_YAML}`
  : `against the research file (SKIPPED: ${RESEARCH_YAML} not found; CI keeps shared/ beside the clone at ../shared)`;

describeWithResearch(researchLabel, () => {
  interface ResearchEntry {
    id: string;
    code: string | null;
    name: string;
    verified: boolean;
    time: { days: number | null; unit: string | null };
  }
  const research = () => parseYaml(fs.readFileSync(RESEARCH_YAML, 'utf8')) as { procedures: ResearchEntry[] };

  it('contains every verified entry with its exact name, code and processing time', () => {
    const byId = new Map(load().procedures.map((p) => [p.id, p]));
    const verified = research().procedures.filter((e) => e.verified === true);
    expect(verified.length).toBeGreaterThan(0);
    for (const entry of verified) {
      const shipped = byId.get(entry.id);
      expect([entry.id, shipped !== undefined]).toEqual([entry.id, true]);
      expect({ id: entry.id, name: shipped?.name, code: shipped?.code, time: shipped?.processingTime, verified: shipped?.verified }).toEqual({
        id: entry.id,
        name: entry.name,
        code: entry.code ?? null,
        time: expectedTime(entry.time),
        verified: true,
      });
    }
  });

  it('keeps unverified entries unverified, with the researched code and time (or an assumed time, marked inferred)', () => {
    const research_ = new Map(research().procedures.map((e) => [e.id, e]));
    for (const p of load().procedures.filter((x) => !x.verified)) {
      const entry = research_.get(p.id);
      expect(entry?.verified).toBe(false);
      expect(p.code).toBe(entry!.code ?? null);
      if (entry!.time && entry!.time.days !== null) expect(p.processingTime).toEqual(expectedTime(entry!.time));
      else expect([p.id, p.inferred]).toEqual([p.id, expect.arrayContaining(['processingTime'])]);
    }
  });

  it('is exactly what scripts/catalogue/build-catalogue.js produces (re-run the script if this fails)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, loaded by its path
    const script = require(path.join(REPO_ROOT, 'scripts', 'catalogue', 'build-catalogue.js'));
    const overrides = JSON.parse(fs.readFileSync(path.join(REPO_ROOT, 'scripts', 'catalogue', 'overrides.json'), 'utf8'));
    const built: string = script.serialise(script.buildCatalogue(fs.readFileSync(RESEARCH_YAML, 'utf8'), overrides));
    expect(built).toBe(fs.readFileSync(path.join(CONFIG_DIR, 'procedures.json'), 'utf8'));
  });
});
