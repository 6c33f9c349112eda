import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { precompress } from './vite-precompress';

// apps/web; the bundle goes to <repo>/dist/web, which the API serves at `/`.
const webRoot = fileURLToPath(new URL('.', import.meta.url));
const outDir = fileURLToPath(new URL('../../dist/web', import.meta.url));

export default defineConfig({
  root: webRoot,
  base: '/',
  // The aliases of tsconfig.paths.json (through apps/web/tsconfig.json), e.g. @motcua/workflow/vocabulary.
  resolve: { tsconfigPaths: true },
  // No @vitejs/plugin-react: Vite 8 compiles TSX itself with Oxc, using React's automatic runtime.
  oxc: { jsx: { runtime: 'automatic' } },
  plugins: [precompress(outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2022',
    sourcemap: true,
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.MOTCUA_API_URL ?? 'http://127.0.0.1:3000', changeOrigin: false } },
  },
  preview: { port: 4173, proxy: { '/api': { target: process.env.MOTCUA_API_URL ?? 'http://127.0.0.1:3000' } } },
});
