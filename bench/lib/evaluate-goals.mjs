// The goals of issue 13's "Done means", checked against one run: met when the least favourable
// process meets them, missed otherwise, not measured when a section did not run or failed.
import { compareAcrossProcesses, formatRange, minMax } from './stats.mjs';

function values(runs) {
  const list = Array.isArray(runs) ? runs : runs ? [runs] : [];
  return list.filter((r) => r.ok).map((r) => r.value);
}

const NOT_MEASURED = 'not measured';

function chromiumGoals(results) {
  const runs = values(results.chromium);
  const index = runs[0]?.configs.findIndex((c) => c.rows === 100 && c.throttle === 1) ?? -1;
  if (index < 0) {
    return [
      {
        goal: 'role change painted within 1.25x the native-select table, 100 rows, unthrottled',
        measured: NOT_MEASURED,
        status: NOT_MEASURED,
      },
      {
        goal: 'role change painted ≤ 20 ms, 100 rows, unthrottled (median)',
        measured: NOT_MEASURED,
        status: NOT_MEASURED,
      },
      {
        goal: 'next page painted within 1.5x the native-select table, 100 rows, unthrottled',
        measured: NOT_MEASURED,
        status: NOT_MEASURED,
      },
    ];
  }
  const compare = (action) =>
    compareAcrossProcesses(
      runs.map((r) => r.configs[index].samples[action]),
      'native',
    ).roster;
  const role = compare('roleChange');
  const next = compare('nextPage');
  const status = (ok) => (ok ? 'met' : 'missed');
  return [
    {
      goal: 'role change painted within 1.25x the native-select table, 100 rows, unthrottled',
      measured: `${formatRange(role.ratio)}x`,
      status: status(role.ratio.max <= 1.25),
    },
    {
      goal: 'role change painted ≤ 20 ms, 100 rows, unthrottled (median)',
      measured: formatRange(role.median, 1, ' ms'),
      status: status(role.median.max <= 20),
    },
    {
      goal: 'next page painted within 1.5x the native-select table, 100 rows, unthrottled',
      measured: `${formatRange(next.ratio)}x`,
      status: status(next.ratio.max <= 1.5),
    },
  ];
}

function bundleGoal(results) {
  const entries = values(results.bundle)[0]?.entries ?? [];
  const role = entries.find((e) => e.name.startsWith('RoleSelect alone'));
  const select = entries.find((e) => e.name.startsWith('Radix Select alone'));
  const goal = '`RoleSelect` alone within 4 KB (gzip) of Radix Select alone';
  if (!role?.gzip || !select?.gzip) return { goal, measured: NOT_MEASURED, status: NOT_MEASURED };
  const extra = role.gzip - select.gzip;
  return {
    goal,
    measured: `${(extra / 1024).toFixed(1)} KB more (${(role.gzip / 1024).toFixed(1)} vs ${(select.gzip / 1024).toFixed(1)} KB)`,
    status: extra <= 4096 ? 'met' : 'missed',
  };
}

function removalGoal(results) {
  const journey = values(results.requests)[0]?.journeys.find((j) => j.name === 'removal');
  const goal = 'a removal costs 1 DELETE and at most 1 GET';
  if (!journey?.calls) return { goal, measured: NOT_MEASURED, status: NOT_MEASURED };
  const { deleteMembership = 0, listMemberships = 0, ...others } = journey.calls;
  const otherCount = Object.values(others).reduce((a, b) => a + b, 0);
  return {
    goal,
    measured: `${deleteMembership} DELETE, ${listMemberships} list GET${otherCount ? `, ${otherCount} other` : ''}`,
    status: deleteMembership === 1 && listMemberships + otherCount <= 1 ? 'met' : 'missed',
  };
}

function handlerGoal(results) {
  const goal = 'handler ≥ 0.8x the Backend API direct (every case)';
  if (results.handler === null)
    return { goal, measured: 'not measured: script missing', status: NOT_MEASURED };
  const runs = values(results.handler);
  if (runs.length === 0) return { goal, measured: NOT_MEASURED, status: NOT_MEASURED };
  const ratios = minMax(runs.flatMap((r) => r.cases.map((c) => c.ratio)));
  const bare = runs.flatMap((r) => r.cases.map((c) => c.bareRatio)).filter((ratio) => ratio !== undefined);
  const reference = bare.length > 0 ? `; a bare proxy in the same run: ${formatRange(minMax(bare))}x` : '';
  return {
    goal,
    measured: `${formatRange(ratios)}x (lowest case and process to highest${reference})`,
    status: ratios.min >= 0.8 ? 'met' : 'missed',
  };
}

/** `[{ goal, measured, status }]`, status `met`, `missed` or `not measured`. */
export function evaluateGoals(results) {
  return [...chromiumGoals(results), bundleGoal(results), removalGoal(results), handlerGoal(results)];
}
