import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = path.dirname(fileURLToPath(import.meta.url));

// The operator console. `npm run build:web` writes it to dist/console, which `kith start` serves at
// `/`; `npm run dev:web` serves it with hot reload and sends /api to a running Kith (KITH_API_URL,
// default http://localhost:3000).
export default defineConfig({
  root: here,
  base: '/',
  plugins: [react()],
  resolve: { alias: { '@shared': path.resolve(here, '../shared') } },
  build: {
    outDir: path.resolve(here, '../../../dist/console'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        // Libraries change less often than pages: separate bundles stay cached across releases.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler|react-router)[\\/]/, priority: 30 },
            { name: 'echarts', test: /node_modules[\\/](echarts|zrender)[\\/]/, priority: 20 },
            {
              name: 'antd',
              test: /node_modules[\\/](antd|@ant-design|rc-[^\\/]+|@rc-component|dayjs)[\\/]/,
              priority: 10,
            },
          ],
        },
      },
    },
  },
  server: {
    proxy: { '/api': { target: process.env.KITH_API_URL ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
