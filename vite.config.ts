import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// The renderer is built once into dist/renderer and served by either host
// (Electron's kiosk:// protocol or the headless Node host), so asset URLs are relative.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../dist/renderer', emptyOutDir: true, sourcemap: true },
  server: { host: '127.0.0.1', port: 5173 },
});
