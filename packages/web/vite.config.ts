import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// Vite needs a default export here; the rest of the code base uses named exports only.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
  },
});
