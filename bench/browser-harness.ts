// Helpers of the benchmarks that run a bench page in real Chromium: serving a built page,
// tracing the page's main thread, sampling Chromium's memory (used by import-bench.ts and
// text-bench.ts).
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import sirv from 'sirv';
import { build } from 'vite';
import { fileURLToPath } from 'node:url';
import type { BrowserContext, Page } from 'playwright-core';

/** Serves a built directory on 127.0.0.1 at a free port. */
export async function serve(dir: string, page = 'index.html') {
  const handler = sirv(dir, { dev: true });
  const server = createServer((req, res) =>
    handler(req, res, () => {
      res.statusCode = 404;
      res.end('not found');
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/${page}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** Trace events as Chromium reports them (only the fields used here). */
interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  /** Thread (CPU) time, when Chromium gives it. */
  tdur?: number;
  args?: {
    name?: string;
    src_file?: string;
    src_func?: string;
    src?: { file_name?: string; function_name?: string };
    data?: { type?: string; functionName?: string; url?: string; lineNumber?: number };
  };
}

/** The longest main-thread task of a trace, and what ran in it. */
export interface MainThreadTrace {
  /** Tasks run on the page's main thread while tracing. */
  tasks: number;
  mainThreads: number;
  longestMs: number;
  /** The CPU time of the main thread in that task (less than `longestMs` when it waited for a CPU). */
  longestCpuMs: number | null;
  /** The longest task by CPU time of the main thread, in ms (null when the trace lacks it). */
  maxCpuMs: number | null;
  /** Where the longest task was posted from (Chromium's source location). */
  longestSource: string;
  /** The longest event inside it (a message dispatch, a function call, a timer…). */
  longestInner: string;
  /** The five longest tasks, in ms. */
  top: number[];
  /** The longest task began after the page's performance mark `mark` (null: no mark asked or seen). */
  longestAfterMark: boolean | null;
  /** The longest of the scheduler's own tasks alone (what this trace counted before it saw checkpoints). */
  schedulerLongestMs: number;
}

const TASK_NAMES =
  /^(RunTask|ThreadControllerImpl::RunTask|BlinkScheduler_PerformMicrotaskCheckpoint)$/;

function describeEvent(e: TraceEvent): string {
  const d = e.args?.data;
  const what = [
    d?.type,
    d?.functionName,
    d?.url ? `${d.url.split('/').pop()}:${d.lineNumber ?? ''}` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const cpu = e.tdur !== undefined ? `, CPU ${(e.tdur / 1000).toFixed(1)} ms` : '';
  return `${e.name}${what ? ` (${what})` : ''} ${((e.dur ?? 0) / 1000).toFixed(1)} ms${cpu}`;
}

/** Events `inside` another on the same thread. */
const end = (e: TraceEvent) => e.ts + (e.dur ?? 0);
const inside = (e: TraceEvent, outer: TraceEvent) =>
  e !== outer &&
  e.pid === outer.pid &&
  e.tid === outer.tid &&
  e.ts >= outer.ts &&
  end(e) <= end(outer);

/** What ran in the longest task: its microtask checkpoint, then its longest other events. */
function describeInside(longest: TraceEvent, onMain: TraceEvent[], candidates: TraceEvent[]) {
  const checkpoint = candidates
    .filter((e) => e.name === 'BlinkScheduler_PerformMicrotaskCheckpoint')
    .filter((e) => e === longest || inside(e, longest))
    .reduce((m, e) => m + (e.dur ?? 0), 0);
  const within = onMain
    .filter((e) => !TASK_NAMES.test(e.name) && !e.name.startsWith('V8.') && inside(e, longest))
    .sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
  const posted = [longest, ...candidates.filter((e) => inside(e, longest))].find(
    (e) => e.args?.src_func ?? e.args?.src?.function_name,
  );
  const a = posted?.args;
  return {
    inner: [
      ...(checkpoint > 0 ? [`microtask checkpoint ${(checkpoint / 1000).toFixed(1)} ms`] : []),
      ...within.slice(0, 3).map(describeEvent),
    ].join('; '),
    source: a
      ? `${a.src_func ?? a.src?.function_name} (${a.src_file ?? a.src?.file_name ?? '?'})`
      : longest.name,
  };
}

/**
 * Records a Chromium trace until stopped; gives the longest task on the renderer main threads
 * (`CrRendererMain`), i.e. the page's own thread, not its workers. A task is any outermost
 * `RunTask` — DevTools' own (`disabled-by-default-devtools.timeline`) or the scheduler's — or a
 * microtask checkpoint run outside them: work continued after an `await` (a chart drawn after
 * its code was imported) runs in such a checkpoint, which the scheduler's tasks do not contain.
 * Unlike the long-task API this sees tasks shorter than 50 ms too. With `mark`, says whether the
 * longest task began after the page's `performance.mark(mark)`.
 */
export async function traceMainThread(
  page: Page,
  options: { mark?: string } = {},
): Promise<() => Promise<MainThreadTrace>> {
  const session = await page.context().newCDPSession(page);
  const events: TraceEvent[] = [];
  session.on('Tracing.dataCollected', (e) => events.push(...(e.value as unknown as TraceEvent[])));
  await session.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: [
        'toplevel',
        'devtools.timeline',
        'disabled-by-default-devtools.timeline',
        'blink.user_timing',
        '__metadata',
      ],
    },
  });
  return async () => {
    const complete = new Promise<void>((resolve) =>
      session.once('Tracing.tracingComplete', () => resolve()),
    );
    await session.send('Tracing.end');
    await complete;
    await session.detach();
    const main = new Set(
      events
        .filter(
          (e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain',
        )
        .map((e) => `${e.pid}:${e.tid}`),
    );
    const onMain = events.filter((e) => e.ph === 'X' && main.has(`${e.pid}:${e.tid}`));
    const candidates = onMain.filter((e) => TASK_NAMES.test(e.name));
    const tasks = candidates.filter(
      (e) => !candidates.some((o) => (o.dur ?? 0) > (e.dur ?? 0) && inside(e, o)),
    );
    const sorted = [...tasks].sort((a, b) => (b.dur ?? 0) - (a.dur ?? 0));
    const longest = sorted[0];
    const about = longest ? describeInside(longest, onMain, candidates) : { inner: '', source: '' };
    const marked = options.mark ? events.find((e) => e.name === options.mark) : undefined;
    const scheduler = onMain
      .filter((e) => /RunTask/.test(e.name) && e.cat?.includes('toplevel'))
      .reduce((m, e) => Math.max(m, e.dur ?? 0), 0);
    return {
      tasks: tasks.length,
      mainThreads: main.size,
      longestMs: (longest?.dur ?? 0) / 1000,
      longestCpuMs: longest?.tdur !== undefined ? longest.tdur / 1000 : null,
      maxCpuMs: tasks.some((e) => e.tdur !== undefined)
        ? tasks.reduce((m, e) => Math.max(m, e.tdur ?? 0), 0) / 1000
        : null,
      longestSource: about.source,
      longestInner: about.inner,
      top: sorted.slice(0, 5).map((e) => (e.dur ?? 0) / 1000),
      longestAfterMark: longest && marked ? longest.ts >= marked.ts : null,
      schedulerLongestMs: scheduler / 1000,
    };
  };
}

/** The resident memory of this process's descendants (Chromium's processes), Linux only. */
async function chromiumRss(): Promise<{ maxProcess: number; total: number } | null> {
  if (process.platform !== 'linux') return null;
  const procs: { pid: number; ppid: number; rss: number }[] = [];
  for (const d of await readdir('/proc').catch(() => [])) {
    if (!/^\d+$/.test(d)) continue;
    const stat = await readFile(`/proc/${d}/stat`, 'utf8').catch(() => '');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields.length > 22) {
      procs.push({ pid: Number(d), ppid: Number(fields[1]), rss: Number(fields[21]) * 4096 });
    }
  }
  const mine = new Set([process.pid]);
  for (let grew = true; grew;) {
    grew = false;
    for (const p of procs) {
      if (!mine.has(p.pid) && mine.has(p.ppid)) {
        mine.add(p.pid);
        grew = true;
      }
    }
  }
  const rss = procs.filter((p) => p.pid !== process.pid && mine.has(p.pid)).map((p) => p.rss);
  return { maxProcess: Math.max(0, ...rss), total: rss.reduce((a, b) => a + b, 0) };
}

/** Samples Chromium's resident memory every 200 ms until stopped; gives the peaks (bytes). */
export function sampleMemory(): () => Promise<{
  peakProcessBytes: number;
  peakTotalBytes: number;
}> {
  let maxProcess = 0;
  let total = 0;
  let running = true;
  const done = (async () => {
    while (running) {
      const m = await chromiumRss();
      if (!m) return;
      maxProcess = Math.max(maxProcess, m.maxProcess);
      total = Math.max(total, m.total);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  return async () => {
    running = false;
    await done;
    return { peakProcessBytes: maxProcess, peakTotalBytes: total };
  };
}

/** What a benchmark run owns: its temporary directory, its server and its browser. */
export interface BenchSession {
  tmp: string;
  server: Awaited<ReturnType<typeof serve>> | null;
  context: BrowserContext | null;
}

/**
 * Runs a benchmark with a fresh temporary directory, and afterwards — also on Ctrl+C or
 * SIGTERM — closes its browser and server and deletes the directory.
 */
export async function withBenchSession(
  prefix: string,
  run: (session: BenchSession) => Promise<void>,
): Promise<void> {
  const session: BenchSession = {
    tmp: await mkdtemp(join(tmpdir(), prefix)),
    server: null,
    context: null,
  };
  const cleanup = async () => {
    await session.context?.close().catch(() => undefined);
    session.context = null;
    await session.server?.close().catch(() => undefined);
    session.server = null;
    await rm(session.tmp, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    await run(session);
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
    await cleanup();
  }
}

/**
 * Builds the app as shipped (its service worker included) into the session's temporary folder
 * and serves it on 127.0.0.1 (closed with the session).
 */
export async function serveBuiltApp(session: BenchSession): Promise<{ url: string }> {
  const dist = join(session.tmp, 'dist');
  await build({
    configFile: fileURLToPath(new URL('../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
    build: { outDir: dist, emptyOutDir: true },
  });
  return (session.server = await serve(dist));
}

/** A V8 CPU profile (the fields read here). */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

/**
 * Runs `during` under V8's sampling profiler on the page's main thread; writes the profile to
 * `file` (for DevTools) and gives the 25 functions with the most self time, in ms.
 */
export async function profileMainThread(
  page: Page,
  file: string,
  during: () => Promise<void>,
): Promise<[string, number][]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await during();
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile };
  await cdp.detach();
  await writeFile(file, JSON.stringify(profile));
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + profile.timeDeltas[i]!));
  const byFunction = new Map<string, number>();
  for (const node of profile.nodes) {
    const { functionName, url, lineNumber } = node.callFrame;
    if (functionName === '(idle)' || functionName === '(program)') continue;
    const key = `${functionName || '(anonymous)'} ${url.split('/').pop()}:${lineNumber + 1}`;
    byFunction.set(key, (byFunction.get(key) ?? 0) + (self.get(node.id) ?? 0) / 1000);
  }
  return [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 25);
}
