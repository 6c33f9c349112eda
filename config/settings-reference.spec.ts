import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, loadAppConfig } from './app-config';
import { deploySettingsTable, readmeSettingsTable, SETTINGS, withSettingsTable } from './settings-reference';

const root = join(__dirname, '..');
const read = (...path: string[]) => readFileSync(join(root, ...path), 'utf8');

describe('The settings reference (config/settings-reference.ts)', () => {
  it.each([
    ['README.md', readmeSettingsTable],
    ['docs/deploy.md', deploySettingsTable],
  ])('%s shows exactly the generated table (fix: npm run docs:settings)', (file, table) => {
    const text = read(file);
    expect(withSettingsTable(text, table())).toBe(text);
  });

  it('documents every variable the configuration schema reads, and none it does not', () => {
    const sources = [read('config', 'app-config.ts'), read('libs', 'storage', 'src', 'minio-config.ts')].join('\n');
    const read_ = new Set([...sources.matchAll(/\benv\.([A-Z][A-Z0-9_]+)/g)].map((m) => m[1]));
    const documented = SETTINGS.flatMap((s) => s.names);
    expect(documented.filter((n, i) => documented.indexOf(n) !== i)).toEqual([]);
    expect([...read_].filter((n) => !documented.includes(n)).sort()).toEqual([]);
    expect(documented.filter((n) => !read_.has(n)).sort()).toEqual([]);
  });

  describe('the production requirements are the ones the schema enforces', () => {
    let dir: string;
    beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'motcua-settings-'))));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const production = () => ({
      NODE_ENV: 'production',
      DATA_DIR: dir,
      JWT_SECRET: 'x'.repeat(32),
      PUBLIC_BASE_URL: 'https://motcua.example.vn',
      SIGNING_P12_PATH: '/etc/motcua/agency.p12',
      SIGNING_P12_PASSWORD: 'secret',
    });

    it('with all of them, production starts', () => {
      expect(loadAppConfig(production()).env).toBe('production');
    });

    it.each(SETTINGS.filter((s) => s.requiredInProduction).flatMap((s) => s.names))('without %s, production is refused naming it', (name) => {
      const env: Record<string, string | undefined> = production();
      delete env[name];
      expect(() => loadAppConfig(env)).toThrow(ConfigError);
      expect(() => loadAppConfig(env)).toThrow(new RegExp(name));
    });
  });
});
