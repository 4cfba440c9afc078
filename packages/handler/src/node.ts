// @roster/handler/node: serves any fetch-style handler (`(Request) => Promise<Response>`) from
// Node's `http` server, Express or Connect; every error it answers itself is Clerk-shaped JSON.
export type { FetchHandler, NodeRequestListener } from './node-handler';
export { answerClientError, toNodeHandler } from './node-handler';
