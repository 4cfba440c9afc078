// The browser-facing handler on the Node.js runtime: every Roster request of the page lands here
// (`RosterProvider apiUrl="/api/roster"`), is authorized, checked and forwarded upstream.
import { createRosterHandler } from '../../../../lib/roster-handler';

const handler = createRosterHandler('/api/roster');

export const GET = handler;
export const POST = handler;
export const PATCH = handler;
export const DELETE = handler;
