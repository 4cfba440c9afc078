// Row cost of the member list in jsdom with React's production build, against two baselines
// measured in the same process: memoized rows with a native <select> each, and with a bare Radix
// Select each. `node packages/ui/bench/row-cost.mjs [rows...]` (default 100 500). Figures: DOM
// elements and React fibers per row, commits and rows re-rendered per role change, and the time from
// the role change (or page change) to the committed DOM, median of the repeats. Timings are for this
// report only; tests count, they never time.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { JSDOM } from 'jsdom';

const here = fileURLToPath(new URL('.', import.meta.url));
const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const ROWS = sizes.length > 0 ? sizes : [100, 500];
const REPEATS = 15;
// ROSTER_BENCH_PAGE_CHANGES=0 skips the page changes (a profile of role changes alone).
const PAGE_CHANGES = Number(process.env.ROSTER_BENCH_PAGE_CHANGES ?? 6);

// --- jsdom as the global DOM (before React loads) ---------------------------------------------
const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
const { window } = dom;
for (const key of Object.getOwnPropertyNames(window)) {
  if (key in globalThis) continue;
  try {
    globalThis[key] = window[key];
  } catch {}
}
Object.defineProperty(globalThis, 'navigator', { value: window.navigator, configurable: true });
globalThis.window = window;
globalThis.document = window.document;
for (const method of ['hasPointerCapture', 'setPointerCapture', 'releasePointerCapture', 'scrollIntoView']) {
  window.HTMLElement.prototype[method] ??= () => false;
}

// --- commits and rendered components, through the DevTools hook (works in production builds) ---
const commits = { count: 0, rendered: new Map(), rows: new Set() };
const ROW_COMPONENTS = new Set(['MemberListRow', 'NativeRow', 'RadixRow']);
let previousTree = new Set();
const PERFORMED_WORK = 1;
function nameOf(fiber) {
  const type = fiber.type;
  if (!type || typeof type === 'string') return null;
  const inner = type.render ?? type.type ?? type;
  return inner.displayName ?? inner.name ?? null;
}
globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
  isDisabled: false,
  supportsFiber: true,
  renderers: new Map(),
  inject: () => 1,
  checkDCE: () => {},
  onScheduleFiberRoot: () => {},
  onCommitFiberUnmount: () => {},
  onPostCommitFiberRoot: () => {},
  onCommitFiberRoot(_id, root) {
    commits.count += 1;
    const tree = new Set();
    const stack = [root.current];
    while (stack.length > 0) {
      const fiber = stack.pop();
      tree.add(fiber);
      // A fiber object from the previous tree was not visited in this commit.
      if (!previousTree.has(fiber) && fiber.flags & PERFORMED_WORK) {
        const name = nameOf(fiber);
        if (name) commits.rendered.set(name, (commits.rendered.get(name) ?? 0) + 1);
        if (ROW_COMPONENTS.has(name)) commits.rows.add(fiber.key ?? fiber.return?.key);
      }
      if (fiber.sibling) stack.push(fiber.sibling);
      if (fiber.child) stack.push(fiber.child);
    }
    previousTree = tree;
  },
};

// --- bundle the scenes with React's production build ------------------------------------------
// ROSTER_BENCH_SRC=<a copy of packages/ui/src> measures that copy instead (a before/after run).
const source = process.env.ROSTER_BENCH_SRC;
const redirectSource = {
  name: 'bench-source',
  setup(build) {
    if (!source) return;
    build.onResolve({ filter: /^\.\.\/src\// }, (args) => {
      const file = join(source, args.path.slice('../src/'.length));
      return { path: existsSync(`${file}.tsx`) ? `${file}.tsx` : `${file}.ts` };
    });
  },
};
const out = mkdtempSync(join(tmpdir(), 'roster-row-cost-'));
const entry = join(out, 'scenes.mjs');
await build({
  entryPoints: [join(here, 'row-cost-scenario.tsx')],
  outfile: entry,
  bundle: true,
  format: 'esm',
  platform: 'node',
  conditions: ['source'],
  jsx: 'automatic',
  keepNames: true,
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'error',
  plugins: [redirectSource],
  resolveExtensions: ['.tsx', '.ts', '.mjs', '.js'],
  nodePaths: [join(here, '../node_modules'), join(here, '../../../node_modules')],
  banner: {
    js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
  },
});
const scenes = await import(pathToFileURL(entry).href);
rmSync(out, { recursive: true, force: true });

// --- helpers ------------------------------------------------------------------------------------
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};
async function until(condition, timeout = 60_000) {
  const start = performance.now();
  while (!condition()) {
    if (performance.now() - start > timeout) throw new Error('timed out');
    await sleep(5);
  }
}
function bodyRows(container) {
  return [...container.querySelectorAll('tbody tr')];
}
function fiberOf(node) {
  const key = Object.keys(node).find((k) => k.startsWith('__reactFiber$'));
  return key ? node[key] : null;
}
function countFibers(fiber) {
  let count = 0;
  const stack = fiber?.child ? [fiber.child] : [];
  while (stack.length > 0) {
    const next = stack.pop();
    count += 1;
    if (next.sibling) stack.push(next.sibling);
    if (next.child) stack.push(next.child);
  }
  return count;
}
/** Runs `act` and resolves with the ms until the DOM under `target` changes. */
function timeToMutation(target, act) {
  return new Promise((resolve) => {
    const start = performance.now();
    const observer = new window.MutationObserver(() => {
      observer.disconnect();
      resolve(performance.now() - start);
    });
    observer.observe(target, { subtree: true, childList: true, characterData: true, attributes: true });
    act();
  });
}

async function measure(label, scene, rows) {
  await until(
    () => bodyRows(scene.container).length === rows && !scene.container.querySelector('[data-loading]'),
  );
  await sleep(200);
  const tbody = scene.container.querySelector('tbody');
  const elementsPerRow = tbody.querySelectorAll('*').length / rows;
  const fibersPerRow = countFibers(fiberOf(tbody)) / rows;
  const roleTimes = [];
  let commitsPerChange = 0;
  let rowsPerChange = 0;
  let others = new Map();
  for (let i = 0; i < REPEATS; i += 1) {
    const index = 3 + (i % 5);
    commits.count = 0;
    commits.rendered = new Map();
    commits.rows = new Set();
    roleTimes.push(await timeToMutation(tbody, () => scene.changeRole(index)));
    await sleep(60);
    commitsPerChange = Math.max(commitsPerChange, commits.count);
    rowsPerChange = Math.max(rowsPerChange, commits.rows.size);
    if (i === REPEATS - 1) others = new Map(commits.rendered);
  }
  const pageTimes = [];
  for (let i = 0; i < PAGE_CHANGES; i += 1) {
    const second = i % 2 === 0;
    pageTimes.push(await timeToMutation(tbody, () => scene.showPage(second)));
    await until(() => bodyRows(scene.container).length === rows);
    await sleep(150);
  }
  const watched = [
    'MemberListToolbar',
    'MemberListPagination',
    'CompactSelect',
    'MemberListTable',
    'RoleSelect',
  ];
  return {
    label,
    rows,
    elementsPerRow,
    fibersPerRow,
    roleChangeMs: median(roleTimes),
    pageChangeMs: median(pageTimes) ?? 0,
    commitsPerChange,
    rowsPerChange,
    otherRenders: watched.map((name) => `${name} ${others.get(name) ?? 0}`).join(', '),
  };
}

const results = [];
for (const rows of ROWS) {
  for (const [label, make] of [
    ['native table', () => scenes.mountBaseline(rows, 'native')],
    ['bare Radix table', () => scenes.mountBaseline(rows, 'radix')],
    ['Roster MemberList', () => scenes.mountRoster(rows)],
  ]) {
    // ROSTER_BENCH_ONLY=Roster (a label's start) runs that table alone, e.g. under --cpu-prof.
    if (process.env.ROSTER_BENCH_ONLY && !label.startsWith(process.env.ROSTER_BENCH_ONLY)) continue;
    const scene = make();
    results.push(await measure(label, scene, rows));
    scene.unmount();
    await sleep(100);
  }
}

const native = new Map(results.filter((r) => r.label === 'native table').map((r) => [r.rows, r]));
const unit = { roleChangeMs: 1, pageChangeMs: 1 };
const fixed = (value, digits = 2) => value.toFixed(digits);
console.log(
  `node ${process.version}, jsdom, React production build, ${REPEATS} role changes, 6 page changes`,
);
console.log(
  '| rows | table | elements/row | fibers/row | role change ms (x native) | page change ms (x native) | commits/change | rows re-rendered | also rendered (last change) |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const r of results) {
  const base = native.get(r.rows) ?? unit;
  console.log(
    `| ${r.rows} | ${r.label} | ${fixed(r.elementsPerRow, 1)} | ${fixed(r.fibersPerRow, 1)} | ${fixed(r.roleChangeMs)} (${fixed(r.roleChangeMs / base.roleChangeMs, 1)}x) | ${fixed(r.pageChangeMs, 1)} (${fixed(r.pageChangeMs / base.pageChangeMs, 1)}x) | ${r.commitsPerChange} | ${r.rowsPerChange} | ${r.label.startsWith('Roster') ? r.otherRenders : ''} |`,
  );
}
process.exit(0);
