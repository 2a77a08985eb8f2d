// Serves dist/ gzipped on 127.0.0.1:PORT until killed (for Lighthouse in make bench).
import path from 'node:path';
import { serve } from '../e2e/harness.mjs';
await serve(path.resolve(process.argv[2] ?? 'dist'), Number(process.argv[3] ?? 8094), { gzip: true });
