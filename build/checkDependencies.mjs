// The dependency rules of .dependency-cruiser.cjs over the whole repository (npm run lint):
// no import cycle anywhere, central contexts entered only through their door. Runs
// dependency-cruiser through its API: its CLI refuses Node 20, which this workplace runs.
// Usage: node build/checkDependencies.mjs [root]   (root: a copy of the repository; default .)
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { cruise, format } from 'dependency-cruiser';

const require = createRequire(import.meta.url);
const config = require('../.dependency-cruiser.cjs');
const FOLDERS = ['shared', 'renderer', 'main', 'central', 'test', 'build'];

const root = resolve(process.argv[2] ?? '.');
process.chdir(root);
const folders = FOLDERS.filter((folder) => existsSync(folder));
const options = { ...config.options, validate: true, ruleSet: { forbidden: config.forbidden } };
if (!existsSync(options.tsConfig.fileName)) delete options.tsConfig;
const result = await cruise(folders, options);
const report = await format(result.output, { outputType: 'err' });
process.stdout.write(report.output);
process.exitCode = report.exitCode === 0 ? 0 : 1;
