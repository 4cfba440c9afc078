// The reference both handler benchmarks measure against (not a test): a bare pass-through proxy,
// what any proxy costs on this machine. Bytes through, `/api/` rewritten to `/v1/`, the cookie
// dropped and the secret key added; nothing authorized, validated, parsed or stripped.
import { Agent, request as httpRequest } from 'node:http';

/**
 * A `node:http` listener passing each request to `upstreamOrigin` over kept-alive connections of
 * its own, and the answer's bytes back. `close()` destroys those connections.
 */
export function createBareProxyListener({ upstreamOrigin, secretKey }) {
  const upstream = new URL(upstreamOrigin);
  const agent = new Agent({ keepAlive: true });
  const listener = (req, res) => {
    const headers = { ...req.headers, host: upstream.host, authorization: `Bearer ${secretKey}` };
    delete headers.cookie;
    const out = httpRequest(
      {
        hostname: upstream.hostname,
        port: upstream.port,
        method: req.method,
        path: (req.url ?? '/').replace(/^\/api\//, '/v1/'),
        headers,
        agent,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    out.on('error', () => res.writeHead(502).end());
    req.pipe(out);
  };
  return { listener, close: () => agent.destroy() };
}
