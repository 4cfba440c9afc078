// The in-memory client the hook tests run against.
export { createMemoryClient } from '../../../core/src/memory-client';
