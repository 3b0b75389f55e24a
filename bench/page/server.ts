/** Serves the generated pages from memory on loopback, like an ordinary web server (streamed, no cache). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface PageServer {
  url(path: string): string;
  close(): Promise<void>;
}

export async function servePages(pages: ReadonlyMap<string, string>): Promise<PageServer> {
  const bodies = new Map([...pages].map(([path, html]) => [path, Buffer.from(html)]));
  const server: Server = createServer((req, res) => {
    const body = bodies.get(new URL(req.url ?? '/', 'http://localhost').pathname);
    if (!body) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length, 'cache-control': 'no-store' });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    close: () => new Promise<void>((ok) => server.close(() => ok())),
  };
}
