// `pnpm test:unit`: runs every Vitest project, then prints the plain closing line `N passed, N failed`
// (from Vitest's JSON report) so any CI can read it. Exits non-zero if Vitest did, or if a test failed
// or none ran.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';

const reportPath = 'test-results/vitest.json';
rmSync(reportPath, { force: true });

const vitest = spawnSync(
  'vitest',
  [
    'run',
    '--reporter=default',
    '--reporter=json',
    `--outputFile.json=${reportPath}`,
    ...process.argv.slice(2),
  ],
  { stdio: 'inherit', shell: process.platform === 'win32' },
);

if (!existsSync(reportPath)) {
  console.log('0 passed, 0 failed');
  console.error('Vitest wrote no report: it stopped before running the tests.');
  process.exit(vitest.status || 1);
}

const report = JSON.parse(readFileSync(reportPath, 'utf8'));
const skipped = report.numPendingTests + report.numTodoTests;
const line = `${report.numPassedTests} passed, ${report.numFailedTests} failed`;
console.log(skipped > 0 ? `${line}, ${skipped} skipped` : line);
const failed = report.numFailedTests > 0 || report.numTotalTests === 0 || (vitest.status ?? 1) !== 0;
process.exit(failed ? 1 : 0);
