/**
 * Dependency rules that `npm run lint` enforces (dependency-cruiser). The central system is
 * split into bounded contexts, each a folder with one door; see docs/ARCHITECTURE.md.
 * central/src/dependencyRules.test.ts proves each rule fails on a probe.
 */
const CONTEXTS = '(ordering|sales|catalog|inventory)';

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-cycle',
      severity: 'error',
      comment: 'No import cycle anywhere: a cycle is a module boundary that is not one (type-only imports count too).',
      from: {},
      to: { circular: true },
    },
    {
      name: 'context-door',
      severity: 'error',
      comment: 'Code outside a central context imports it only through its door, central/src/<context>/index.ts.',
      from: { pathNot: `^central/src/${CONTEXTS}/` },
      to: { path: `^central/src/${CONTEXTS}/`, pathNot: `^central/src/${CONTEXTS}/index\\.ts$` },
    },
    {
      name: 'context-door',
      severity: 'error',
      comment: 'One context imports another only through its door, central/src/<context>/index.ts.',
      from: { path: `^central/src/${CONTEXTS}/` },
      to: { path: `^central/src/${CONTEXTS}/`, pathNot: [`^central/src/$1/`, `^central/src/${CONTEXTS}/index\\.ts$`] },
    },
    {
      name: 'platform-below-contexts',
      severity: 'error',
      comment:
        'central/src/platform depends on no business context and not on the composition root (server.ts wires the contexts in); tests may start a whole server.',
      from: { path: '^central/src/platform/', pathNot: '\\.test\\.ts$' },
      to: { path: [`^central/src/${CONTEXTS}/`, '^central/src/(seed|test|conformance)/', '^central/src/(server|main|migrations)\\.ts$'] },
    },
    {
      name: 'context-door-self',
      severity: 'error',
      comment: "A context's own files do not import its door (the door re-exports them: a cycle in waiting).",
      from: { path: `^central/src/${CONTEXTS}/`, pathNot: `^central/src/${CONTEXTS}/index\\.ts$` },
      to: { path: `^central/src/$1/index\\.ts$` },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '(^|/)(node_modules|dist|dist-electron|release|\\.outpost-data)/' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.base.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.tsx', '.mts', '.js', '.mjs', '.cjs', '.json'] },
    cache: false,
  },
};
