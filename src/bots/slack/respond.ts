// Posts a member's answer to the response_url Slack gave with their command or click.
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
