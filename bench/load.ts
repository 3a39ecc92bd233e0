/**
 * Load benchmark (issue 16, throughput): autocannon against the real server, `bin/crm.js
 * start` in a child process, and against a bare Hono app on the same machine in the same run,
 * with the ratio between them.
 *
 *   npm run bench -- load                                   # PGlite (and Postgres when BENCH_DATABASE_URL is set)
 *   BENCH_DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres npm run bench -- load --drivers postgres
 *   npm run bench -- load --seconds 5 --connections 20      # a quick run
 *
 * Flags: --seconds (20) per measurement, --warmup (3) seconds of load before each, --connections
 * (50), --drivers (pglite, plus postgres when BENCH_DATABASE_URL is set), --companies (10000),
 * --chunks (10000) passages for search over --search-companies (10), --routes companies,search,
 * --log-level (info, the server's default), --cpu-prof <dir> to profile the server
 * (node --cpu-prof). Postgres gets a fresh database, dropped afterwards.
 */
import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { Database } from '../core/db/types.ts';
import { load, type LoadFigures, type LoadRequest } from './load/cannon.ts';
import { postgresCpu, processCpuMs } from './load/cpu.ts';
import { createLoadDatabase } from './load/database.ts';
import { type ChildServer, startBare, startCrm } from './load/processes.ts';
import { seedLoadData, type Seeded } from './load/seed.ts';

type Driver = Database['driver'];
type Route = 'companies' | 'search';

const ROUTE_NAMES: Record<Route, string> = { companies: 'GET /api/companies/{id}', search: 'POST /api/search' };

interface Options {
  seconds: number;
  warmup: number;
  connections: number;
  drivers: Driver[];
  companies: number;
  chunks: number;
  searchCompanies: number;
  routes: Route[];
  logLevel: string;
  cpuProf: string | undefined;
  url: string | undefined;
}

/** A measurement and the CPU it cost: ms per request of the server process and of Postgres' backends. */
interface Measured extends LoadFigures {
  serverCpu: number;
  postgresCpu: number | null;
}

interface Row {
  target: string;
  route: Route;
  figures: Measured;
}

export async function runLoadBench(argv: string[] = process.argv.slice(3)): Promise<void> {
  const options = parseOptions(argv);
  const cpu = os.cpus();
  console.log(`# load bench — ${new Date().toISOString()} — ${cpu[0]?.model.trim()} × ${cpu.length}, node ${process.version}`);
  console.log(`# ${options.connections} connections × ${options.seconds} s (after ${options.warmup} s warm-up); server LOG_LEVEL=${options.logLevel}`);
  console.log(`# load average at start: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')} (other work on the machine shows here)\n`);

  const rows: Row[] = [];
  const bare = await startBare();
  try {
    for (const route of options.routes) rows.push({ target: 'bare Hono', route, figures: await measure(bare, bareRequest(route), options) });
  } finally {
    await bare.stop();
  }
  for (const driver of options.drivers) rows.push(...(await benchDriver(driver, options)));
  printTable(rows);
  console.log(`\n# load average at the end: ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}

async function benchDriver(driver: Driver, options: Options): Promise<Row[]> {
  if (driver === 'postgres' && !options.url) throw new Error('--drivers postgres needs BENCH_DATABASE_URL');
  const database = await createLoadDatabase(driver, options.url ?? '');
  try {
    const db = await database.open();
    let seeded: Seeded;
    const started = performance.now();
    try {
      seeded = await seedLoadData(db, { companies: options.companies, chunks: options.chunks, searchCompanies: options.searchCompanies, queries: 500 });
    } finally {
      await db.close();
    }
    console.log(`${driver}: seeded ${seeded.companyIds.length} companies and ${seeded.chunks} chunks in ${((performance.now() - started) / 1000).toFixed(1)} s`);

    const logFile = path.join(database.dataDir, 'server.log');
    const nodeArgs = options.cpuProf ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(options.cpuProf)}`] : [];
    const server = await startCrm({ ...database.env, LOG_LEVEL: options.logLevel }, logFile, nodeArgs);
    const rows: Row[] = [];
    const pgCpu = database.env.DATABASE_URL ? postgresCpu(database.env.DATABASE_URL) : undefined;
    try {
      const token = fs.readFileSync(path.join(database.dataDir, 'admin.key'), 'utf8').trim();
      for (const route of options.routes) {
        rows.push({ target: `crm on ${driver}`, route, figures: await measure(server, crmRequest(route, seeded), options, token, pgCpu) });
      }
    } finally {
      await pgCpu?.close();
      await server.stop();
    }
    return rows;
  } finally {
    await database.destroy();
  }
}

async function measure(
  server: ChildServer, request: LoadRequest, options: Options, token?: string, pgCpu?: ReturnType<typeof postgresCpu>,
): Promise<Measured> {
  if (options.warmup > 0) await load(server.url, request, { connections: options.connections, seconds: options.warmup, token });
  const before = { server: processCpuMs(server.pid), postgres: await pgCpu?.read() };
  const figures = await load(server.url, request, { connections: options.connections, seconds: options.seconds, token });
  const serverCpu = (processCpuMs(server.pid) - before.server) / figures.requests;
  const postgresCpu = pgCpu ? ((await pgCpu.read()) - before.postgres!) / figures.requests : null;
  if (figures.non2xx > 0) throw new Error(`${figures.non2xx} of ${figures.requests} requests to ${server.url} were answered with an error status`);
  return { ...figures, serverCpu, postgresCpu };
}

function bareRequest(route: Route): LoadRequest {
  let i = 0;
  return route === 'companies'
    ? { method: 'GET', next: () => ({ path: `/api/companies/${i++}` }) }
    : { method: 'POST', next: () => ({ path: '/api/search', body: { query: `Hvad koster ${i++}?`, k: 10 } }) };
}

/** Round-robin over the seeded companies, and over the questions, each filtered to its company as a site search is. */
function crmRequest(route: Route, seeded: Seeded): LoadRequest {
  let i = 0;
  if (route === 'companies') {
    const ids = seeded.companyIds;
    return { method: 'GET', next: () => ({ path: `/api/companies/${ids[(i++ * 7919) % ids.length]}` }) };
  }
  const searches = seeded.searches;
  return {
    method: 'POST',
    next: () => {
      const s = searches[i++ % searches.length]!;
      return { path: '/api/search', body: { query: s.query, company_ids: [s.companyId], k: 10 } };
    },
  };
}

function printTable(rows: Row[]): void {
  const bare = new Map(rows.filter((r) => r.target === 'bare Hono').map((r) => [r.route, r.figures.rps]));
  const f = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
  const ms = (n: number | null) => (n === null ? '–' : n.toFixed(2));
  console.log('\n| server | route | req/s | p50 / p97.5 / p99 ms | max ms | requests (timeouts) | vs bare Hono | CPU ms/request: server / Postgres |');
  console.log('|---|---|---|---|---|---|---|---|');
  for (const { target, route, figures: x } of rows) {
    const ratio = target === 'bare Hono' ? '1' : `1 : ${(bare.get(route)! / x.rps).toFixed(1)}`;
    console.log(`| ${target} | ${ROUTE_NAMES[route]} | ${f(x.rps)} | ${x.p50} / ${x.p975} / ${x.p99} | ${x.max} | ${f(x.requests)}${x.timeouts ? ` (${f(x.timeouts)})` : ''} | ${ratio} | ${ms(x.serverCpu)} / ${ms(x.postgresCpu)} |`);
  }
}

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv,
    options: {
      seconds: { type: 'string', default: '20' },
      warmup: { type: 'string', default: '3' },
      connections: { type: 'string', default: '50' },
      drivers: { type: 'string' },
      companies: { type: 'string', default: '10000' },
      chunks: { type: 'string', default: '10000' },
      'search-companies': { type: 'string', default: '10' },
      routes: { type: 'string', default: 'companies,search' },
      'log-level': { type: 'string', default: 'info' },
      'cpu-prof': { type: 'string' },
    },
  });
  const url = process.env.BENCH_DATABASE_URL;
  const drivers = (values.drivers?.split(',') ?? (url ? ['pglite', 'postgres'] : ['pglite'])) as Driver[];
  const routes = values.routes.split(',') as Route[];
  for (const d of drivers) if (d !== 'pglite' && d !== 'postgres') throw new Error(`Unknown driver ${d}: choose pglite, postgres`);
  for (const r of routes) if (!(r in ROUTE_NAMES)) throw new Error(`Unknown route ${r}: choose ${Object.keys(ROUTE_NAMES).join(', ')}`);
  return {
    seconds: Number(values.seconds), warmup: Number(values.warmup), connections: Number(values.connections), drivers,
    companies: Number(values.companies), chunks: Number(values.chunks), searchCompanies: Number(values['search-companies']),
    routes, logLevel: values['log-level'], cpuProf: values['cpu-prof'], url,
  };
}
