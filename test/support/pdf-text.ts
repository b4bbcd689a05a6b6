// Reads a PDF's pages and the text on them, with positions, through PDF.js (Mozilla's reader).
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

export interface TextRun {
  text: string;
  /** From the page's left edge and top edge, in points. */
  x: number;
  top: number;
  width: number;
  size: number;
}

export interface PdfPage {
  width: number;
  height: number;
  runs: TextRun[];
  /** The page's text, runs on one baseline joined, lines separated by newlines. */
  text: string;
}

export async function readPdf(bytes: Uint8Array): Promise<PdfPage[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: PdfPage[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const page = await pdf.getPage(n);
    const { width, height } = page.getViewport({ scale: 1 });
    const content = await page.getTextContent();
    const runs = content.items.flatMap((i) => ('str' in i && i.str.trim() ? [{
      text: i.str, x: i.transform[4] as number, top: height - (i.transform[5] as number), width: i.width, size: Math.hypot(i.transform[2], i.transform[3]),
    }] : []));
    const lines = new Map<number, TextRun[]>();
    for (const r of runs) {
      const key = Math.round(r.top);
      lines.set(key, [...(lines.get(key) ?? []), r]);
    }
    const text = [...lines.entries()].sort(([a], [b]) => a - b)
      .map(([, rs]) => rs.sort((a, b) => a.x - b.x).map((r) => r.text).join('')).join('\n');
    pages.push({ width, height, runs, text });
  }
  await pdf.destroy();
  return pages;
}
