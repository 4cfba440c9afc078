// @roster/core/testing: what tests, stories and demos need and an app does not ship. A Backend API
// emulator in memory (same semantics and error codes as the Backend API, with latency, failure and
// hold-the-answer knobs) and the demo organization. Every export is named here.
export type { ControllableClient, RecordedCall } from './controllable-client';
export { createControllableClient } from './controllable-client';
export type { DemoSeedOptions } from './demo-seed';
export { createDemoSeed, DEMO_IDS, DEMO_SEED_BASE_TIME } from './demo-seed';
export type {
  MemoryClient,
  MemoryClientLatency,
  MemoryClientMethod,
  MemoryClientOptions,
  MemoryClientRequest,
  MemoryInvitationAcceptance,
} from './memory-client';
export { createMemoryClient } from './memory-client';
export type { SeedData, SeedMembership, SeedOrganization, SeedUser } from './seed';
