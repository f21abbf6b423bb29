// HTTP to Slack from the adapter: answers to response URLs, and the transport under the Web API client.
// The modules themselves, looked up at each call: a named import would keep the original `request`
// even when a test harness (msw) has put its interceptor in its place.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';

// Kept-alive connections: in a burst every answer goes to the same host. Node's http client rather
// than fetch, whose streams and abort signals cost several times more CPU per request; this runs for
// every command, while the process also has to acknowledge the next ones in time.
const agents = { http: new http.Agent({ keepAlive: true, maxSockets: 64 }), https: new https.Agent({ keepAlive: true, maxSockets: 64 }) };

interface Sent {
  status: number;
  statusText: string;
  headers: IncomingMessage['headers'];
  body: Buffer;
}

/** One request over the kept-alive agents; the whole answer body is read, which frees the connection for reuse. */
function send(url: URL, opts: { method: string; headers: Record<string, string>; body?: Buffer; timeoutMs?: number; signal?: AbortSignal }): Promise<Sent> {
  const secure = url.protocol === 'https:';
  const headers = opts.body ? { ...opts.headers, 'content-length': String(opts.body.length) } : opts.headers;
  opts.signal?.throwIfAborted();
  return new Promise((resolve, reject) => {
    const req = (secure ? https.request : http.request)(
      url,
      { method: opts.method, agent: secure ? agents.https : agents.http, headers, ...(opts.timeoutMs ? { timeout: opts.timeoutMs } : {}) },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('error', reject);
        res.on('end', () => resolve({ status: res.statusCode ?? 0, statusText: res.statusMessage ?? '', headers: res.headers, body: Buffer.concat(chunks) }));
      },
    );
    if (opts.timeoutMs) req.on('timeout', () => req.destroy(new Error(`no answer from ${url.origin} within ${opts.timeoutMs} ms`)));
    const signal = opts.signal;
    if (signal) {
      const abort = () => req.destroy(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      signal.addEventListener('abort', abort, { once: true });
      req.on('close', () => signal.removeEventListener('abort', abort));
    }
    req.on('error', reject);
    req.end(opts.body);
  });
}

/** POSTs `body` as JSON; resolves with the HTTP status, rejects when the URL cannot be reached in `timeoutMs`. */
export async function postJson(url: string, body: unknown, timeoutMs = 10_000): Promise<number> {
  const sent = await send(new URL(url), { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: Buffer.from(JSON.stringify(body)), timeoutMs });
  return sent.status;
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
  const sent = await send(target, {
    method: init?.method ?? 'GET',
    headers: Object.fromEntries(new Headers(init?.headers).entries()),
    ...(body ? { body: Buffer.from(body) } : {}),
    ...(init?.signal ? { signal: init.signal } : {}),
  });
  if (init?.redirect === 'error' && sent.status >= 300 && sent.status < 400) throw new TypeError(`redirect refused: ${sent.status} from ${target.origin}`);
  const headers = new Headers();
  for (const [name, value] of Object.entries(sent.headers)) {
    if (value !== undefined) headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  // A null-body status (204, 304) may not carry a body in a Response.
  const empty = sent.status === 204 || sent.status === 304;
  return new Response(empty ? null : sent.body, { status: sent.status, statusText: sent.statusText, headers });
};
