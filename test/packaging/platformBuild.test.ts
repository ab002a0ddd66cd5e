/**
 * The platform is chosen at build time (renderer/vite.config.ts): builds both renderer targets
 * the way `npm run build:renderer` does, without writing them, and shows each bundle holds
 * only its own platform implementation, by the modules that went into it and by its code.
 */
import path from 'node:path';
import { build, type Rolldown } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const PLATFORM = path.join(ROOT, 'renderer', 'platform');
const BROWSER_ONLY = ['index.browser.ts', 'browser.ts', 'browserSecrets.ts'].map((file) => path.join(PLATFORM, file));
const ELECTRON_ONLY = [path.join(PLATFORM, 'index.electron.ts')];
/** Strings only one implementation contains: the browser build's config and secrets store, the Electron build's missing-preload message. */
const BROWSER_MARKERS = ['/outpost-config.json', 'outpost-secrets'];
const ELECTRON_MARKERS = ['desktop bridge missing'];

interface Bundle {
  modules: string[];
  code: string;
}

async function bundle(mode: 'electron' | 'browser'): Promise<Bundle> {
  const result = await build({
    configFile: path.join(ROOT, 'renderer', 'vite.config.ts'),
    mode,
    logLevel: 'silent',
    build: { write: false },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  const chunks = outputs.flatMap((output) => output.output).filter((item): item is Rolldown.OutputChunk => item.type === 'chunk');
  return {
    modules: chunks.flatMap((chunk) => chunk.moduleIds).map((id) => path.normalize(id.split('?')[0] ?? id)),
    code: chunks.map((chunk) => chunk.code).join('\n'),
  };
}

describe('renderer builds per platform', () => {
  let electron: Bundle;
  let browser: Bundle;
  beforeAll(async () => {
    // One after the other: two builds at once starve a 2-core machine.
    electron = await bundle('electron');
    browser = await bundle('browser');
  }, 10 * 60_000);

  it('gives the Electron build the preload bridge only', () => {
    expect(ELECTRON_ONLY.every((file) => electron.modules.includes(file))).toBe(true);
    expect(electron.modules.filter((file) => BROWSER_ONLY.includes(file))).toEqual([]);
    for (const marker of ELECTRON_MARKERS) expect(electron.code).toContain(marker);
    for (const marker of BROWSER_MARKERS) expect(electron.code).not.toContain(marker);
  });

  it('gives the browser build the web implementation only', () => {
    expect(BROWSER_ONLY.every((file) => browser.modules.includes(file))).toBe(true);
    expect(browser.modules.filter((file) => ELECTRON_ONLY.includes(file))).toEqual([]);
    for (const marker of BROWSER_MARKERS) expect(browser.code).toContain(marker);
    for (const marker of ELECTRON_MARKERS) expect(browser.code).not.toContain(marker);
  });

  it('never bundles the contract module itself (it exports no value)', () => {
    const contract = path.join(PLATFORM, 'index.ts');
    expect(electron.modules).not.toContain(contract);
    expect(browser.modules).not.toContain(contract);
  });
});
