// Runs the vitest benchmarks (bench/*.bench.ts, in Node) and records, for each group, the ratio
// of every benchmark's median time to the group's baseline (the benchmark named `baseline: …`).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { recordFigures, type BenchFigure } from './bench-report.ts';

interface VitestBench {
  name: string;
  median: number;
}
interface VitestReport {
  files: { groups: { fullName: string; benchmarks: VitestBench[] }[] }[];
}

const root = fileURLToPath(new URL('../', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'cx-vitest-bench-'));
try {
  const out = join(dir, 'report.json');
  const r = spawnSync(
    'npx',
    ['vitest', 'bench', '--run', '--project', 'unit', '--outputJson', out],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) process.exit(r.status ?? 1);
  const report = JSON.parse(readFileSync(out, 'utf8')) as VitestReport;
  const figures: BenchFigure[] = [];
  for (const group of report.files.flatMap((f) => f.groups)) {
    const baseline = group.benchmarks.find((b) => b.name.startsWith('baseline'));
    if (!baseline) continue;
    const title = group.fullName.split(' > ').slice(1).join(' > ');
    const slug = (s: string) =>
      s
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-|-$/g, '');
    for (const b of group.benchmarks.filter((x) => x !== baseline)) {
      figures.push({
        id: `unit.${slug(title)}.${slug(b.name)}`,
        label: `${title}: ${b.name} vs ${baseline.name.replace(/^baseline: /, '')}`,
        unit: 'ratio',
        value: b.median / baseline.median,
      });
    }
  }
  recordFigures(figures);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
