#!/usr/bin/env node
// `npm run bench`: wall time and peak RSS of the app command (cdktf.json "app"), of the app with 1, 10 and
// 100 private accounts in one stack, of `npm test`, and of two baseline costs a cdktf-template user pays
// (the provider's index import, and type-checking the project). Prints a markdown table for BENCHMARKS.md.
//
// Env: BENCH_RUNS (default 5) runs per case, median reported, after BENCH_WARMUP (default 1) discarded runs that
// warm the OS file cache (not any compile cache: the entry is touched before every run);
// BENCH_TEST_RUNS (default 1) runs of `npm test`, no warm-up;
// BENCH_SKIP_TESTS=1 skips `npm test`; BENCH_SKIP_BASELINE=1 skips the baseline rows.
// Wall time is measured here around each process (process.hrtime); peak RSS is GNU time's %M (largest single
// process of the tree). Without /usr/bin/time, a --require preload reports process.resourceUsage().maxRSS of
// every node process the command starts, and the largest is kept.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');

const ROOT = path.resolve(__dirname, '..');
const RUNS = positiveInt(process.env.BENCH_RUNS, 5);
const TEST_RUNS = positiveInt(process.env.BENCH_TEST_RUNS, 1);
const WARMUP = Number.isInteger(Number(process.env.BENCH_WARMUP)) && Number(process.env.BENCH_WARMUP) >= 0 ? Number(process.env.BENCH_WARMUP) : 1;
const TIME = '/usr/bin/time';
const HAS_TIME = process.env.BENCH_NO_TIME !== '1' && fs.existsSync(TIME); // BENCH_NO_TIME=1 forces the preload
const LOAD_START = os.loadavg()[0];
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));

function positiveInt(value, fallback) {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const PRELOAD = path.join(TMP, 'maxrss-preload.js');
fs.writeFileSync(PRELOAD, [
  "process.on('exit', () => {",
  "  const u = process.resourceUsage();",
  "  try { require('fs').appendFileSync(process.env.BENCH_RSS_FILE, `${u.userCPUTime + u.systemCPUTime} ${u.maxRSS}\\n`); } catch {}",
  '});',
  '',
].join('\n'));

/** Runs argv once; returns { wallMs, cpuMs, rssMb, status, stderr }. `before` runs just before the process starts. */
function measure(argv, { env = {}, before } = {}) {
  const rssFile = path.join(TMP, 'rss.txt');
  fs.rmSync(rssFile, { force: true });
  let command = argv;
  const childEnv = { ...process.env, ...env };
  if (HAS_TIME) {
    command = [TIME, '-o', rssFile, '-f', '%U %S %M', ...argv];
  } else {
    childEnv.BENCH_RSS_FILE = rssFile;
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim();
  }
  if (before) before();
  const start = process.hrtime.bigint();
  const result = spawnSync(command[0], command.slice(1), { cwd: ROOT, env: childEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - start) / 1e6;
  // GNU time may prefix "Command exited with non-zero status N"; its last line is "%U %S %M" (s, s, KB).
  // The preload writes one "cpuMicroseconds maxRssKb" line per node process.
  const lines = fs.existsSync(rssFile) ? fs.readFileSync(rssFile, 'utf8').trim().split('\n') : [];
  let cpuMs = NaN;
  let rssKb = NaN;
  if (HAS_TIME && lines.length) {
    const [user, sys, kb] = lines[lines.length - 1].trim().split(/\s+/).map(Number);
    cpuMs = (user + sys) * 1000;
    rssKb = kb;
  } else if (lines.length) {
    const pairs = lines.map((l) => l.trim().split(/\s+/).map(Number));
    cpuMs = pairs.reduce((sum, [us]) => sum + us / 1000, 0);
    rssKb = Math.max(...pairs.map(([, kb]) => kb));
  }
  return { wallMs, cpuMs, rssMb: rssKb / 1024, status: result.status, stderr: `${result.stderr ?? ''}${result.error ? result.error.message : ''}` };
}

/** Runs argv `runs` times; returns medians, ranges and the exit statuses. */
function bench(label, argv, options = {}, runs = RUNS, warmup = WARMUP) {
  process.stderr.write(`bench: ${label} (${warmup} warm-up, ${runs} run${runs > 1 ? 's' : ''}) `);
  for (let i = 0; i < warmup; i++) { measure(argv, options); process.stderr.write('w'); }
  const samples = [];
  for (let i = 0; i < runs; i++) {
    const sample = measure(argv, options);
    samples.push(sample);
    process.stderr.write(sample.status === 0 ? '.' : 'x');
  }
  process.stderr.write('\n');
  const failed = samples.find((s) => s.status !== 0);
  if (failed && !options.allowFailure) process.stderr.write(`bench: ${label} exited ${failed.status}:\n${failed.stderr.slice(-2000)}\n`);
  const walls = samples.map((s) => s.wallMs);
  return {
    label, runs, argv,
    wallMs: median(walls), minMs: Math.min(...walls), maxMs: Math.max(...walls),
    cpuMs: median(samples.map((s) => s.cpuMs)),
    rssMb: median(samples.map((s) => s.rssMb)),
    statuses: [...new Set(samples.map((s) => s.status))],
  };
}

// --- the app command ------------------------------------------------------------------------------------
const cdktf = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8'));
const appArgv = cdktf.app.trim().split(/\s+/);
const entry = appArgv.find((arg) => /\.(ts|js)$/.test(arg)) ?? 'main.ts';
// Touch the entry so any compile or cache step keyed on mtimes counts ("cold after a source edit").
const touchEntry = () => { const now = new Date(); fs.utimesSync(path.join(ROOT, entry), now, now); };
// cdktf's App takes its outdir from CDKTF_OUTDIR when none is given (build-app.ts passes none).
const outdir = (name) => path.join(TMP, `out-${name}`);

// --- generated configs: N private accounts in one stack -------------------------------------------------
const example = JSON.parse(fs.readFileSync(path.join(ROOT, 'config', 'example.json'), 'utf8'));
const SUBNET = { base: [10, 20, 16, 0], prefix: 20 }; // 10.20.16.0/20: usable 10.20.16.4-10.20.31.254

function configWith(count) {
  const [a, b, c] = SUBNET.base;
  const stack = {
    ...example.stacks[0],
    name: `bench-${count}`,
    network: {
      ...example.stacks[0].network,
      addressSpace: [`${a}.${b}.0.0/16`],
      endpointSubnet: { ...example.stacks[0].network.endpointSubnet, addressPrefix: `${SUBNET.base.join('.')}/${SUBNET.prefix}` },
    },
    accounts: Array.from({ length: count }, (_, i) => {
      const host = 10 + i; // unique, well inside the /20's usable range for any count up to ~4000
      return {
        name: `benchacct${String(i + 1).padStart(4, '0')}`,
        endpoints: [
          { subResource: 'batchAccount', staticIp: `${a}.${b}.${c + Math.floor(host / 256)}.${host % 256}`, dns: 'records' },
          { subResource: 'nodeManagement', dns: 'records' },
        ],
      };
    }),
  };
  const file = path.join(TMP, `config-${count}.json`);
  fs.writeFileSync(file, JSON.stringify({ stacks: [stack] }, null, 2));
  return file;
}

// --- run ------------------------------------------------------------------------------------------------
const rows = [];
const fmtS = (ms) => (ms / 1000).toFixed(2);
const fmtMb = (mb) => (Number.isFinite(mb) ? mb.toFixed(0) : 'n/a');
const budgetCheck = (ok) => (ok ? 'OK' : 'OVER');

const appDefault = bench('app, default example', appArgv, { env: { CDKTF_OUTDIR: outdir('default') }, before: touchEntry });
rows.push({ r: appDefault, budget: '≤ 1.0 s', status: budgetCheck(appDefault.wallMs <= 1000) });

const scaled = {};
for (const count of [1, 10, 100]) {
  const r = bench(`app, ${count} account${count > 1 ? 's' : ''}`, appArgv, {
    env: { CDKTF_OUTDIR: outdir(`n${count}`), PRIVATE_BATCH_CONFIG: configWith(count) },
    before: touchEntry,
  });
  scaled[count] = r;
  rows.push(count === 100
    ? { r, budget: '≤ 3 s, ≤ 400 MB', status: budgetCheck(r.wallMs <= 3000 && r.rssMb <= 400) }
    : { r, budget: '', status: '' });
}

if (process.env.BENCH_SKIP_TESTS !== '1') {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const tests = bench('npm test', [npm, 'test', '--silent'], { allowFailure: true }, TEST_RUNS, 0);
  // 30 s held until the suite ran Terraform itself (validate, plan and the terraform test lifecycle stories, about
  // 150 s of worker time); BENCHMARKS.md says where the time goes.
  rows.push({ r: tests, budget: '≤ 180 s', status: budgetCheck(tests.wallMs <= 180000) });
}

const baseline = [];
if (process.env.BENCH_SKIP_BASELINE !== '1') {
  const nodeBin = process.execPath;
  baseline.push({ r: bench('baseline (a): provider index import', [nodeBin, '-e', "require('@cdktf/provider-azurerm')"]), budget: '', status: '' });
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  baseline.push({ r: bench('baseline (b): tsc --noEmit (type-check per synth)', [nodeBin, tsc, '--noEmit', '-p', ROOT], { allowFailure: true }), budget: '', status: '' });
}

// --- report ---------------------------------------------------------------------------------------------
const cpus = os.cpus();
const out = [];
out.push(`Date: ${new Date().toISOString().slice(0, 10)}`);
out.push(`Machine: ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, ${(os.totalmem() / 2 ** 30).toFixed(1)} GiB RAM, node ${process.version}, ${os.platform()} ${os.release()}`);
out.push(`Runs: ${RUNS} per case after ${WARMUP} warm-up (median; min-max wall in brackets), npm test ${TEST_RUNS}. Wall: bench.js around the process. CPU: ${HAS_TIME ? 'GNU time %U+%S' : 'process.resourceUsage()'} (all processes). Peak RSS: ${HAS_TIME ? 'GNU time %M (largest process)' : 'process.resourceUsage().maxRSS (largest node process)'}.`);
out.push(`Load average (1 min) at start ${LOAD_START.toFixed(2)}, at end ${os.loadavg()[0].toFixed(2)}: wall times on a busy machine vary; CPU time varies less.`);
out.push('');
out.push('| Case | Command | Wall (s) | CPU user+sys (s) | Peak RSS (MB) | Budget | Status |');
out.push('|---|---|---|---|---|---|---|');
const argvText = (argv) => argv.map((a) => (a.startsWith(ROOT) ? path.relative(ROOT, a) || '.' : a === process.execPath ? 'node' : a)).map((a) => (/\s/.test(a) ? JSON.stringify(a) : a)).join(' ');
for (const { r, budget, status } of [...rows, ...baseline]) {
  const exit = r.statuses.every((s) => s === 0) ? '' : ` (exit ${r.statuses.join('/')})`;
  out.push(`| ${r.label}${exit} | \`${argvText(r.argv)}\` | ${fmtS(r.wallMs)} [${fmtS(r.minMs)}-${fmtS(r.maxMs)}] | ${fmtS(r.cpuMs)} | ${fmtMb(r.rssMb)} | ${budget} | ${status} |`);
}
const [s1, s10, s100] = [scaled[1], scaled[10], scaled[100]];
const inc = (a, b, n) => ({ ms: (b.wallMs - a.wallMs) / n, cpu: (b.cpuMs - a.cpuMs) / n, mb: (b.rssMb - a.rssMb) / n });
const i10 = inc(s1, s10, 9);
const i100 = inc(s1, s100, 99);
out.push('');
out.push(`Per-account increment (t100 - t1) / 99: ${i100.ms.toFixed(1)} ms wall, ${i100.cpu.toFixed(1)} ms CPU, ${i100.mb.toFixed(2)} MB peak RSS.`);
out.push(`Linearity: 1->10 gives ${i10.ms.toFixed(1)} ms wall, ${i10.cpu.toFixed(1)} ms CPU, ${i10.mb.toFixed(2)} MB per account; 1->100 gives ${i100.ms.toFixed(1)} ms wall, ${i100.cpu.toFixed(1)} ms CPU, ${i100.mb.toFixed(2)} MB per account; ` +
  `t10 = ${fmtS(s10.wallMs)} s (${(s10.wallMs / 10).toFixed(0)} ms/account), t100 = ${fmtS(s100.wallMs)} s (${(s100.wallMs / 100).toFixed(0)} ms/account).`);
if (baseline.length === 2) {
  const before = baseline[0].r.wallMs + baseline[1].r.wallMs;
  out.push(`Baseline (template-style synth pays at least index import + type-check): ${fmtS(before)} s before any construct runs, vs ${fmtS(appDefault.wallMs)} s for our whole default synth.`);
}
console.log(out.join('\n'));
fs.rmSync(TMP, { recursive: true, force: true });
