/** `npm run lint` enforces the file-naming convention (eslint.config.js, outpost/file-names): probe names it must refuse and accept. */
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

async function namingErrors(file: string): Promise<string[]> {
  const [result] = await eslint.lintText('export {};\n', { filePath: path.join(ROOT, file) });
  return (result?.messages ?? []).filter((message) => message.ruleId?.startsWith('check-file/')).map((message) => message.message);
}

describe('file names', () => {
  it.each([
    ['renderer/features/leads/lead-list.ts', /does not match the "CAMEL_CASE" pattern/],
    ['renderer/features/leads/LeadList.ts', /does not match the "CAMEL_CASE" pattern/],
    ['renderer/features/leads/leadList.tsx', /does not match the "PASCAL_CASE" pattern/],
    ['main/ipc_handlers.ts', /does not match the "CAMEL_CASE" pattern/],
    ['central/src/sales/sales-lead.schema.ts', /does not match the "CAMEL_CASE" pattern/],
    ['shared/machines/quote.spec.ts', /use a pattern like "\*\.test\.ts \(Vitest\) or \*\.e2e\.ts/],
    ['test/e2e/journey.test.ts', /use a pattern like "\*\.e2e\.ts"/],
  ])('refuses %s', async (file, message) => {
    const errors = await namingErrors(file);
    expect(errors.join('\n')).toMatch(message);
  });

  it.each([
    'renderer/features/leads/LeadList.tsx',
    'shared/machines/quote.machine.ts',
    'shared/schemas/lead.schema.ts',
    'central/src/auth/auth.migrations.ts',
    'central/src/conformance/routes.conformance.test.ts',
    'test/e2e/leadToOrder.e2e.ts',
    'renderer/platform/index.electron.ts',
    'renderer/vite.config.ts',
    'build/makeIcons.mjs',
  ])('accepts %s', async (file) => {
    expect(await namingErrors(file)).toEqual([]);
  });
});
