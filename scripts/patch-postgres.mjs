#!/usr/bin/env node
// Repairs a crash in postgres.js 3.4.9 (porsager/postgres#1154, #1208; unreleased fixes #1168,
// #1209): a write smaller than 1 KB is deferred with setImmediate, and when the connection's
// socket closes before the deferred write runs, `socket.write` is called on null. That throw
// happens in the immediate callback, outside every await, and ends the server process; it is
// what a database outage triggers (test/faults/db-outage.test.ts). Teardown also clears the
// timer without forgetting it, which leaves a reserved connection that can never write again.
//
// The repair: a write without a socket settles the waiting queries with CONNECTION_CLOSED (a
// catchable error the API answers as 503) instead of throwing, and teardown forgets the timer
// and the buffered bytes. Run by `npm install` (postinstall); idempotent; a newer postgres.js
// whose code differs is left alone with one line saying so.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const MARK = '/* open-crm: guarded nextWrite */';
const BROKEN_WRITE = `  function nextWrite(fn) {
    const x = socket.write(chunk, fn)`;
const GUARDED_WRITE = `  function nextWrite(fn) {
    ${MARK}
    if (!socket) {
      nextWriteTimer !== null && clearImmediate(nextWriteTimer)
      chunk = nextWriteTimer = null
      error(Errors.connection('CONNECTION_CLOSED', options, socket))
      return false
    }
    const x = socket.write(chunk, fn)`;
const BROKEN_CLEAR = '    clearImmediate(nextWriteTimer)\n';
const FORGETTING_CLEAR = '    clearImmediate(nextWriteTimer)\n    chunk = nextWriteTimer = null\n';

/** Patches one copy of connection.js; returns what happened, for the log line. */
export function patchSource(source) {
  if (source.includes(MARK)) return { source, status: 'already patched' };
  if (!source.includes(BROKEN_WRITE) || source.split(BROKEN_CLEAR).length !== 3 || !source.includes('  function error(err)')) {
    return { source, status: 'unknown version, left alone' };
  }
  return { source: source.replace(BROKEN_WRITE, GUARDED_WRITE).split(BROKEN_CLEAR).join(FORGETTING_CLEAR), status: 'patched' };
}

function isPostgresRoot(folder) {
  const file = path.join(folder, 'package.json');
  return fs.existsSync(file) && JSON.parse(fs.readFileSync(file, 'utf8')).name === 'postgres';
}

function main() {
  let root;
  try {
    // postgres.js exports no ./package.json: find the folder from its entry point.
    root = path.dirname(createRequire(import.meta.url).resolve('postgres'));
    while (!isPostgresRoot(root)) {
      if (path.dirname(root) === root) return;
      root = path.dirname(root);
    }
  } catch {
    return; // postgres.js is not installed (an install without it): nothing to repair
  }
  const { version } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  const results = [];
  for (const build of ['src', 'cjs/src', 'cf/src']) {
    const file = path.join(root, build, 'connection.js');
    if (!fs.existsSync(file)) continue;
    const { source, status } = patchSource(fs.readFileSync(file, 'utf8'));
    if (status === 'patched') fs.writeFileSync(file, source);
    results.push(`${build}: ${status}`);
  }
  console.log(`open-crm: postgres.js ${version} write guard (${results.join(', ')})`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) main();
