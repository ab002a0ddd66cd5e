import { RouterProvider } from '@tanstack/react-router';
import { useState } from 'react';
import { OutpostContext, type OutpostServices } from './OutpostContext';
import { createAppRouter } from './router';

/**
 * The signed-in app. Its router starts from the URL, so after a reload, or once the session is
 * unlocked, the screen the URL names comes back.
 */
export function Workspace({ services }: { services: OutpostServices }) {
  const [router] = useState(() => createAppRouter());
  return (
    <OutpostContext.Provider value={services}>
      <RouterProvider router={router} />
    </OutpostContext.Provider>
  );
}
