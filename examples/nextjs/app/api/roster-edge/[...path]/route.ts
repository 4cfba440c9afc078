// The same handler on the edge runtime: Web APIs only, mounted exactly as on Node.
import { createRosterHandler } from '../../../../lib/roster-handler';

export const runtime = 'edge';

const handler = createRosterHandler('/api/roster-edge');

export const GET = handler;
export const POST = handler;
export const PATCH = handler;
export const DELETE = handler;
