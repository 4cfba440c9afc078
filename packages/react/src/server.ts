// @roster/react/server: what a server component calls before it renders `RosterProvider`. No
// 'use client' and no React: it runs in server components, route handlers and plain Node. The
// loading itself is framework-free, in `@roster/core`.
export type { PrefetchOrganizationMembershipsOptions } from '@roster/core';
export { prefetchOrganizationMemberships } from '@roster/core';
export type { RosterFallback } from './roster-provider';
