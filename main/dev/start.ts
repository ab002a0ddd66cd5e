/**
 * `npm start`: builds the app when its sources are newer than dist/, starts the central system
 * (`npm run central`, PGlite in .outpost-data/central), waits for its /health, then opens the
 * desktop app in Electron — or, where no Electron runtime exists, serves the browser build (dist/web)
 * and says where. Ctrl-C stops everything.
 *
 * Environment: OUTPOST_CENTRAL_PORT (default 4010), OUTPOST_WEB_PORT (default 5173, browser
 * build only), ELECTRON_OVERRIDE_DIST_PATH. Flag: --rebuild forces a build.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { findElectronRuntime } from './electronRuntime';
import { serveBrowserBuild, type BrowserBuildServer } from './serveBrowser';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const DIST_OUTPUTS = ['dist/renderer/index.html', 'dist/web/index.html', 'dist/main/main.cjs', 'dist/main/preload.cjs'];
const SOURCE_DIRS = ['main', 'renderer', 'shared'];
const SOURCE_FILES = ['package.json', 'tsconfig.base.json'];
const isWindows = process.platform === 'win32';

const centralPort = Number(process.env.OUTPOST_CENTRAL_PORT ?? 4010);
const webPort = Number(process.env.OUTPOST_WEB_PORT ?? 5173);
const centralUrl = `http://127.0.0.1:${centralPort}`;

const children = new Set<ChildProcess>();
/** Children started as their own process group (stopped as a group). */
const groupLeaders = new WeakSet<ChildProcess>();
let server: BrowserBuildServer | null = null;
let stopping = false;

function newestMtime(entry: string): number {
  let info;
  try {
    info = statSync(entry);
  } catch {
    return 0;
  }
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = 0;
  for (const name of readdirSync(entry)) {
    if (name === 'node_modules' || name.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(entry, name)));
  }
  return newest;
}

function needsBuild(): boolean {
  if (process.argv.includes('--rebuild')) return true;
  let oldestOutput = Infinity;
  for (const output of DIST_OUTPUTS) {
    try {
      oldestOutput = Math.min(oldestOutput, statSync(path.join(ROOT, output)).mtimeMs);
    } catch {
      return true;
    }
  }
  const newestSource = Math.max(...[...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(ROOT, p))));
  return newestSource > oldestOutput;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env, stdio: 'inherit', shell: isWindows });
    child.once('error', reject);
    child.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} exited with ${code}`))));
  });
}

async function isHealthy(url: string): Promise<boolean> {
  try {
    const res = await fetch(`${url}/health`, { signal: AbortSignal.timeout(2_000) });
    return res.ok;
  } catch {
    return false;
  }
}

/** Prefixes each line of a child's output so the two processes stay readable. */
function relay(stream: NodeJS.ReadableStream | null, prefix: string, to: NodeJS.WriteStream): void {
  let pending = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    pending += chunk;
    const lines = pending.split('\n');
    pending = lines.pop() ?? '';
    for (const line of lines) to.write(`${prefix}${line}\n`);
  });
  stream?.on('end', () => {
    if (pending) to.write(`${prefix}${pending}\n`);
  });
}

async function startCentral(): Promise<void> {
  if (await isHealthy(centralUrl)) {
    console.log(`Using the central system already running at ${centralUrl}`);
    return;
  }
  const dataDir = path.join(ROOT, '.outpost-data', 'central');
  mkdirSync(dataDir, { recursive: true });
  const child = spawn('npm', ['run', '--silent', 'central'], {
    cwd: ROOT,
    // Demo mode: the browser fallback at a local http origin must be allowed by CORS.
    env: { ...process.env, PORT: String(centralPort), HOST: '127.0.0.1', OUTPOST_DATA_DIR: dataDir, OUTPOST_DEMO: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
    // Its own process group, so that stopping it also stops tsx's node child.
    detached: !isWindows,
    shell: isWindows,
  });
  children.add(child);
  if (!isWindows) groupLeaders.add(child);
  relay(child.stdout, '[central] ', process.stdout);
  relay(child.stderr, '[central] ', process.stderr);
  child.once('exit', (code, signal) => {
    children.delete(child);
    if (!stopping) {
      console.error(`The central system stopped (${signal ?? `exit code ${code}`}).`);
      void shutdown(1);
    }
  });

  const deadline = Date.now() + 90_000;
  while (!(await isHealthy(centralUrl))) {
    if (child.exitCode !== null || stopping) throw new Error('The central system exited before it answered /health');
    if (Date.now() > deadline) throw new Error(`The central system did not answer ${centralUrl}/health within 90 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

function launchElectron(binary: string): void {
  const args = [ROOT]; // the app folder: package.json "main" is dist/main/main.cjs
  // Chromium refuses to start as root without this (containers, CI); never needed otherwise.
  if (process.getuid?.() === 0) args.push('--no-sandbox');
  const child = spawn(binary, args, {
    cwd: ROOT,
    env: { ...process.env, OUTPOST_CENTRAL_URL: centralUrl, OUTPOST_DEMO: '1' },
    stdio: 'inherit',
  });
  children.add(child);
  child.once('exit', (code) => {
    children.delete(child);
    if (!stopping) void shutdown(code ?? 0);
  });
}

async function serveBrowser(reason: string): Promise<void> {
  const options = { root: path.join(ROOT, 'dist', 'web'), centralUrl, demoMode: true };
  try {
    server = await serveBrowserBuild({ ...options, port: webPort });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw error;
    server = await serveBrowserBuild({ ...options, port: 0 });
  }
  console.log(
    `No Electron runtime is available here (${reason}); the same app is served at ${server.url} — open it in a browser (Ctrl-C stops).`,
  );
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  try {
    if (isWindows) spawn('taskkill', ['/pid', String(child.pid), '/T', '/F']);
    else if (groupLeaders.has(child)) process.kill(-child.pid, 'SIGTERM');
    else child.kill('SIGTERM');
  } catch {
    // Already gone.
  }
  return Promise.race([exited, new Promise<void>((r) => setTimeout(r, 5_000))]);
}

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await Promise.all([server?.close().catch(() => undefined), ...[...children].map(stopChild)]);
  process.exit(code);
}

async function main(): Promise<void> {
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  if (needsBuild()) await run('npm', ['run', 'build']);
  await startCentral();

  const runtime = findElectronRuntime();
  if (runtime.available) launchElectron(runtime.path);
  else await serveBrowser(runtime.reason);
}

main().catch((error: unknown) => {
  console.error(`npm start: ${(error as Error).message}`);
  void shutdown(1);
});
