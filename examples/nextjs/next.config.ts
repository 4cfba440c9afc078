import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

// The monorepo's root: the workspace packages (@roster/*) are linked from there, and Next must see
// them to bundle them (Turbopack) and to trace the files the server needs (output tracing).
const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

const config: NextConfig = {
  turbopack: { root },
  outputFileTracingRoot: root,
};

export default config;
