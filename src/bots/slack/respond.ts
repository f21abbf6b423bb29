// HTTP to Slack from the adapter: answers to response URLs, and the transport under the Web API client.
// The modules themselves, looked up at each call: a named import would keep the original `request`
// even when a test harness (msw) has put its interceptor in its place.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

// Kept-alive connections: in a burst every answer goes to the same host. Node's http client rather
// than fetch, whose streams and abort signals cost several times more CPU per request; this runs for
// every command, while the process also has to acknowledge the next ones in time.
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

/** POSTs `body` as JSON; resolves with the HTTP status, rejects when the URL cannot be reached in `timeoutMs`. */
export function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<number> {
  const target = new URL(url);
  const secure = target.protocol === 'https:';
  const payload = Buffer.from(JSON.stringify(body));
  return new Promise((resolve, reject) => {
    const req = (secure ? https.request : http.request)(
      target,
      {
        method: 'POST',
        agent: secure ? agents.https : agents.http,
        headers: { 'content-type': 'application/json; charset=utf-8', 'content-length': payload.length },
        timeout: timeoutMs,
      },
      (res: IncomingMessage) => {
        // The body ("ok" or an error name) is not needed; reading it frees the connection for reuse.
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer from the response URL within ${timeoutMs} ms`)));
    req.on('error', reject);
    req.end(payload);
  });
}

/**
 * A fetch for @slack/web-api's WebClient over Node's http client with kept-alive connections. The
 * client posts a form-encoded string and reads status, headers and the JSON body; anything else
 * (a streamed or multipart body) goes to the global fetch.
 */
export const slackFetch: typeof fetch = async (input, init) => {
  const body = init?.body;
  if (typeof input !== 'string' || (body !== undefined && body !== null && typeof body !== 'string')) return fetch(input, init);
  const target = new URL(input);
  const secure = target.protocol === 'https:';
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  const payload = body ? Buffer.from(body) : undefined;
  if (payload) headers['content-length'] = String(payload.length);
  const signal = init?.signal ?? undefined;
  signal?.throwIfAborted();
  return new Promise<Response>((resolve, reject) => {
    const req = (secure ? https.request : http.request)(target, { method: init?.method ?? 'GET', agent: secure ? agents.https : agents.http, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const status = res.statusCode ?? 0;
        if (init?.redirect === 'error' && status >= 300 && status < 400) {
          reject(new TypeError(`redirect refused: ${status} from ${target.origin}`));
          return;
        }
        const responseHeaders = new Headers();
        for (const [name, value] of Object.entries(res.headers)) {
          if (value !== undefined) responseHeaders.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
        // A null-body status (204, 304) may not carry a body in a Response.
        const empty = status === 204 || status === 304;
        resolve(new Response(empty ? null : Buffer.concat(chunks), { status, statusText: res.statusMessage ?? '', headers: responseHeaders }));
      });
    });
    const abort = () => req.destroy(signal?.reason instanceof Error ? signal.reason : new Error('aborted'));
    signal?.addEventListener('abort', abort, { once: true });
    req.on('close', () => signal?.removeEventListener('abort', abort));
    req.on('error', reject);
    req.end(payload);
  });
};
