import { createServer } from 'node:http';

/**
 * The acknowledgement bench's floor: a node:http server that reads each request and answers
 * 200 with nothing else, so the bench can tell what the machine and the load generator cost
 * from what the app adds. Same protocol on stdout as ack-server.ts.
 */
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    res.writeHead(200);
    res.end();
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => {
  process.stdout.write(`${JSON.stringify({ port: Number(process.env.PORT), answers: false })}\n`);
});
process.on('SIGTERM', () => {
  process.stdout.write(`${JSON.stringify({ searchMs: [] })}\n`);
  server.close(() => process.exit(0));
  server.closeAllConnections();
});
