import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The renderer is served from app://raadsmap/ in Electron and from the loopback bridge in
// `npm run serve`: relative asset paths work for both.
export default defineConfig({
  root: 'renderer',
  base: './',
  plugins: [react()],
  build: {
    outDir: '../dist/renderer',
    emptyOutDir: true,
    target: 'chrome120',
    sourcemap: true,
    modulePreload: { polyfill: false },
  },
});
