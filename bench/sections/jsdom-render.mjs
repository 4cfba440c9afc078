// Section 2, one process: jsdom render timings with React's production build (run with
// NODE_ENV=production). Mount, optimistic role change (trigger to committed DOM), next and previous
// page, at each row count, Roster's MemberList vs the two baseline tables, interleaved by round.
// Prints one JSON line: { rows: { [n]: { [action]: { [variant]: ms[] } } } }.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { installJsdomGlobals, sleep, untilDom } from '../lib/jsdom-globals.mjs';

const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
const window = installJsdomGlobals();
await import('@roster/ui/test-setup');
const { createElement: h } = await import('react');
const { createRoot } = await import('react-dom/client');
const { PlainTable, RadixTable } = await import('../variants/baseline-tables.mjs');
const { RosterList } = await import('../variants/roster-list.mjs');
const { BENCH_ROLES, changeableMembers, createBenchData } = await import('../variants/bench-data.mjs');
const checks = await import('../variants/dom-checks.mjs');

const VARIANTS = {
  native: (data, pageSize) => h(PlainTable, { members: data.members, pageSize }),
  radix: (data, pageSize) => h(RadixTable, { members: data.members, pageSize }),
  roster: (data, pageSize) => h(RosterList, { client: data.client, pageSize }),
};
const PLAN = values.quick
  ? [
      { rows: 10, rounds: 2 },
      { rows: 100, rounds: 1 },
    ]
  : [
      { rows: 10, rounds: 4 },
      { rows: 100, rounds: 2 },
      { rows: 500, rounds: 1 },
    ];
const ROLE_CHANGES_PER_ROUND = 2;

function key(type, keyName) {
  return new window.KeyboardEvent(type, { key: keyName, bubbles: true, cancelable: true });
}

/** Opens a combobox the way a keyboard user does (Enter; a pointer press if the key did not open it). */
async function openCombobox(control, label) {
  const hasOption = () =>
    [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent?.includes(label));
  control.focus();
  control.dispatchEvent(key('keydown', 'Enter'));
  try {
    await untilDom(document.body, hasOption, 1000);
  } catch {
    control.dispatchEvent(
      new window.PointerEvent('pointerdown', { bubbles: true, button: 0, pointerType: 'mouse' }),
    );
    await untilDom(document.body, hasOption, 5000);
  }
  return [...document.querySelectorAll('[role="option"]')].find((o) => o.textContent?.includes(label));
}

/** One role change: prepares (opens the select, outside the timing), then times choose -> committed DOM. */
async function timeRoleChange(container, name, role) {
  const row = checks.findRow(container, name);
  if (!row) throw new Error(`no row for ${name}`);
  const control = checks.roleControl(row);
  let start;
  if (control.tagName === 'SELECT') {
    start = performance.now();
    control.value = role.key;
    control.dispatchEvent(new window.Event('change', { bubbles: true }));
  } else {
    const option = await openCombobox(control, role.name);
    option.focus();
    start = performance.now();
    option.dispatchEvent(key('keydown', 'Enter'));
  }
  await untilDom(container.ownerDocument.body, () => checks.roleShown(container, row, name, role));
  return performance.now() - start;
}

async function timePageChange(container, label) {
  const before = checks.firstRowText(container);
  const button = checks.findButton(container, label);
  const start = performance.now();
  button.click();
  await untilDom(container, () => {
    const now = checks.firstRowText(container);
    return now !== '' && now !== before;
  });
  return performance.now() - start;
}

async function runRound(variant, pageSize, samples) {
  const data = createBenchData(pageSize);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const mountStart = performance.now();
  root.render(VARIANTS[variant](data, pageSize));
  await untilDom(container, () => checks.memberRowCount(container) === pageSize);
  samples.mount[variant].push(performance.now() - mountStart);
  await sleep(30); // background work (the prefetch of page 2) settles before the next action
  const targets = changeableMembers(data.members, 1, pageSize).slice(0, ROLE_CHANGES_PER_ROUND);
  for (const target of targets) {
    samples.roleChange[variant].push(await timeRoleChange(container, target.name, BENCH_ROLES[2]));
    await sleep(10);
  }
  samples.nextPage[variant].push(await timePageChange(container, 'Next page'));
  await sleep(30);
  samples.previousPage[variant].push(await timePageChange(container, 'Previous page'));
  root.unmount();
  container.remove();
  document.body.replaceChildren();
}

const result = { rows: {} };
for (const { rows, rounds } of PLAN) {
  const samples = {};
  for (const action of ['mount', 'roleChange', 'nextPage', 'previousPage']) {
    samples[action] = { native: [], radix: [], roster: [] };
  }
  const order = Object.keys(VARIANTS);
  // one warm-up round per variant (JIT, module init), not recorded
  const warm = { mount: {}, roleChange: {}, nextPage: {}, previousPage: {} };
  for (const action of Object.keys(warm)) for (const v of order) warm[action][v] = [];
  for (const variant of order) await runRound(variant, rows, warm);
  for (let round = 0; round < rounds; round += 1) {
    const rotated = [...order.slice(round % 3), ...order.slice(0, round % 3)];
    for (const variant of rotated) await runRound(variant, rows, samples);
  }
  result.rows[rows] = samples;
}
console.log(JSON.stringify(result));
process.exit(0);
