// @ts-check
// A TCP pass-through between a client and PostgreSQL that records the statements the client
// sends (simple queries, and Parse + Bind of the extended protocol with their text parameters).
// Used once, after the measurements, to learn exactly which SQL the API runs for a request, so it
// can be EXPLAIN ANALYZEd on the bench data. Not used while measuring.
import net from 'node:net';

const SSL_REQUEST = 80877103;
const GSS_REQUEST = 80877104;

/** @typedef {string | null | { binary: string }} StatementParameter  text, NULL, or a binary value in hex */
/** @typedef {{ sql: string, params: StatementParameter[] }} CapturedStatement */

/**
 * @param {Buffer} buffer
 * @param {number} offset
 * @returns {[string, number]} the NUL-terminated string at offset, and the offset after it
 */
function cstring(buffer, offset) {
  const end = buffer.indexOf(0, offset);
  return [buffer.toString('utf8', offset, end), end + 1];
}

/** @param {{ host: string, port: number }} upstreamServer */
export async function startCapture({ host, port }) {
  /** @type {Array<{ sql: string | null, params: StatementParameter[] }>} */
  const statements = [];
  let recording = false;
  /** @type {Set<net.Socket>} */
  const sockets = new Set();

  const server = net.createServer((client) => {
    const upstream = net.connect({ host, port });
    sockets.add(client);
    sockets.add(upstream);
    /** @type {Map<string, string>} */
    const parsed = new Map(); // statement name -> sql
    let pending = Buffer.alloc(0);
    let startup = true;
    let opaque = false; // after SSL was accepted we cannot read the stream

    /** @param {string} type  @param {Buffer} body */
    const onMessage = (type, body) => {
      if (!recording) return;
      if (type === 'Q') {
        statements.push({ sql: cstring(body, 0)[0], params: [] });
      } else if (type === 'P') {
        const [name, next] = cstring(body, 0);
        const [sql] = cstring(body, next);
        parsed.set(name, sql);
      } else if (type === 'B') {
        let offset;
        [, offset] = cstring(body, 0); // portal
        let statement;
        [statement, offset] = cstring(body, offset);
        const formatCount = body.readInt16BE(offset);
        offset += 2;
        /** @type {number[]} */
        const formats = [];
        for (let i = 0; i < formatCount; i++, offset += 2) formats.push(body.readInt16BE(offset));
        const count = body.readInt16BE(offset);
        offset += 2;
        /** @type {StatementParameter[]} */
        const params = [];
        for (let i = 0; i < count; i++) {
          const length = body.readInt32BE(offset);
          offset += 4;
          const format = formats.length === 1 ? formats[0] : (formats[i] ?? 0);
          if (length < 0) params.push(null);
          else
            params.push(
              format === 0
                ? body.toString('utf8', offset, offset + length)
                : { binary: body.subarray(offset, offset + length).toString('hex') },
            );
          offset += Math.max(length, 0);
        }
        statements.push({ sql: parsed.get(statement) ?? null, params });
      }
    };

    client.on('data', (chunk) => {
      upstream.write(chunk);
      if (opaque) return;
      pending = Buffer.concat([pending, chunk]);
      for (;;) {
        if (startup) {
          if (pending.length < 8) break;
          const length = pending.readInt32BE(0);
          if (pending.length < length) break;
          const code = pending.readInt32BE(4);
          pending = pending.subarray(length);
          if (code === SSL_REQUEST || code === GSS_REQUEST) {
            // The server answers one byte; if it is 'S' the rest is encrypted.
            upstream.once('data', (answer) => {
              if (answer[0] === 0x53 || answer[0] === 0x47) opaque = true;
            });
            continue;
          }
          startup = false;
          continue;
        }
        if (pending.length < 5) break;
        const length = pending.readInt32BE(1);
        if (pending.length < 1 + length) break;
        const type = String.fromCharCode(pending[0]);
        try {
          onMessage(type, pending.subarray(5, 1 + length));
        } catch {
          /* a message we misread: skip it */
        }
        pending = pending.subarray(1 + length);
      }
    });
    upstream.on('data', (chunk) => client.write(chunk));
    const close = () => {
      client.destroy();
      upstream.destroy();
      sockets.delete(client);
      sockets.delete(upstream);
    };
    client.on('error', close);
    upstream.on('error', close);
    client.on('close', close);
    upstream.on('close', close);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve(undefined)));

  return {
    port: /** @type {net.AddressInfo} */ (server.address()).port,
    /**
     * Records what is sent while `fn` runs, and returns it.
     * @param {() => Promise<void>} fn
     * @returns {Promise<CapturedStatement[]>}
     */
    async record(fn) {
      const from = statements.length;
      recording = true;
      try {
        await fn();
      } finally {
        recording = false;
      }
      return statements.slice(from).filter(/** @returns {s is CapturedStatement} */ (s) => Boolean(s.sql));
    },
    async stop() {
      for (const socket of sockets) socket.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
