// The Chromium bench page (built by Vite): mounts one variant at a time and times an action in the
// page. `arm(kind, params)` listens for the next keydown (capture phase, before any handler runs):
// t0 = performance.now() there; then on each animation frame it checks whether the DOM shows the
// result; in the first frame where it does, it posts a MessageChannel message, which runs after that
// frame is painted: t1 = performance.now() in that message. `result()` resolves with t1 - t0 (ms).
import '@roster/ui/styles.css';
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import { PlainTable, RadixTable } from '../variants/baseline-tables.mjs';
import { BENCH_ROLES, changeableMembers, createBenchData } from '../variants/bench-data.mjs';
import { findRow, firstRowText, memberRowCount, roleShown } from '../variants/dom-checks.mjs';
import { RosterList } from '../variants/roster-list.mjs';

/**
 * How long the in-memory client takes to answer (ms), as a server would: Roster's writes are
 * optimistic, and the frame that shows a change is measured; with an answer in 0 ms the server's
 * settled write would land before that frame, which no network allows. 40 ms is a fast, same-region
 * API (a browser reaching Clerk's Backend API through the app's handler takes longer).
 */
const SERVER_LATENCY_MS = 40;

const app = document.getElementById('app');
let root = null;
let pending = Promise.resolve(Number.NaN);

const VARIANTS = {
  native: (data, pageSize) => h(PlainTable, { members: data.members, pageSize }),
  radix: (data, pageSize) => h(RadixTable, { members: data.members, pageSize }),
  roster: (data, pageSize) => h(RosterList, { client: data.client, pageSize }),
};

function nextFrame() {
  return new Promise((resolve) => requestAnimationFrame(() => resolve()));
}

function makeCheck(kind, params) {
  if (kind === 'role') {
    const role = BENCH_ROLES.find((r) => r.key === params.role);
    const row = findRow(app, params.name);
    return () => roleShown(app, row, params.name, role);
  }
  if (kind === 'removed') return () => findRow(app, params.name) === null;
  const before = firstRowText(app);
  return () => {
    const now = firstRowText(app);
    return now !== '' && now !== before;
  };
}

window.__bench = {
  /** Mounts `variant` with pages of `pageSize`; resolves with the names of changeable members on page 1. */
  async mount(variant, pageSize) {
    root?.unmount();
    root = createRoot(app);
    const data = createBenchData(pageSize, { latency: SERVER_LATENCY_MS });
    root.render(VARIANTS[variant](data, pageSize));
    while (memberRowCount(app) !== pageSize) await nextFrame();
    return changeableMembers(data.members, 1, pageSize).map((m) => ({ name: m.name, role: m.role }));
  },
  arm(kind, params) {
    const check = makeCheck(kind, params);
    pending = new Promise((resolve) => {
      const onKey = () => {
        window.removeEventListener('keydown', onKey, true);
        const start = performance.now();
        const frame = () => {
          if (!check()) {
            requestAnimationFrame(frame);
            return;
          }
          const channel = new MessageChannel();
          channel.port1.onmessage = () => resolve(performance.now() - start);
          channel.port2.postMessage(0);
        };
        requestAnimationFrame(frame);
      };
      window.addEventListener('keydown', onKey, true);
    });
  },
  result() {
    return Promise.race([pending, new Promise((resolve) => setTimeout(() => resolve(Number.NaN), 15_000))]);
  },
  unmount() {
    root?.unmount();
    root = null;
  },
};
