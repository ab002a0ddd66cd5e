import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { OutpostContext, type OutpostServices } from './OutpostContext';
import { appHistory, createAppRouter } from './router';
import { HOME, routePath } from './routes';

const ADDRESS_OWNER = 'outpost.addressOwner';

/**
 * The URL a previous rep's session left names that rep's records: the next rep to sign in in this
 * window starts at home instead of on "not found". A deep link opened before signing in is kept.
 */
function startAddressFor(userId: string): void {
  const owner = sessionStorage.getItem(ADDRESS_OWNER);
  if (owner !== null && owner !== userId) appHistory().replace(routePath(HOME));
  sessionStorage.setItem(ADDRESS_OWNER, userId);
}

/**
 * The signed-in app. Its router starts from the URL, so after a reload, or once the session is
 * unlocked, the screen the URL names comes back.
 */
export function Workspace({ services }: { services: OutpostServices }) {
  const [router] = useState(() => {
    startAddressFor(services.user.id);
    return createAppRouter();
  });
  return (
    <OutpostContext.Provider value={services}>
      <RouterProvider router={router} />
    </OutpostContext.Provider>
  );
}
