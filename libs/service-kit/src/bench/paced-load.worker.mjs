// The timed loop of pacedLoad, in its own thread: plain JavaScript with Node built-ins only, so it
// loads without the TypeScript loader, and its small heap collects in well under a millisecond.
import { Agent, request } from 'node:http';
import { parentPort, workerData } from 'node:worker_threads';

const { url, contentType, bodies, rate, connections } = workerData;
const agent = new Agent({ keepAlive: true, maxSockets: connections });
const latencies = new Float64Array(bodies.length);
let answered = 0;
let non2xx = 0;
let errors = 0;

function send(body) {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(url, {
      method: 'POST',
      agent,
      headers: { 'content-type': contentType, 'content-length': Buffer.byteLength(body) },
    });
    req.on('response', (res) => {
      res.resume();
      res.on('end', () => {
        latencies[answered++] = performance.now() - started;
        if (res.statusCode === undefined || res.statusCode < 200 || res.statusCode >= 300) non2xx++;
        resolve();
      });
    });
    req.on('error', () => {
      errors++;
      resolve();
    });
    req.end(body);
  });
}

const interval = 1000 / rate;
const inFlight = [];
const start = performance.now();
for (let i = 0; i < bodies.length; i++) {
  const wait = start + i * interval - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  inFlight.push(send(bodies[i]));
}
await Promise.all(inFlight);
const elapsedSeconds = (performance.now() - start) / 1000;
agent.destroy();
parentPort.postMessage({ latencies: latencies.subarray(0, answered), non2xx, errors, elapsedSeconds });
