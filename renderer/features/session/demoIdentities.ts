/** The demo company's identities, shown on the sign-in screen in demo mode only. */
export const DEMO_IDENTITIES = [
  { username: 'alex', role: 'Sales rep' },
  { username: 'sam', role: 'Sales rep' },
  { username: 'morgan', role: 'Sales manager' },
  { username: 'admin', role: 'Administrator' },
] as const;
export const DEMO_PASSWORD = 'demo';
