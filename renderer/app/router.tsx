import {
  createHashHistory,
  createRootRoute,
  createRoute,
  createRouter,
  redirect,
  useParams,
  type AnyRoute,
  type RouterHistory,
} from '@tanstack/react-router';
import type { ReactNode } from 'react';
import { NotFound } from '../features/common/NotFound';
import { SCREENS } from './Pages';
import { decodeId, HOME, PATHS, routePath, type Page } from './routes';
import { Shell } from './Shell';

let windowHistory: RouterHistory | undefined;

/**
 * The window's history, kept in the URL's hash: `app://outpost/#/quotes/<id>` in Electron (the
 * protocol serves one file, so a path-based URL would not survive a reload) and the same in the
 * browser build. One per window, shared by every session the window opens, so signing in again
 * or unlocking does not add a second popstate listener.
 */
export function appHistory(): RouterHistory {
  windowHistory ??= createHashHistory();
  return windowHistory;
}

function recordRoute(Screen: (props: { id: string }) => ReactNode): () => ReactNode {
  return function RecordRoute() {
    const { id } = useParams({ strict: false });
    // Keyed by id so nothing typed on one record leaks into the next.
    return id ? <Screen key={id} id={decodeId(id)} /> : null;
  };
}

function PageNotFound() {
  return <NotFound what="Page" />;
}

/** The route tree: one route per screen (PATHS), `/` goes to the leads, anything else is "Page not found". */
export function createAppRouter(history: RouterHistory = appHistory()) {
  const root = createRootRoute({ component: Shell, notFoundComponent: PageNotFound });
  const home = createRoute({
    getParentRoute: () => root,
    path: '/',
    beforeLoad: () => {
      throw redirect({ to: routePath(HOME), replace: true });
    },
  });
  const screens: AnyRoute[] = (Object.keys(PATHS) as Page[]).map((page) => {
    const screen = SCREENS[page];
    return createRoute({
      getParentRoute: () => root,
      path: PATHS[page],
      component: 'record' in screen ? recordRoute(screen.record) : screen.screen,
    });
  });
  return createRouter({ routeTree: root.addChildren([home, ...screens]), history });
}

export type AppRouter = ReturnType<typeof createAppRouter>;
