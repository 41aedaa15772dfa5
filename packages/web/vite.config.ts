import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite needs a default export here; the rest of the code base uses named exports only.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    // dist/.vite/manifest.json: which chunks each page loads, for scripts/bench-web.ts's size table.
    manifest: true,
    // The dashboard's chunk carries ECharts (tree-shaken, ~480 KB minified, ~175 KB gzip); only that page loads it.
    chunkSizeWarningLimit: 600,
  },
  server: {
    // `npm run dev -w @jixiao/web` beside `npm start` (the API on 3000): one origin for the browser, so the
    // session cookie and the CSRF header work as in production.
    proxy: { '/api': 'http://127.0.0.1:3000' },
  },
});
