import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createPdfSaver, type SaveDialog } from './documents';

const PDF = new TextEncoder().encode('%PDF-1.3\n%%EOF\n');
let folder = '';
afterEach(() => (folder ? rm(folder, { recursive: true, force: true }) : undefined));

async function saver(answer: (defaultPath: string) => { canceled: boolean; filePath?: string }) {
  folder = await mkdtemp(path.join(tmpdir(), 'outpost-docs-'));
  const asked: Parameters<SaveDialog>[0][] = [];
  const save = createPdfSaver({
    showSaveDialog: async (options) => {
      asked.push(options);
      return answer(options.defaultPath);
    },
    writeFile: async (file, bytes) => {
      const { writeFile } = await import('node:fs/promises');
      await writeFile(file, bytes);
    },
    defaultFolder: () => folder,
  });
  return { save, asked };
}

describe('saving a PDF through the save dialog', () => {
  it('suggests the name in the Documents folder and writes the bytes where the rep chose, as .pdf', async () => {
    const { save, asked } = await saver(() => ({ canceled: false, filePath: path.join(folder, 'for-dana') }));
    expect(await save('Quote-Acme-v2.pdf', PDF)).toEqual({ saved: true, name: 'for-dana.pdf' });
    expect(asked[0]).toMatchObject({ defaultPath: path.join(folder, 'Quote-Acme-v2.pdf'), filters: [{ extensions: ['pdf'] }] });
    expect(await readFile(path.join(folder, 'for-dana.pdf'))).toEqual(Buffer.from(PDF));
  });

  it('writes nothing when the rep closes the dialog, and says why when the disk refuses', async () => {
    const closed = await saver(() => ({ canceled: true }));
    expect(await closed.save('Quote-Acme-v2.pdf', PDF)).toEqual({
      saved: false,
      cancelled: true,
      reason: 'Not saved: the save dialog was closed',
    });
    const refused = await saver(() => ({ canceled: false, filePath: path.join(folder, 'missing', 'q.pdf') }));
    const answer = await refused.save('q.pdf', PDF);
    expect(answer).toMatchObject({ saved: false, cancelled: false });
    expect(answer.saved ? '' : answer.reason).toContain('q.pdf could not be written');
  });
});
