// Section 4, one process: requests per user journey, counted on the in-memory client (every call
// it receives, by method), with Roster's MemberList in jsdom (React production build), real timers.
// Prints one JSON line: { journeys: [{ name, calls: { [method]: n }, total }] }.
import { installJsdomGlobals, sleep, untilDom } from '../lib/jsdom-globals.mjs';

const window = installJsdomGlobals();
await import('@roster/ui/test-setup');
const { createElement: h } = await import('react');
const { createRoot } = await import('react-dom/client');
const { RosterProvider } = await import('@roster/react');
const { MemberList } = await import('@roster/ui');
const { BENCH_ROLES, changeableMembers, createBenchData, ORGANIZATION_ID, VIEWER_ID } = await import(
  '../variants/bench-data.mjs'
);
const checks = await import('../variants/dom-checks.mjs');

const PAGE_SIZE = 10;
const SETTLE_MS = 600;

function countCalls(client) {
  const calls = {};
  for (const request of client.requests) calls[request.method] = (calls[request.method] ?? 0) + 1;
  return calls;
}

function key(type, name) {
  return new window.KeyboardEvent(type, { key: name, bubbles: true, cancelable: true });
}

async function mount(lists = 1) {
  const data = createBenchData(PAGE_SIZE);
  const container = document.createElement('div');
  document.body.append(container);
  const root = createRoot(container);
  const children = Array.from({ length: lists }, (_, i) =>
    h(MemberList, { key: i, organizationId: ORGANIZATION_ID, defaultPageSize: PAGE_SIZE }),
  );
  root.render(
    h(RosterProvider, { client: data.client, viewer: { userId: VIEWER_ID }, locale: 'en-US' }, children),
  );
  await untilDom(container, () => checks.memberRowCount(container) === PAGE_SIZE * lists);
  await sleep(SETTLE_MS);
  return { data, container, root };
}

async function changeRole(container, name) {
  const row = checks.findRow(container, name);
  const control = checks.roleControl(row);
  const role = BENCH_ROLES[2];
  const hasOption = () =>
    [...document.querySelectorAll('[role="option"]')].some((o) => o.textContent?.includes(role.name));
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
  const option = [...document.querySelectorAll('[role="option"]')].find((o) =>
    o.textContent?.includes(role.name),
  );
  option.focus();
  option.dispatchEvent(key('keydown', 'Enter'));
  await untilDom(container, () => checks.roleShown(container, row, name, role));
}

async function remove(container, name) {
  checks.findButton(container, `Remove ${name}`).click();
  const dialog = () => document.querySelector('[role="alertdialog"]');
  await untilDom(document.body, () => dialog() !== null && checks.findButton(dialog(), 'Remove') !== null);
  checks.findButton(dialog(), 'Remove').click();
  await untilDom(container, () => checks.findRow(container, name) === null);
}

async function typeSearch(container, text, msPerKey) {
  const input = container.querySelector('input[aria-label="Search members"], input[type="search"], input');
  const setValue = Object.getOwnPropertyDescriptor(window.HTMLInputElement.prototype, 'value').set;
  input.focus();
  for (let i = 1; i <= text.length; i += 1) {
    setValue.call(input, text.slice(0, i));
    input.dispatchEvent(new window.Event('input', { bubbles: true }));
    await sleep(msPerKey);
  }
}

async function page(container, label) {
  const before = checks.firstRowText(container);
  checks.findButton(container, label).click();
  await untilDom(container, () => checks.firstRowText(container) !== before);
}

async function journey(name, act, lists = 1) {
  const session = await mount(lists);
  if (act) {
    session.data.client.clearRequests();
    await act(session);
    await sleep(SETTLE_MS);
  }
  const calls = countCalls(session.data.client);
  session.root.unmount();
  session.container.remove();
  document.body.replaceChildren();
  return { name, calls, total: Object.values(calls).reduce((a, b) => a + b, 0) };
}

const target = (session) => changeableMembers(session.data.members, 1, PAGE_SIZE)[0].name;
const journeys = [];
const add = async (...args) => {
  try {
    journeys.push(await journey(...args));
  } catch (error) {
    journeys.push({ name: args[0], error: String(error?.message ?? error) });
  }
};
await add('first load (10 rows)', null);
await add('the same list mounted twice (first load)', null, 2);
await add('role change', (s) => changeRole(s.container, target(s)));
await add('removal', (s) => remove(s.container, target(s)));
await add('search "smith" typed at 120 ms per key', (s) => typeSearch(s.container, 'smith', 120));
await add('search "smith" typed at 400 ms per key', (s) => typeSearch(s.container, 'smith', 400));
await add('next page, then previous page', async (s) => {
  await page(s.container, 'Next page');
  await sleep(SETTLE_MS);
  await page(s.container, 'Previous page');
});
console.log(JSON.stringify({ pageSize: PAGE_SIZE, settleMs: SETTLE_MS, journeys }));
process.exit(0);
