import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { brotliCompress, constants, gzip } from 'node:zlib';
import { promisify } from 'node:util';
import type { Plugin } from 'vite';

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

/** Text assets worth compressing; fonts (woff2) and images are compressed already; source maps are for developers only. */
const COMPRESSIBLE = /\.(?:js|mjs|css|html|json|svg|txt)$/;
/** Below one TCP packet compression saves nothing. */
const MIN_BYTES = 1024;

/**
 * Writes `name.br` and `name.gz` next to each text asset of the bundle, once at build time and at
 * the highest levels, so the API (@fastify/static `preCompressed`) sends them with no CPU per request.
 * A compressed copy no smaller than the original is not written.
 */
export function precompress(outDir: string): Plugin {
  return {
    name: 'motcua-precompress',
    apply: 'build',
    async closeBundle() {
      for (const file of await listFiles(outDir)) {
        if (!COMPRESSIBLE.test(file)) continue;
        const raw = await readFile(file);
        if (raw.length < MIN_BYTES) continue;
        const [br, gzipped] = await Promise.all([
          brotli(raw, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } }),
          gz(raw, { level: 9 }),
        ]);
        if (br.length < raw.length) await writeFile(`${file}.br`, br);
        if (gzipped.length < raw.length) await writeFile(`${file}.gz`, gzipped);
      }
    },
  };
}

async function listFiles(dir: string): Promise<string[]> {
  const names = await readdir(dir);
  const nested = await Promise.all(
    names.map(async (name) => {
      const path = join(dir, name);
      return (await stat(path)).isDirectory() ? listFiles(path) : [path];
    }),
  );
  return nested.flat();
}
