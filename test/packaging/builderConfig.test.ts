/**
 * electron-builder.yml checked by electron-builder's own validation (the JSON schema it applies
 * before any build), so the NSIS and DMG settings are right although neither installer can be
 * built on this Linux machine. Fast: no build.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { load } from 'js-yaml';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');

async function config(): Promise<Configuration> {
  return load(await readFile(path.join(ROOT, 'electron-builder.yml'), 'utf8')) as Configuration;
}

describe('electron-builder.yml', () => {
  it('passes electron-builder’s validation, NSIS and DMG included', async () => {
    const valid = await config();
    await expect(validateConfiguration(valid, new DebugLogger(false))).resolves.toBeUndefined();
    expect(valid.win?.target).toEqual([{ target: 'nsis', arch: ['x64'] }]);
    expect(valid.nsis).toMatchObject({ oneClick: false, perMachine: false, allowToChangeInstallationDirectory: true });
    expect(valid.mac?.target).toEqual([
      { target: 'dmg', arch: ['x64', 'arm64'] },
      { target: 'zip', arch: ['x64', 'arm64'] },
    ]);
    expect(valid.dmg?.artifactName).toBe('${productName}-${version}-${arch}.${ext}');
    expect(valid.publish).toMatchObject({ provider: 'generic' });
  });

  it('is refused when an NSIS or DMG setting is misspelt (the validation really runs)', async () => {
    const nsisTypo = await config();
    (nsisTypo.nsis as Record<string, unknown>)['oneClik'] = false;
    await expect(validateConfiguration(nsisTypo, new DebugLogger(false))).rejects.toThrow(/configuration\.nsis should be/);
    const dmgTypo = await config();
    (dmgTypo.dmg as Record<string, unknown>)['windw'] = { width: 10 };
    await expect(validateConfiguration(dmgTypo, new DebugLogger(false))).rejects.toThrow(/configuration\.dmg should be/);
  });
});
