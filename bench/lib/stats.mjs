// Statistics of the harness: medians, percentiles, ratios and the min–max of per-process medians.

/** The q-quantile (0..1) of numbers, nearest rank; NaN for none. */
export function quantile(values, q) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank];
}

/** The median (the mean of the two middle values for an even count); NaN for none. */
export function median(values) {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** `value / baseline`, NaN when either is missing or the baseline is 0. */
export function ratio(value, baseline) {
  if (!Number.isFinite(value) || !Number.isFinite(baseline) || baseline === 0) return Number.NaN;
  return value / baseline;
}

/** `{ min, max }` of finite numbers (NaN both when there are none). */
export function minMax(values) {
  const finite = values.filter(Number.isFinite);
  if (finite.length === 0) return { min: Number.NaN, max: Number.NaN };
  return { min: Math.min(...finite), max: Math.max(...finite) };
}

/** `{ median, p95, n }` of one process's samples. */
export function summarize(samples) {
  return { median: median(samples), p95: quantile(samples, 0.95), n: samples.length };
}

/** A min–max range as text: `3.2` when both ends round the same, `3.1–3.4` otherwise. */
export function formatRange({ min, max }, digits = 2, unit = '') {
  if (!Number.isFinite(min)) return 'n/a';
  const low = min.toFixed(digits);
  const high = max.toFixed(digits);
  return low === high ? `${low}${unit}` : `${low}–${high}${unit}`;
}

/**
 * Across processes: for each process's `{ [variant]: samples[] }`, the median and p95 per variant
 * and each variant's median as a ratio of the baseline's median in the same process; then the
 * min–max of those per-process figures.
 */
export function compareAcrossProcesses(perProcess, baseline) {
  const variants = Object.keys(perProcess[0] ?? {});
  const out = {};
  for (const variant of variants) {
    const medians = [];
    const p95s = [];
    const ratios = [];
    for (const samples of perProcess) {
      const own = summarize(samples[variant] ?? []);
      const base = summarize(samples[baseline] ?? []);
      medians.push(own.median);
      p95s.push(own.p95);
      ratios.push(ratio(own.median, base.median));
    }
    out[variant] = { median: minMax(medians), p95: minMax(p95s), ratio: minMax(ratios) };
  }
  return out;
}
