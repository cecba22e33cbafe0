#!/usr/bin/env node
// `npm run bench`: CPU time (user+sys) and peak RSS of the app command (cdktf.json "app") on the three cases of
// issue #24, each as a per-unit figure or a ratio, against its goal. Prints a markdown table for BENCHMARKS.md.
//   - stacks:   BENCH_STACKS (200) stacks × BENCH_STACK_ACCOUNTS (5) accounts in one app: CPU s, ms per stack
//   - accounts: 1 stack × BENCH_ACCOUNTS (2000) accounts: CPU s, ms per account, peak RSS
//   - example:  the default example against the module-loading floor (scripts/bench/floor.js: node, cdktf and the
//               azurerm modules the example loads, one empty synth): the ratio of their CPU times
// Every account has two endpoints (scripts/bench/config.js). CPU time is what the goals are in: on a machine shared
// with other work, wall time says more about the neighbours than about the synth.
//
// Env: BENCH_RUNS (11) runs of the example and the floor, alternated, after one warm-up each (which also fills the
// app command's transpile cache: the runs are synths after the first); BENCH_BIG_RUNS (1) runs of the two large
// cases; BENCH_ONLY=stacks,accounts,example picks cases; BENCH_STACKS, BENCH_STACK_ACCOUNTS, BENCH_ACCOUNTS size them.
'use strict';

const { spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { benchConfig } = require('./bench/config');

const ROOT = path.resolve(__dirname, '..');
const TIME = process.env.BENCH_NO_TIME === '1' ? '/nonexistent' : '/usr/bin/time'; // BENCH_NO_TIME=1: the preload
const TMP = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
const count = (name, fallback) => {
  const n = Number.parseInt(process.env[name] ?? '', 10);
  return Number.isInteger(n) && n > 0 ? n : fallback;
};
const RUNS = count('BENCH_RUNS', 11);
const BIG_RUNS = count('BENCH_BIG_RUNS', 1);
const STACKS = count('BENCH_STACKS', 200);
const STACK_ACCOUNTS = count('BENCH_STACK_ACCOUNTS', 5);
const ACCOUNTS = count('BENCH_ACCOUNTS', 2000);
const ONLY = new Set((process.env.BENCH_ONLY ?? 'stacks,accounts,example').split(',').map((s) => s.trim()));
const LOAD_START = os.loadavg()[0];

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

const PRELOAD = path.join(TMP, 'usage.js');
fs.writeFileSync(PRELOAD, "process.on('exit', () => { const u = process.resourceUsage(); "
  + "require('fs').appendFileSync(process.env.BENCH_USAGE_FILE, `${(u.userCPUTime + u.systemCPUTime) / 1e6} ${u.maxRSS}\\n`); });\n");

/**
 * Runs argv once: CPU seconds (user+sys) and peak RSS in MB, from GNU time when it is there, else from each node
 * process's own resource usage (a --require preload): CPU summed, the largest RSS. GNU time prints CPU in whole
 * hundredths, cut off, which moves a ratio of two commands of a fifth of a second by several per cent: `precise`
 * takes the node processes' own usage (microseconds; all of each process, read as it exits) instead.
 */
function measure(argv, env = {}, precise = false) {
  const out = path.join(TMP, 'usage.txt');
  fs.rmSync(out, { force: true });
  const useTime = !precise && fs.existsSync(TIME);
  const command = useTime ? [TIME, '-o', out, '-f', '%U %S %M', ...argv] : argv;
  const childEnv = { ...process.env, ...env };
  if (!useTime) {
    childEnv.BENCH_USAGE_FILE = out;
    childEnv.NODE_OPTIONS = `${childEnv.NODE_OPTIONS ?? ''} --require ${PRELOAD}`.trim();
  }
  const result = spawnSync(command[0], command.slice(1), { cwd: ROOT, env: childEnv, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`bench: ${argv.join(' ')} exited ${result.status}:\n${(result.stderr ?? '').slice(-2000)}`);
  const lines = fs.readFileSync(out, 'utf8').trim().split('\n').map((line) => line.trim().split(/\s+/).map(Number));
  if (useTime) {
    const [user, sys, kb] = lines[lines.length - 1];
    return { cpu: user + sys, rss: kb / 1024 };
  }
  return { cpu: lines.reduce((sum, [cpu]) => sum + cpu, 0), rss: Math.max(...lines.map(([, kb]) => kb)) / 1024 };
}

/** `runs` alternated runs of each command (after `warmup` each), as medians. */
function alternate(commands, runs, warmup, precise = false) {
  for (let i = 0; i < warmup; i++) commands.forEach(({ argv, env }) => measure(argv, env, precise));
  const samples = commands.map(() => []);
  for (let i = 0; i < runs; i++) {
    commands.forEach(({ argv, env }, c) => samples[c].push(measure(argv, env, precise)));
    process.stderr.write('.');
  }
  return samples.map((s) => ({ cpu: median(s.map((x) => x.cpu)), rss: median(s.map((x) => x.rss)), min: Math.min(...s.map((x) => x.cpu)), max: Math.max(...s.map((x) => x.cpu)) }));
}

const app = JSON.parse(fs.readFileSync(path.join(ROOT, 'cdktf.json'), 'utf8')).app.trim().split(/\s+/);
app[0] = app[0] === 'node' ? process.execPath : app[0];
const outdir = (name) => path.join(TMP, `out-${name}`);
const configFile = (stacks, accounts) => {
  const file = path.join(TMP, `config-${stacks}x${accounts}.json`);
  fs.writeFileSync(file, JSON.stringify(benchConfig(stacks, accounts)));
  return file;
};
const fmt = (n, digits = 2) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
const rows = [];

if (ONLY.has('stacks')) {
  process.stderr.write(`bench: ${STACKS} stacks × ${STACK_ACCOUNTS} accounts `);
  const [r] = alternate([{ argv: app, env: { PRIVATE_BATCH_CONFIG: configFile(STACKS, STACK_ACCOUNTS), CDKTF_OUTDIR: outdir('stacks') } }], BIG_RUNS, 0);
  process.stderr.write('\n');
  // The goals are for the default sizes; other sizes are for a quick look.
  const status = STACKS === 200 && STACK_ACCOUNTS === 5 ? (r.cpu <= 10 ? 'OK' : 'OVER') : '-';
  rows.push([`${STACKS} stacks × ${STACK_ACCOUNTS} accounts`, fmt(r.cpu), `${fmt(1000 * r.cpu / STACKS, 0)} ms CPU per stack`, fmt(r.rss, 0), '≤ 10 s (200 × 5)', status]);
}

if (ONLY.has('accounts')) {
  process.stderr.write(`bench: 1 stack × ${ACCOUNTS} accounts `);
  const [r] = alternate([{ argv: app, env: { PRIVATE_BATCH_CONFIG: configFile(1, ACCOUNTS), CDKTF_OUTDIR: outdir('accounts') } }], BIG_RUNS, 0);
  process.stderr.write('\n');
  const status = ACCOUNTS === 2000 ? (r.cpu <= 20 && r.rss <= 600 ? 'OK' : 'OVER') : '-';
  rows.push([`1 stack × ${ACCOUNTS} accounts`, fmt(r.cpu), `${fmt(1000 * r.cpu / ACCOUNTS, 1)} ms CPU and ${fmt(r.rss / ACCOUNTS * 1000, 0)} kB peak RSS per account`, fmt(r.rss, 0),
    '≤ 20 s, ≤ 600 MB (2000)', status]);
}

if (ONLY.has('example')) {
  // The azurerm modules the example loads, read from a run of it: the floor loads the same ones.
  const list = path.join(TMP, 'modules.txt');
  const preload = path.join(TMP, 'modules.js');
  fs.writeFileSync(preload, `process.on('exit', () => require('fs').writeFileSync(${JSON.stringify(list)}, Object.keys(require.cache)
    .map((k) => /provider-azurerm[\\\\/]lib[\\\\/]([^\\\\/]+)[\\\\/]index\\.js$/.exec(k)?.[1]).filter(Boolean).join('\\n')));\n`);
  measure(app, { CDKTF_OUTDIR: outdir('modules'), NODE_OPTIONS: `--require ${preload}` });
  const modules = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  process.stderr.write(`bench: default example vs floor (${modules.length} azurerm modules) `);
  const [example, floor] = alternate([
    { argv: app, env: { CDKTF_OUTDIR: outdir('example') } },
    { argv: [process.execPath, path.join('scripts', 'bench', 'floor.js'), ...modules], env: { CDKTF_OUTDIR: outdir('floor') } },
  ], RUNS, 1, true);
  process.stderr.write('\n');
  const ratio = example.cpu / floor.cpu;
  rows.push(['default example', `${fmt(example.cpu, 3)} [${fmt(example.min, 3)}-${fmt(example.max, 3)}]`, `${fmt(ratio)}× the floor`, fmt(example.rss, 0), '≤ 1.5× the floor', ratio <= 1.5 ? 'OK' : 'OVER']);
  rows.push([`floor (node, cdktf, ${modules.length} azurerm modules, empty synth)`, `${fmt(floor.cpu, 3)} [${fmt(floor.min, 3)}-${fmt(floor.max, 3)}]`, '1.00×', fmt(floor.rss, 0), '', '']);
}

const cpus = os.cpus();
console.log(`Date: ${new Date().toISOString().slice(0, 10)}; ${cpus[0]?.model.trim() ?? 'unknown CPU'}, ${cpus.length} cores, node ${process.version}; `
  + `load average (1 min) ${LOAD_START.toFixed(1)} at start, ${os.loadavg()[0].toFixed(1)} at end.`);
console.log(`App command: \`${app.map((a) => (a === process.execPath ? 'node' : a)).join(' ')}\`. Example and floor: median of ${RUNS} alternated runs after one warm-up each [min-max]; large cases: median of ${BIG_RUNS}.`);
console.log('');
console.log('| Case | CPU user+sys (s) | Per unit | Peak RSS (MB) | Goal | Status |');
console.log('|---|---|---|---|---|---|');
for (const row of rows) console.log(`| ${row.join(' | ')} |`);
fs.rmSync(TMP, { recursive: true, force: true });
