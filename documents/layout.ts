// The official-document layout of GB/T 9704-2012, as DESIGN.md §7 asks of every written notice:
// A4, 天头 37 mm and 订口 28 mm around a 156 × 225 mm type area of 22 lines of 28 characters;
// the issuer's mark in red, the document number (发文字号) under it and a red rule; the title in
// 二号 小标宋 two lines below the rule; the addressee flush left; the body in 三号 仿宋 with
// two-character indents; the issuer's signature and date (成文日期) right of centre, the date four
// characters from the right edge, with the seal's place pressing on both; page numbers in the
// bottom margin, odd pages right and even pages left.
import PDFDocument from 'pdfkit';
import { fontBytes } from './fonts';

const MM = 72 / 25.4;
const PAGE = { top: 37 * MM, left: 28 * MM, width: 156 * MM, height: 225 * MM };
const BODY_PT = 16; // 三号
const TITLE_PT = 22; // 二号
const MARK_PT = 30; // 发文机关标志: the issuer's choice, red, within 22 mm × 15 mm per character
const PAGE_NO_PT = 14; // 四号
/** 22 lines of 28 characters fill the type area. */
const LINE = PAGE.height / 22;
const CHAR = PAGE.width / 28;
const RED = '#d40000';
const SEAL_RADIUS = 21 * MM;

export interface OfficialDocument {
  /** 发文机关: the issuing authority's full name. */
  issuer: string;
  /** 发文字号, e.g. 示民信〔2026〕12号. */
  docNo: string;
  title: string;
  /** 主送: whom the document is addressed to, without the colon. */
  addressee: string;
  /** 正文, one string per paragraph. */
  paragraphs: string[];
  /** 成文日期, YYYY-MM-DD in China Standard Time. */
  date: string;
  /** 附注, printed in parentheses under the date. */
  note?: string;
}

/** 成文日期 as GB/T 9704 writes it: Arabic numerals, no leading zeros (2026年10月9日). */
export function chineseDate(isoDate: string): string {
  const [y, m, d] = isoDate.split('-');
  return `${y}年${Number(m)}月${Number(d)}日`;
}

const bodyText = { characterSpacing: CHAR - BODY_PT };

function header(doc: PDFKit.PDFDocument, d: OfficialDocument): void {
  const { left, top, width } = PAGE;
  doc.font('title').fontSize(MARK_PT).fillColor(RED).text(d.issuer, left, top, { width, align: 'center', characterSpacing: 4 });
  // 发文字号: two blank lines under the mark, centred; the red rule 4 mm under it, as wide as the type area.
  doc.font('body').fontSize(BODY_PT).fillColor('black').text(d.docNo, left, doc.y + 2 * LINE, { width, align: 'center' });
  const rule = doc.y + 4 * MM;
  doc.moveTo(left, rule).lineTo(left + width, rule).lineWidth(1).strokeColor(RED).stroke();
  // The title two lines under the rule; the addressee one line under the title.
  doc.font('title').fontSize(TITLE_PT).text(d.title, left, rule + 2 * LINE - TITLE_PT, { width, align: 'center', lineGap: LINE - TITLE_PT });
  doc.font('body').fontSize(BODY_PT).text(`${d.addressee}：`, left, doc.y + LINE, { width, ...bodyText });
}

function body(doc: PDFKit.PDFDocument, d: OfficialDocument): void {
  const lineGap = LINE - doc.currentLineHeight();
  for (const p of d.paragraphs) doc.text(p, PAGE.left, doc.y, { width: PAGE.width, indent: 2 * CHAR, lineGap, ...bodyText });
}

/**
 * 发文机关署名 and 成文日期: the date four characters from the right edge and the signature centred
 * over it (a signature longer than the date sits two characters from the edge and the date is centred
 * under it); the seal's place, a circle, presses on both with its top within a line of the body.
 */
function signature(doc: PDFKit.PDFDocument, d: OfficialDocument): void {
  const right = PAGE.left + PAGE.width;
  const bottom = PAGE.top + PAGE.height;
  let y = doc.y;
  if (y + 5 * LINE > bottom) {
    doc.addPage();
    y = PAGE.top;
  }
  const date = chineseDate(d.date);
  doc.font('body').fontSize(BODY_PT);
  const dateWidth = doc.widthOfString(date);
  const sigWidth = doc.widthOfString(d.issuer);
  const centre = sigWidth > dateWidth ? right - 2 * CHAR - sigWidth / 2 : right - 4 * CHAR - dateWidth / 2;
  const sigTop = y + 2 * LINE;
  const sealY = sigTop + 0.3 * LINE;
  doc.circle(centre, sealY, SEAL_RADIUS).lineWidth(0.8).dash(3, { space: 3 }).strokeColor(RED).stroke().undash();
  doc.fontSize(9).fillColor(RED).text('（印章）', centre - 20, sealY - SEAL_RADIUS + 8, { width: 40, align: 'center', lineBreak: false });
  doc.fontSize(BODY_PT).fillColor('black');
  doc.text(d.issuer, centre - sigWidth / 2, sigTop, { lineBreak: false });
  doc.text(date, centre - dateWidth / 2, sigTop + LINE, { lineBreak: false });
  if (d.note) doc.text(`（${d.note}）`, PAGE.left + 2 * CHAR, sigTop + 2 * LINE, { width: PAGE.width - 2 * CHAR, ...bodyText });
}

/** 页码: "— 1 —" 7 mm under the type area, odd pages one character from the right, even from the left. */
function pageNumbers(doc: PDFKit.PDFDocument): void {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    doc.switchToPage(i);
    // Writing in the bottom margin must not start a new page.
    doc.page.margins.bottom = 0;
    const label = `— ${i + 1} —`;
    doc.font('body').fontSize(PAGE_NO_PT);
    const w = doc.widthOfString(label);
    const x = i % 2 === 0 ? PAGE.left + PAGE.width - CHAR - w : PAGE.left + CHAR;
    doc.text(label, x, PAGE.top + PAGE.height + 7 * MM, { lineBreak: false });
  }
}

/** Renders a document as a PDF. The same document renders to the same bytes. */
export function renderOfficialDocument(d: OfficialDocument): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', bufferPages: true,
    margins: { top: PAGE.top, left: PAGE.left, right: 595.28 - PAGE.left - PAGE.width, bottom: 841.89 - PAGE.top - PAGE.height },
    info: { Title: d.title, Author: d.issuer, Subject: d.docNo, CreationDate: new Date(`${d.date}T00:00:00+08:00`) },
  });
  doc.registerFont('body', fontBytes('body'));
  doc.registerFont('title', fontBytes('title'));
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  header(doc, d);
  body(doc, d);
  signature(doc, d);
  pageNumbers(doc);
  doc.end();
  return done;
}
