// Builds the renderer (React UI) into dist/renderer with relative asset paths, so the same files load from
// Electron's file:// window and from `warden serve` over HTTP.
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: import.meta.dirname,
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    sourcemap: true,
    target: 'es2022',
  },
});
