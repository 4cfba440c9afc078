// The contract suite's seed. One copy: it lives with core's tests (core's project, which its build
// shares, cannot reach outside packages/core), so core's memory-only tests and this suite share it.
export { createFixtureSeed, rejection, T } from '../../packages/core/test/memory-client-fixture';
