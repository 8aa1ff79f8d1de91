import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * Writes a brotli copy (file.br) beside every script, stylesheet and page of the build, once,
 * at the highest quality; the headless host sends it to a browser that accepts br
 * (main/services/static-files.ts), so serving costs no compression work.
 */
function precompress(): Plugin {
  let outDir = '';
  return {
    name: 'kiosk-precompress',
    apply: 'build',
    configResolved(config) {
      outDir = resolve(config.root, config.build.outDir);
    },
    writeBundle() {
      const walk = (dir: string) => {
        for (const entry of readdirSync(dir, { withFileTypes: true })) {
          const file = join(dir, entry.name);
          if (entry.isDirectory()) walk(file);
          else if (/\.(js|css|html|json|svg)$/.test(entry.name)) {
            const body = readFileSync(file);
            const br = brotliCompressSync(body, {
              params: {
                [constants.BROTLI_PARAM_QUALITY]: 11,
                [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
              },
            });
            if (br.length < body.length) writeFileSync(`${file}.br`, br);
          }
        }
      };
      walk(outDir);
    },
  };
}

// The renderer is built once into dist/renderer and served by either host
// (Electron's kiosk:// protocol or the headless Node host), so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react(), precompress()],
  // No source maps in the build: the kiosk ships and serves only what runs.
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      output: {
        // The start's early bridge call (renderer/bridge/start.ts) is a chunk of its own, which
        // the entry imports first, so it runs before the libraries' chunks are evaluated.
        codeSplitting: {
          groups: [
            { name: 'start', test: /renderer\/bridge\/(start|early-call|transport)\.ts$/ },
            // zod and its config alone, evaluated next, before any chunk that builds a schema.
            { name: 'zod', test: /node_modules\/zod\/|renderer\/zod-jitless\.ts$/ },
          ],
        },
        // A chunk holding a feature's on-demand entry (features/<name>/lazy.ts) is named after
        // the feature, not "lazy", so the build's list of chunks still says what each one is.
        // The entry that loads the chunk runs last, after the lazy.ts files it imports.
        chunkFileNames: (chunk) => {
          const entries = chunk.moduleIds.map((id) => /features\/([^/]+)\/lazy\.ts$/.exec(id)?.[1]);
          const feature = entries.filter(Boolean).at(-1);
          return `assets/${feature ? `${feature}-lazy` : '[name]'}-[hash].js`;
        },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
});
