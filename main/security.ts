/**
 * Process-wide hardening from Electron's security checklist: no permissions, no navigation,
 * no new windows, no <webview>. Installed before the first window exists.
 */
import { app, type Session, type WebContents } from 'electron';

export function hardenSession(ses: Session): void {
  ses.setPermissionRequestHandler((contents, permission, callback) => {
    console.warn(`security: denied permission "${permission}" to ${safeUrl(contents)}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

/** Applies to every webContents the app will ever create. */
export function hardenAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => hardenWebContents(contents));
}

export function hardenWebContents(contents: WebContents): void {
  // The UI is a single-page app: it never needs a full navigation, so none is allowed. Its screens
  // live in the URL's hash (#/quotes/<id>): moving between them, Back/Forward included, is an
  // in-page navigation, which does not emit will-navigate and so is not blocked here.
  contents.on('will-navigate', (event, url) => {
    console.warn(`security: blocked navigation to ${url.slice(0, 200)}`);
    event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    console.warn(`security: blocked redirect to ${url.slice(0, 200)}`);
    event.preventDefault();
  });
  // Links leave the app only through the bridge (links.openExternal, allow-listed, https).
  contents.setWindowOpenHandler(({ url }) => {
    console.warn(`security: blocked window.open of ${url.slice(0, 200)}`);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    console.warn('security: blocked a <webview>');
    event.preventDefault();
  });
}

function safeUrl(contents: WebContents | null): string {
  try {
    return contents?.getURL().slice(0, 200) || 'unknown';
  } catch {
    return 'unknown';
  }
}
