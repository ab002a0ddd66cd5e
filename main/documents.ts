/**
 * Saving a PDF the renderer made (a quote for the customer): main shows the save dialog, the rep
 * chooses where, and only then is the file written, with .pdf at the end whatever was typed. The
 * renderer names the suggested file name only (checked in validate.ts), never a folder or a path,
 * and learns back only the name it was saved under. No Electron import: main.ts hands in
 * `dialog.showSaveDialog` and the tests a stand-in.
 */
import path from 'node:path';
import type { SaveAnswer } from '../shared/bridge';

export interface SaveDialog {
  (options: { title: string; defaultPath: string; filters: { name: string; extensions: string[] }[] }): Promise<{
    canceled: boolean;
    filePath?: string;
  }>;
}

export interface PdfSaverDeps {
  showSaveDialog: SaveDialog;
  writeFile(file: string, bytes: Uint8Array): Promise<void>;
  /** Where the dialog opens (the user's Documents folder). */
  defaultFolder(): string;
  log?(message: string): void;
}

export function createPdfSaver(deps: PdfSaverDeps): (fileName: string, bytes: Uint8Array) => Promise<SaveAnswer> {
  return async (fileName, bytes) => {
    const chosen = await deps.showSaveDialog({
      title: 'Save the quote PDF',
      defaultPath: path.join(deps.defaultFolder(), fileName),
      filters: [{ name: 'PDF document', extensions: ['pdf'] }],
    });
    if (chosen.canceled || !chosen.filePath) return { saved: false, cancelled: true, reason: 'Not saved: the save dialog was closed' };
    const file = chosen.filePath.toLowerCase().endsWith('.pdf') ? chosen.filePath : `${chosen.filePath}.pdf`;
    try {
      await deps.writeFile(file, bytes);
    } catch (error) {
      deps.log?.(`documents: could not write ${file}: ${(error as Error).message}`);
      return {
        saved: false,
        cancelled: false,
        reason: `Not saved: ${path.basename(file)} could not be written (${(error as Error).message})`,
      };
    }
    return { saved: true, name: path.basename(file) };
  };
}
