import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { patchSource } from '../../scripts/patch-postgres.mjs';

const connectionJs = path.resolve(import.meta.dirname, '../../node_modules/postgres/src/connection.js');

/**
 * A reserved connection (what a session or transaction holds) whose socket the network closes,
 * then one more small statement on it: unpatched postgres.js 3.4.9 throws from a setImmediate
 * callback and the process dies (porsager/postgres#1208). Run in a child so a crash can't take
 * the test runner with it.
 */
const SCRIPT = `
import net from 'node:net';
import postgres from 'postgres';
const target = new URL(process.env.TEST_DATABASE_URL);
const [host, port] = [target.hostname, Number(target.port || 5432)];
const sockets = new Set();
const proxy = net.createServer((client) => {
  const upstream = net.connect(port, host);
  sockets.add(client); sockets.add(upstream);
  client.pipe(upstream).pipe(client);
  client.on('error', () => {}); upstream.on('error', () => {});
});
await new Promise((r) => proxy.listen(0, '127.0.0.1', r));
target.host = '127.0.0.1:' + proxy.address().port;
const sql = postgres(target.href, { max: 1, onnotice: () => {} });
const reserved = await sql.reserve();
await reserved\`select 1\`;
for (const s of sockets) s.destroy();
await new Promise((r) => setTimeout(r, 200));
try {
  await reserved\`select 2\`;
  console.log('answered');
} catch (error) {
  console.log('rejected ' + error.code);
}
await new Promise((r) => setTimeout(r, 200));
proxy.close();
process.exit(0);
`;

function runChild(): Promise<{ code: number | null; out: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', SCRIPT], { cwd: path.resolve(import.meta.dirname, '../..'), env: process.env });
    let out = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (out += d));
    child.on('close', (code) => resolve({ code, out }));
  });
}

describe('the postgres.js write guard (scripts/patch-postgres.mjs, run by npm install)', () => {
  it('is applied to the installed postgres.js, and applying it again changes nothing', () => {
    const installed = fs.readFileSync(connectionJs, 'utf8');
    expect(patchSource(installed).status).toBe('already patched');
    expect(patchSource(installed).source).toBe(installed);
  });

  it('leaves code it does not recognise alone', () => {
    expect(patchSource('function nextWrite() {}')).toEqual({ source: 'function nextWrite() {}', status: 'unknown version, left alone' });
  });

  it.runIf(process.env.TEST_DATABASE_URL)('a statement on a reserved connection whose socket closed is rejected, and the process lives', { timeout: 30_000 }, async () => {
    const { code, out } = await runChild();
    expect(out).toContain('rejected CONNECTION_CLOSED');
    expect(code).toBe(0);
  });
});
