// @ts-check
// The machine's HTTP ceiling: a bare Fastify route in a process of its own, no auth, no database.
// `PORT=… node bench/hello-server.mjs` prints "ready" when it listens; SIGTERM stops it.
import Fastify from 'fastify';

const app = Fastify({ logger: false });
app.get('/hello', async () => ({ hello: 'world', 你好: '技能桥' }));

await app.listen({ port: Number(process.env.PORT ?? 0), host: process.env.HOST ?? '127.0.0.1' });
process.stdout.write('ready\n');
for (const signal of ['SIGTERM', 'SIGINT']) process.once(signal, () => void app.close().then(() => process.exit(0)));
