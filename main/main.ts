/**
 * Electron main process. Bundled by build.mjs to dist/main/main.cjs, next to preload.cjs; the
 * renderer is served from dist/renderer through `app://outpost/`.
 *
 * Environment: OUTPOST_CENTRAL_URL, OUTPOST_DEMO (see config.ts) and OUTPOST_USER_DATA_DIR
 * (a separate profile, for tests and side-by-side runs).
 */
import { existsSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, net, session, shell, type BrowserWindow } from 'electron';
import type { AppInfo } from '../shared/bridge';
import { contentSecurityPolicy } from '../shared/security/csp';
import { resolveConfig, type DesktopConfig } from './config';
import { createPdfSaver } from './documents';
import { registerIpcHandlers } from './ipc';
import { installAppMenu } from './menu';
import { handleAppProtocol, registerAppSchemePrivileges } from './protocol';
import { SecretStore } from './secretStore';
import { safeStorageCipher } from './secrets';
import { hardenAllWebContents, hardenSession } from './security';
import { APP_START_URL } from './validate';
import { createUpdates, unavailableUpdates, type Updates } from './updater';
import { createMainWindow } from './window';

const userDataOverride = process.env.OUTPOST_USER_DATA_DIR;
if (userDataOverride) app.setPath('userData', path.resolve(userDataOverride));

// Sandbox every renderer, whatever a BrowserWindow asks for.
app.enableSandbox();
registerAppSchemePrivileges();
hardenAllWebContents();

let mainWindow: BrowserWindow | null = null;

if (!app.requestSingleInstanceLock()) {
  // Another Outpost is running: it gets a 'second-instance' event and comes to the front.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.whenReady().then(start, (error: unknown) => {
    console.error('outpost: failed to start', error);
    app.exit(1);
  });
}

function loadConfig(): DesktopConfig {
  const file = path.join(app.getPath('userData'), 'config.json');
  let fileText: string | null = null;
  if (existsSync(file)) {
    try {
      fileText = readFileSync(file, 'utf8');
    } catch (error) {
      console.warn(`config: cannot read ${file}: ${(error as Error).message}`);
    }
  }
  const { config, warnings } = resolveConfig({ env: process.env, fileText });
  for (const warning of warnings) console.warn(`config: ${warning}`);
  return config;
}

/** First check this long after start, so it does not compete with the window and the first sync. */
const FIRST_UPDATE_CHECK_MS = 15_000;

/** electron-updater is loaded only in a packaged app: it reads app-update.yml, which only the installer writes. */
async function startUpdates(centralUrl: string, secrets: SecretStore): Promise<Updates> {
  try {
    const { autoUpdater } = await import('electron-updater');
    const updates = createUpdates(autoUpdater, { centralUrl, deviceId: () => secrets.get('device') });
    setTimeout(() => void updates.check(), FIRST_UPDATE_CHECK_MS);
    return updates;
  } catch (error) {
    console.warn(`updates: the updater did not start: ${(error as Error).message}`);
    return unavailableUpdates(`The updater did not start: ${(error as Error).message}`);
  }
}

function start(): void {
  const config = loadConfig();
  const rendererRoot = path.join(__dirname, '..', 'renderer');
  const preload = path.join(__dirname, 'preload.cjs');

  hardenSession(session.defaultSession);
  handleAppProtocol({ root: rendererRoot, csp: contentSecurityPolicy(config.centralUrl) });

  const secrets = new SecretStore({
    file: path.join(app.getPath('userData'), 'secrets.json'),
    cipher: safeStorageCipher(),
  });
  const appInfo: AppInfo = {
    name: app.getName(),
    version: app.getVersion(),
    shell: 'electron',
    centralUrl: config.centralUrl,
    demoMode: config.demoMode,
    idleLockMinutes: config.idleLockMinutes,
  };
  let updates: Updates = unavailableUpdates('This is a development build: only the installed app updates itself.');
  if (app.isPackaged) void startUpdates(config.centralUrl, secrets).then((started) => (updates = started));
  registerIpcHandlers({
    getWindow: () => mainWindow,
    updates: { getState: () => updates.getState(), check: () => updates.check(), install: () => updates.install() },
    appInfo: () => appInfo,
    secrets,
    isOnline: () => net.isOnline(),
    allowedExternalHosts: config.allowedExternalHosts,
    openExternal: (url) => shell.openExternal(url),
    savePdf: createPdfSaver({
      // Modal to our window, so the rep sees which app asks.
      showSaveDialog: (options) => (mainWindow ? dialog.showSaveDialog(mainWindow, options) : dialog.showSaveDialog(options)),
      writeFile: (file, bytes) => writeFile(file, bytes),
      defaultFolder: () => app.getPath('documents'),
    }),
  });

  installAppMenu();
  const open = (): void => {
    mainWindow = createMainWindow({ preload, startUrl: APP_START_URL });
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  };
  open();
  app.on('activate', () => {
    if (mainWindow === null) open();
  });
  console.log(`outpost: ${appInfo.name} ${appInfo.version}, central system ${config.centralUrl}${config.demoMode ? ', demo mode' : ''}`);
}
