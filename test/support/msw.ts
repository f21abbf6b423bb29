// Fakes of platform APIs on msw: requests to this machine pass through, and any other request no fake answers is noted for the test to check.
import type { SetupServer } from 'msw/node';

export function listenNotingUnhandled(server: SetupServer, note: (request: string) => void): void {
  server.listen({
    onUnhandledRequest: (request) => {
      const url = new URL(request.url);
      if (url.hostname === '127.0.0.1' || url.hostname === 'localhost') return;
      note(`${request.method} ${request.url}`);
    },
  });
}
