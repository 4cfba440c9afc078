// The playground server's dev-only control endpoint (`/__playground`): faults, viewer, reset, outbox.

import type { PlaygroundFaults } from '../server/playground-server';

export type { PlaygroundFaults };

/** Who the demo handler acts as (set in a cookie by the server: insecure, dev only). */
export interface PlaygroundViewerSelection {
  userId: string;
  organizationId: string;
}

async function call<T>(path: string, body?: unknown): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? {}
      : { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
  const response = await fetch(`/__playground${path}`, init);
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return (await response.json()) as T;
}

/** Reads the current faults. */
export function fetchPlaygroundFaults(): Promise<PlaygroundFaults> {
  return call('/faults');
}

/** Changes the faults; resolves to the new state. */
export function updatePlaygroundFaults(next: Partial<PlaygroundFaults>): Promise<PlaygroundFaults> {
  return call('/faults', next);
}

/** Who the handler acts as now. */
export function fetchPlaygroundViewer(): Promise<PlaygroundViewerSelection> {
  return call('/viewer');
}

/** Makes the handler act as someone else from the next request on. */
export function selectPlaygroundViewer(next: PlaygroundViewerSelection): Promise<PlaygroundViewerSelection> {
  return call('/viewer', next);
}

/** Puts the demo data back to the seed. */
export async function resetPlaygroundData(): Promise<void> {
  await call('/reset', {});
}

/** A message of the local outbox: the invitation email the local Backend API "sent". */
export interface PlaygroundOutboxMessage {
  id: string;
  invitationId: string;
  toEmailAddress: string;
  subject: string;
  createdAt: number;
}

/** Every invitation email sent so far, newest first (the local Backend API's order). */
export function fetchPlaygroundOutbox(): Promise<PlaygroundOutboxMessage[]> {
  return call<PlaygroundOutboxMessage[]>('/outbox');
}

/** Accepts an invitation as its invitee (the user is created when the email is new). */
export async function acceptPlaygroundInvitation(invitationId: string): Promise<void> {
  await call(`/outbox/${encodeURIComponent(invitationId)}/accept`, {});
}
