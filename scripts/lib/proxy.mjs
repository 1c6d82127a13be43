// A small forward proxy and its PAC file, for browsers with no --host-resolver-rules (Firefox):
// the PAC file sends the mapped host names here, and the proxy hands each request to the local
// test server that answers for that name. Plain HTTP arrives as an absolute-URI request and is
// passed on; HTTPS arrives as CONNECT host:443 and is piped to the local TLS server as it is.
// Only 127.0.0.1 is ever connected to; any other host is refused (502).
import { createServer, request } from 'node:http';
import { connect } from 'node:net';

/**
 * `routes` maps "host:port" (e.g. "www.intgovforum.org:80", "docs.google.com:443") to a local port.
 * Returns { port, pacUrl, close }.
 */
export async function startProxy(routes) {
  const table = new Map(Object.entries(routes));
  const hosts = [...new Set([...table.keys()].map((k) => k.replace(/:\d+$/, '')))];
  const server = createServer((req, res) => {
    if (req.url === '/proxy.pac') {
      const self = `PROXY 127.0.0.1:${server.address().port}`;
      res
        .writeHead(200, { 'content-type': 'application/x-ns-proxy-autoconfig', 'cache-control': 'no-store' })
        .end(
          `function FindProxyForURL(url, host) {\n  return ${JSON.stringify(hosts)}.indexOf(host) >= 0 ? ${JSON.stringify(self)} : 'DIRECT';\n}\n`,
        );
      return;
    }
    let target;
    try {
      target = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end();
      return;
    }
    const port = table.get(`${target.hostname}:${target.port || 80}`);
    if (!port) {
      res.writeHead(502, { 'content-type': 'text/plain' }).end(`No local server for ${target.host}`);
      return;
    }
    const upstream = request(
      { host: '127.0.0.1', port, path: `${target.pathname}${target.search}`, method: req.method, headers: req.headers },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  server.on('connect', (req, socket, head) => {
    const port = table.get(req.url ?? '');
    if (!port) {
      socket.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      return;
    }
    const upstream = connect(port, '127.0.0.1', () => {
      socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      upstream.write(head);
      upstream.pipe(socket);
      socket.pipe(upstream);
    });
    upstream.on('error', () => socket.destroy());
    socket.on('error', () => upstream.destroy());
  });
  // Keep-alive sockets from the browser would hold close() open.
  const sockets = new Set();
  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const port = server.address().port;
  return {
    port,
    pacUrl: `http://127.0.0.1:${port}/proxy.pac`,
    close: () =>
      new Promise((done) => {
        for (const s of sockets) s.destroy();
        server.close(() => done());
      }),
  };
}
