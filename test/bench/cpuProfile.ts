/**
 * `BENCH_PROFILE=dir`: a Chromium CPU profile of a measured span (Playwright's CDP session),
 * written as a .cpuprofile DevTools opens, plus the top functions by self time on stderr.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CDPSession, Page } from '@playwright/test';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples?: number[];
  timeDeltas?: number[];
}

export interface Profiler {
  stop(name: string): Promise<void>;
}

/** Starts profiling `page` if BENCH_PROFILE names a folder; `stop` writes it and prints the top. */
export async function startProfile(page: Page): Promise<Profiler | null> {
  const dir = process.env.BENCH_PROFILE;
  if (!dir) return null;
  const cdp: CDPSession = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  // 1 ms sampling: fine enough for 100 ms tasks, light enough not to distort them much.
  await cdp.send('Profiler.setSamplingInterval', { interval: 1000 });
  await cdp.send('Profiler.start');
  const workers = await profileWorkers(cdp);
  return {
    async stop(name) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: Profile };
      const workerProfiles = await workers.stop();
      await cdp.detach();
      const file = join(dir, `${name}.cpuprofile`);
      await writeFile(file, JSON.stringify(profile));
      console.error(`[profile] ${file}\n${topSelfTime(profile, 25)}`);
      for (const [i, worker] of workerProfiles.entries()) {
        const workerFile = join(dir, `${name}-worker${i}.cpuprofile`);
        await writeFile(workerFile, JSON.stringify(worker.profile));
        console.error(`[profile] ${workerFile} (${worker.url})\n${topSelfTime(worker.profile, 25)}`);
      }
    },
  };
}

/**
 * The page's dedicated workers (the storage worker) profiled too: Playwright has no CDP session
 * for a worker, so the page session auto-attaches to them and talks through sendMessageToTarget.
 */
async function profileWorkers(cdp: CDPSession): Promise<{ stop(): Promise<{ url: string; profile: Profile }[]> }> {
  const sessions = new Map<string, string>();
  const replies = new Map<number, (result: unknown) => void>();
  let nextId = 1;
  const send = (sessionId: string, method: string, params: object = {}) =>
    new Promise<unknown>((resolve) => {
      const id = nextId++;
      replies.set(id, resolve);
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    });
  cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) replies.get(message.id)?.(message.result);
  });
  const started: Promise<unknown>[] = [];
  cdp.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (event.targetInfo.type !== 'worker') return;
    sessions.set(event.sessionId, event.targetInfo.url);
    started.push(
      send(event.sessionId, 'Profiler.enable')
        .then(() => send(event.sessionId, 'Profiler.setSamplingInterval', { interval: 1000 }))
        .then(() => send(event.sessionId, 'Profiler.start')),
    );
  });
  await cdp.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await Promise.all(started);
  return {
    async stop() {
      const profiles: { url: string; profile: Profile }[] = [];
      for (const [sessionId, url] of sessions) {
        const result = (await send(sessionId, 'Profiler.stop')) as { profile: Profile } | undefined;
        if (result) profiles.push({ url, profile: result.profile });
      }
      return profiles;
    },
  };
}

/** Self time per function (name + script + line), largest first, as text lines. */
export function topSelfTime(profile: Profile, count: number): string {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let total = 0;
  for (let i = 0; i < samples.length; i++) {
    const node = byId.get(samples[i]!);
    const ms = (deltas[i + 1] ?? deltas[i] ?? 0) / 1000;
    if (!node) continue;
    const frame = node.callFrame;
    const script = frame.url.split('/').pop() || '(native)';
    const key = `${frame.functionName || '(anonymous)'} ${script}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + ms);
    total += ms;
  }
  return [...self.entries()]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([key, ms]) => `${ms.toFixed(0).padStart(7)} ms ${((100 * ms) / total).toFixed(1).padStart(5)}%  ${key}`)
    .join('\n');
}
