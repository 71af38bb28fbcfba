// Desktop "Save as PDF" for the Report screen: ask where, then print the window (which shows
// the report; the print stylesheet hides everything else) with Chromium's PDF printer.
import fs from 'node:fs/promises';
import path from 'node:path';
import { app, dialog, type BrowserWindow } from 'electron';
import type { DesktopCapabilities } from '../service';

/** Page numbers at the foot of every page ("2 / 2"); Chromium fills the two spans. */
const FOOTER =
  '<div style="font-size:8px;font-family:Helvetica,Arial,sans-serif;width:100%;text-align:center;color:#444">' +
  '<span class="pageNumber"></span> / <span class="totalPages"></span></div>';

export function desktopCapabilities(getWindow: () => BrowserWindow | undefined): DesktopCapabilities {
  return {
    async savePdf({ fileName, paper }) {
      const window = getWindow();
      if (!window) throw new Error('There is no Backstride window to print.');
      const choice = await dialog.showSaveDialog(window, {
        title: 'Save the report as PDF',
        defaultPath: path.join(app.getPath('documents'), fileName),
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (choice.canceled || !choice.filePath) return null;
      const pdf = await window.webContents.printToPDF({
        pageSize: paper,
        printBackground: true,
        // Inches; the report's own @page margins are kept at the sides.
        margins: { top: 0.4, bottom: 0.55, left: 0.4, right: 0.4 },
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: FOOTER,
      });
      await fs.writeFile(choice.filePath, pdf);
      return choice.filePath;
    },
  };
}
