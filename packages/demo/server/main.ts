// The playground's entry point (built to dist/server/main.js by scripts/start.mjs): serves the built
// app, the handler and the local Backend API on one port and prints the URL.
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createPlaygroundServer } from './playground-server';

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, '../../../..');
const database = process.env.ROSTER_DATABASE ?? resolve(repoRoot, '.data/roster.db');
if (database !== ':memory:') mkdirSync(dirname(database), { recursive: true });

const requestedPort = process.env.PORT === undefined ? 4320 : Number(process.env.PORT);
if (!Number.isInteger(requestedPort) || requestedPort < 0 || requestedPort > 65535) {
  console.error(`PORT must be an integer between 0 and 65535, got ${process.env.PORT}`);
  process.exit(1);
}

try {
  const playground = await createPlaygroundServer({
    appDir: resolve(here, '../app'),
    database,
    port: requestedPort,
    host: process.env.HOST ?? '127.0.0.1',
  });
  console.log(`Roster playground: ${playground.url}  (database ${database}; Ctrl+C to stop)`);
  const stop = () => {
    playground.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  const code = (error as { code?: string }).code;
  if (code === 'EADDRINUSE') console.error(`Port ${requestedPort} is in use: set PORT to another one.`);
  else console.error(error);
  process.exit(1);
}
