// The harness's arithmetic (run: node --test bench/test). Timings never go in tests; these check
// only that medians, percentiles, ratios and ranges are computed as the report says.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { compareAcrossProcesses, formatRange, median, minMax, quantile, ratio } from '../lib/stats.mjs';

test('median and nearest-rank p95', () => {
  assert.equal(median([3, 1, 2]), 2);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.equal(
    quantile(
      [...Array(20).keys()].map((i) => i + 1),
      0.95,
    ),
    19,
  );
  assert.ok(Number.isNaN(median([])));
});

test('ratios and ranges', () => {
  assert.equal(ratio(6, 3), 2);
  assert.ok(Number.isNaN(ratio(1, 0)));
  assert.deepEqual(minMax([2, Number.NaN, 5]), { min: 2, max: 5 });
  assert.equal(formatRange({ min: 1.234, max: 1.236 }), '1.23–1.24');
  assert.equal(formatRange({ min: 2, max: 2 }, 1, ' ms'), '2.0 ms');
});

test('each process is compared with its own baseline, then the range is taken', () => {
  const perProcess = [
    { native: [1, 1, 1], roster: [2, 2, 2] },
    { native: [2, 2, 2], roster: [6, 6, 6] },
  ];
  const out = compareAcrossProcesses(perProcess, 'native');
  assert.deepEqual(out.roster.ratio, { min: 2, max: 3 });
  assert.deepEqual(out.roster.median, { min: 2, max: 6 });
  assert.deepEqual(out.native.ratio, { min: 1, max: 1 });
});
