/** What both benchmark modes share: signing the reps in and running a scenario in a worker. */
import { Worker } from 'node:worker_threads';
import { DESKTOP_CLIENT_ID, type TokenResponse } from '../../shared/sync/protocol';
import type { BenchRep } from './benchSeed';
import type { LoadResult } from './loadWorker';
import type { LoadJob, SignedInRep } from './scenarios';

export async function token(url: string, form: Record<string, string>): Promise<string> {
  const response = await fetch(`${url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form).toString(),
  });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${await response.text()}`);
  return ((await response.json()) as TokenResponse).access_token;
}

/** Every bench rep signs in over HTTP (scrypt: a few at a time). */
export async function signInAll(url: string, reps: readonly BenchRep[]): Promise<SignedInRep[]> {
  const signedIn: SignedInRep[] = [];
  for (let start = 0; start < reps.length; start += 8) {
    const batch = reps.slice(start, start + 8);
    const tokens = await Promise.all(
      batch.map((rep) => token(url, { grant_type: 'password', username: rep.username, password: 'demo', client_id: DESKTOP_CLIENT_ID })),
    );
    batch.forEach((rep, index) => signedIn.push({ id: rep.id, accountId: rep.accountId, token: tokens[index] ?? '' }));
  }
  return signedIn;
}

/** The worker is TypeScript: loaded through tsx's API, resolved from this process. */
export function runInWorker(job: LoadJob): Promise<LoadResult> {
  const file = new URL('./loadWorker.ts', import.meta.url).href;
  const tsx = import.meta.resolve('tsx/esm/api');
  const bootstrap = `import(${JSON.stringify(tsx)}).then(({ tsImport }) => tsImport(${JSON.stringify(file)}, ${JSON.stringify(import.meta.url)}))`;
  return new Promise((resolve, reject) => {
    const worker = new Worker(bootstrap, { eval: true, workerData: job });
    worker.once('message', (message: { result?: LoadResult; error?: string }) => {
      void worker.terminate();
      if (message.result) resolve(message.result);
      else reject(new Error(message.error ?? 'the load worker failed'));
    });
    worker.once('error', reject);
  });
}
