// ESLint flat config. Besides the usual recommended rules it enforces the process boundaries of
// ARCHITECTURE.md, which are folder boundaries:
//   shared/   imports nothing from Node, Electron, React or the other app folders
//   renderer/ imports no Node builtin, no Electron, nothing from main/ or central/
//   main/     imports nothing from renderer/ or central/
//   central/  imports only shared/ from the app (not renderer/ or main/), and no Electron
// Folder rules are written per folder depth: from a file N folders below the repository root,
// `../` repeated N times reaches the root, so `^(\.\./){N}renderer/` is exactly "the renderer
// folder" and never a same-named folder nearer by.
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import checkFile from 'eslint-plugin-check-file';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const SOURCE_EXTENSIONS = '{ts,tsx,mts,cts,js,jsx,mjs,cjs}';
const MAX_DEPTH = 12;

const nodeBuiltins = builtinModules.filter((name) => !name.startsWith('_'));
const SERVER_PACKAGES = ['fastify', '@fastify/*', 'pg', 'pg-*', '@electric-sql/pglite'];

/** no-restricted-imports entries for bare package names (exact) and their sub-paths. */
function packages(names, message) {
  return {
    paths: names.filter((n) => !n.includes('*')).map((name) => ({ name, message })),
    patterns: [{ group: names.flatMap((n) => (n.includes('*') ? [n] : [`${n}/*`])), message }],
  };
}

const NO_NODE = {
  paths: nodeBuiltins.map((name) => ({ name, message: 'Node builtins are not available on this side of the process boundary.' })),
  patterns: [{ regex: '^node:', message: 'Node builtins are not available on this side of the process boundary.' }],
};
const NO_ELECTRON = packages(
  ['electron'],
  'Only main/ talks to Electron; the renderer reaches the desktop through the bridge (shared/bridge.ts).',
);
const NO_REACT = packages(['react', 'react-dom', '@xstate/react'], 'shared/ is platform-free: UI code belongs in renderer/.');
const NO_SERVER = packages(SERVER_PACKAGES, 'Server packages belong to central/.');
const NO_CENTRAL_PACKAGE = packages(
  ['@outpost/central'],
  'The central system is a separate process: talk to it over HTTP, share types through shared/.',
);

/**
 * One file-naming convention (docs/ARCHITECTURE.md, "File names"): React components are
 * PascalCase `.tsx`; every other module is camelCase, with dotted role suffixes after the
 * name (`quote.machine.ts`, `lead.schema.ts`, `auth.migrations.ts`, `pull.test.ts`,
 * `leadToOrder.e2e.ts`, `vite.config.ts`): only the part before the first dot is checked.
 * Exempt, each with its reason; rename and remove the entry.
 */
const FILE_NAME_EXEMPT = [
  // Vite's entry module (mounts the app), not a component.
  'renderer/main.tsx',
  // Modules that hold JSX but are not components: the navigation provider and its hooks, and
  // the router's route tree. Named for what they are, like the camelCase modules.
  'renderer/app/navigation.tsx',
  'renderer/app/router.tsx',
];
const FILE_NAMES = {
  name: 'outpost/file-names',
  files: [`**/*.${SOURCE_EXTENSIONS}`],
  ignores: FILE_NAME_EXEMPT,
  plugins: { 'check-file': checkFile },
  rules: {
    'check-file/filename-naming-convention': [
      'error',
      { '**/*.{tsx,jsx}': 'PASCAL_CASE', '**/*.{ts,mts,cts,js,mjs,cjs}': 'CAMEL_CASE' },
      { ignoreMiddleExtensions: true },
    ],
    // Tests are `*.test.ts` (Vitest) and end-to-end specs `*.e2e.ts` (Playwright's testMatch).
    'check-file/filename-blocklist': [
      'error',
      { '**/*.spec.{ts,tsx,js}': '*.test.ts (Vitest) or *.e2e.ts (Playwright)', 'test/e2e*/**/*.test.ts': '*.e2e.ts' },
    ],
  },
};

/** Files that run in Node whatever folder they sit in: tests (vitest) and build configs. */
const NODE_TOOLING = [`*.test.${SOURCE_EXTENSIONS}`, `*.config.${SOURCE_EXTENSIONS}`];

/**
 * Config objects per folder depth below `folder`, banning the given top-level folders (reached
 * through relative imports) plus the given package restrictions. Tests and build configs run in
 * Node, so they keep every restriction except the one on Node builtins.
 */
function boundary(folder, bannedFolders, restrictions, why) {
  const folderPattern = (depth) => ({
    regex: `^(\\.\\./){${depth}}(${bannedFolders.join('|')})(/|$)`,
    message: `${folder}/ may not import from ${bannedFolders.map((f) => `${f}/`).join(', ')}: ${why}`,
  });
  const rule = (depth, list) => [
    'error',
    {
      paths: list.flatMap((r) => r.paths),
      patterns: [...list.flatMap((r) => r.patterns), folderPattern(depth)],
    },
  ];
  return Array.from({ length: MAX_DEPTH }, (_, index) => {
    const depth = index + 1;
    const dir = `${folder}/${'*/'.repeat(depth - 1)}`;
    return [
      {
        name: `outpost/boundaries/${folder}/depth-${depth}`,
        files: [`${dir}*.${SOURCE_EXTENSIONS}`],
        rules: { 'no-restricted-imports': rule(depth, restrictions) },
      },
      {
        name: `outpost/boundaries/${folder}/depth-${depth}/node-tooling`,
        files: NODE_TOOLING.map((f) => `${dir}${f}`),
        rules: {
          'no-restricted-imports': rule(
            depth,
            restrictions.filter((r) => r !== NO_NODE),
          ),
        },
      },
    ];
  }).flat();
}

export default defineConfig(
  globalIgnores(['dist/', 'release/', 'node_modules/', 'test-results/', 'playwright-report/', '.outpost-data/', 'coverage/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  FILE_NAMES,
  {
    name: 'outpost/node-scripts',
    files: [`**/*.{js,mjs,cjs}`],
    languageOptions: { globals: globals.node },
  },
  {
    name: 'outpost/rules',
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/ban-ts-comment': [
        'error',
        {
          'ts-expect-error': 'allow-with-description',
          'ts-ignore': 'allow-with-description',
          'ts-nocheck': 'allow-with-description',
          'ts-check': false,
          minimumDescriptionLength: 10,
        },
      ],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' }],
    },
  },
  boundary(
    'shared',
    ['renderer', 'main', 'central'],
    [NO_NODE, NO_ELECTRON, NO_REACT, NO_SERVER, NO_CENTRAL_PACKAGE],
    'shared/ is used by every process and depends on none.',
  ),
  boundary(
    'renderer',
    ['main', 'central'],
    [NO_NODE, NO_ELECTRON, NO_SERVER, NO_CENTRAL_PACKAGE],
    'the renderer is browser code; it reaches the desktop through the bridge and the central system over HTTP.',
  ),
  boundary(
    'main',
    ['renderer', 'central'],
    [NO_CENTRAL_PACKAGE],
    'main/ serves the built renderer and starts the central system as a process; it imports neither.',
  ),
  boundary('central', ['renderer', 'main'], [NO_ELECTRON], 'the central system shares only shared/ with the app.'),
);
