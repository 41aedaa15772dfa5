import { describe, expect, it } from 'vitest';
import type { DocumentModel, TableBlock } from '@jixiao/core';
import { DEFAULT_LIMITS } from '../limits';
import { readPdf } from './read-pdf';

/**
 * Small PDFs written by hand (no LibreOffice needed): the layouts other producers make that the
 * LibreOffice-made test document does not have — borders drawn as thin filled rectangles (Word, WPS),
 * rotated pages, running headers, fonts pdf.js cannot decode, blank pages.
 */

interface PageSpec {
  readonly content: string;
  readonly rotate?: number;
}

/** A PDF 1.4 file with the given pages and fonts, with a correct cross-reference table. */
function makePdf(pages: readonly PageSpec[], fonts: Readonly<Record<string, string>> = { F1: HELVETICA }): Uint8Array {
  const objects: string[] = ['', ''];
  const add = (body: string) => objects.push(body);
  const fontIds = Object.entries(fonts).map(([name, dict]) => [name, add(dict)] as const);
  const fontResources = fontIds.map(([name, id]) => `/${name} ${id} 0 R`).join(' ');
  const kids = pages.map((p) => {
    const contents = add(`<< /Length ${p.content.length} >>\nstream\n${p.content}\nendstream`);
    const rotate = p.rotate ? ` /Rotate ${p.rotate}` : '';
    return add(`<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]${rotate} /Resources << /Font << ${fontResources} >> >> /Contents ${contents} 0 R >>`);
  });
  objects[0] = '<< /Type /Catalog /Pages 2 0 R >>';
  objects[1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n';
  const offsets = objects.map((body, i) => {
    const at = out.length;
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
    return at;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const HELVETICA = '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>';
/** STSong-Light, not embedded, with Adobe's predefined UniGB-UCS2-H CMap: what 财政 reporting systems export. */
const STSONG =
  '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light ' +
  '/CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor << /Type /FontDescriptor /FontName /STSong-Light /Flags 6 ' +
  '/FontBBox [0 -200 1000 900] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 80 >> /DW 1000 >>] >>';

const text = (x: number, y: number, s: string, size = 10) => `BT /F1 ${size} Tf ${x} ${y} Td (${s}) Tj ET`;
const bar = (x: number, y: number, w: number, h: number) => `${x} ${y} ${w} ${h} re f`;

function only<T>(items: readonly T[]): T {
  expect(items).toHaveLength(1);
  return items[0] as T;
}

function tables(model: DocumentModel): TableBlock[] {
  return model.blocks.filter((b): b is TableBlock => b.kind === 'table');
}

describe('readPdf on hand-made PDFs', () => {
  it('rebuilds a grid whose borders are thin filled rectangles, with a row span and a column span', async () => {
    // Columns at x 72 | 172 | 272 | 372, rows at y 700 | 680 | 660 | 640. "Merged" spans rows 0–1
    // (no rule under it), "Wide cell" spans columns 1–2 (no rule at x 272 in the last row).
    const rules = [
      bar(72, 700, 300, 0.5),
      bar(172, 680, 200, 0.5),
      bar(72, 660, 300, 0.5),
      bar(72, 640, 300, 0.5),
      bar(72, 640, 0.5, 60),
      bar(172, 640, 0.5, 60),
      bar(272, 660, 0.5, 40),
      bar(372, 640, 0.5, 60),
    ];
    const cells = [text(76, 686, 'Merged'), text(176, 686, 'B1'), text(276, 686, 'C1'), text(176, 666, 'B2'), text(276, 666, 'C2'), text(76, 646, 'Total'), text(176, 646, 'Wide cell')];
    const model = await readPdf(makePdf([{ content: [...rules, ...cells, text(72, 740, 'Hello'), text(101, 740, 'world')].join('\n') }]), 'word.pdf', DEFAULT_LIMITS);
    expect(model.findings).toEqual([]);
    expect(model.blocks[0]).toMatchObject({ kind: 'paragraph', text: 'Hello world', source: { file: 'word.pdf', page: 1, block: 0 } });
    const t = only(tables(model));
    expect(t.grid).toBe(true);
    expect(t.rows.map((r) => r.map((c) => [c.text, c.column, c.rowSpan, c.colSpan]))).toEqual([
      [
        ['Merged', 0, 2, 1],
        ['B1', 1, 1, 1],
        ['C1', 2, 1, 1],
      ],
      [
        ['B2', 1, 1, 1],
        ['C2', 2, 1, 1],
      ],
      [
        ['Total', 0, 1, 1],
        ['Wide cell', 1, 1, 2],
      ],
    ]);
    expect(t.rows[2]?.[1]?.source).toEqual({ file: 'word.pdf', page: 1, block: 1, row: 2, column: 1 });
  });

  /** Stroked rules of a grid without merges: columns at `xs`, row boundaries at `ys` (PDF y, top first). */
  const grid = (xs: readonly number[], ys: readonly number[]) => {
    const top = ys[0] ?? 0;
    const bottom = ys[ys.length - 1] ?? 0;
    const left = xs[0] ?? 0;
    const right = xs[xs.length - 1] ?? 0;
    return [...ys.map((y) => `${left} ${y} m ${right} ${y} l S`), ...xs.map((x) => `${x} ${bottom} m ${x} ${top} l S`)].join('\n');
  };
  const texts = (model: DocumentModel) => only(tables(model)).rows.map((r) => r.map((c) => c.text).filter((t) => t));

  it('joins a table row split by a page break back into one row', async () => {
    // Page 1 ends with the row "Quality | Keep all lifts and the | 10", whose description reaches the
    // bottom of the page; page 2 starts with the rest of that description, then a new row.
    const page1 = [
      grid([72, 172, 372, 422], [124, 98, 72]),
      text(76, 110, 'Item'),
      text(176, 110, 'Description'),
      text(376, 110, 'Score'),
      text(76, 86, 'Quality'),
      text(176, 86, 'Keep all lifts'),
      text(176, 75, 'and the'),
      text(376, 86, '10'),
    ].join('\n');
    const page2 = [grid([72, 172, 372, 422], [770, 750, 730]), text(176, 757, 'cameras working'), text(76, 737, 'Cost'), text(176, 737, 'Within budget'), text(376, 737, '10')].join('\n');
    const model = await readPdf(makePdf([{ content: page1 }, { content: page2 }]), 'split.pdf', DEFAULT_LIMITS);
    expect(texts(model)).toEqual([
      ['Item', 'Description', 'Score'],
      ['Quality', 'Keep all lifts and the cameras working', '10'],
      ['Cost', 'Within budget', '10'],
    ]);
    expect(only(tables(model)).rows[2]?.[0]?.source).toMatchObject({ page: 2, row: 2, column: 0 });
  });

  it('does not join a new row at the top of a page to a one-line row of figures above it', async () => {
    const page1 = [grid([72, 172, 272, 372], [112, 98, 84]), text(76, 102, 'Item'), text(176, 102, 'Budget'), text(276, 102, 'Actual'), text(76, 87, 'Total funds'), text(176, 87, '238.49'), text(276, 87, '400.03')].join('\n');
    const page2 = [grid([72, 172, 272, 372], [770, 750]), text(76, 757, 'Other funds'), text(276, 757, '30')].join('\n');
    const model = await readPdf(makePdf([{ content: page1 }, { content: page2 }]), 'rows.pdf', DEFAULT_LIMITS);
    expect(texts(model)).toEqual([
      ['Item', 'Budget', 'Actual'],
      ['Total funds', '238.49', '400.03'],
      ['Other funds', '30'],
    ]);
  });

  it('continues a merged label cell over a page that does not draw its column', async () => {
    // LibreOffice leaves out the borders of a vertically merged cell where it continues on the next page.
    const page1 = [
      grid([72, 172, 372, 422], [124, 98, 72]),
      text(76, 110, 'Level 1'),
      text(176, 110, 'Indicator'),
      text(376, 110, 'Score'),
      text(76, 86, 'Output'),
      text(176, 86, 'Count'),
      text(376, 86, '10'),
    ].join('\n');
    const page2 = [grid([172, 372, 422], [770, 750, 730]), text(176, 757, 'Quality'), text(376, 757, '10'), text(176, 737, 'Timeliness'), text(376, 737, '10')].join('\n');
    const model = await readPdf(makePdf([{ content: page1 }, { content: page2 }]), 'merged.pdf', DEFAULT_LIMITS);
    const t = only(tables(model));
    expect(t.rows.map((r) => r.map((c) => [c.text, c.column, c.rowSpan, c.colSpan]))).toEqual([
      [
        ['Level 1', 0, 1, 1],
        ['Indicator', 1, 1, 1],
        ['Score', 2, 1, 1],
      ],
      [
        ['Output', 0, 3, 1],
        ['Count', 1, 1, 1],
        ['10', 2, 1, 1],
      ],
      [
        ['Quality', 1, 1, 1],
        ['10', 2, 1, 1],
      ],
      [
        ['Timeliness', 1, 1, 1],
        ['10', 2, 1, 1],
      ],
    ]);
  });

  it('reads a page with /Rotate 90 in the order it is displayed', async () => {
    // Text drawn upwards; the page is shown turned 90° clockwise, so the smaller x is the upper line.
    const content = ['BT /F1 12 Tf 0 1 -1 0 200 100 Tm (Next line.) Tj ET', 'BT /F1 12 Tf 0 1 -1 0 80 100 Tm (Top line.) Tj ET'].join('\n');
    const model = await readPdf(makePdf([{ content, rotate: 90 }]), 'landscape.pdf', DEFAULT_LIMITS);
    expect(model.blocks.map((b) => b.kind !== 'table' && b.text)).toEqual(['Top line.', 'Next line.']);
  });

  it('drops running headers, "Page N of M" and a lone page number at the foot of the page', async () => {
    const pages = [1, 2, 3, 4].map((n) => ({
      content: [text(72, 800, 'Annual self-evaluation report'), text(72, 600, `Body of page ${n}.`), text(290, 40, n === 3 ? '3' : `Page ${n} of 4`)].join('\n'),
    }));
    const model = await readPdf(makePdf(pages), 'report.pdf', DEFAULT_LIMITS);
    expect(model.findings).toEqual([]);
    expect(model.blocks.map((b) => [b.kind, b.kind !== 'table' && b.text, b.source.page])).toEqual([
      ['paragraph', 'Body of page 1.', 1],
      ['paragraph', 'Body of page 2.', 2],
      ['paragraph', 'Body of page 3.', 3],
      ['paragraph', 'Body of page 4.', 4],
    ]);
  });

  it('warns about pages without text among pages with text', async () => {
    const model = await readPdf(makePdf([{ content: text(72, 700, 'First page.') }, { content: bar(100, 100, 200, 200) }]), 'mixed.pdf', DEFAULT_LIMITS);
    expect(model.blocks).toHaveLength(1);
    expect(only(model.findings)).toEqual({
      rule: 'import.pdf.page-no-text',
      severity: 'warning',
      message: '「mixed.pdf」第 2 页没有可提取的文字（可能是扫描页或图片），这些页的内容未读取；如有内容请先进行文字识别（OCR）。',
      location: { file: 'mixed.pdf', page: 2 },
    });
  });

  it('tells text it cannot decode (non-embedded font with a predefined CMap) from a scan', async () => {
    const hex = Array.from('年度资金总额', (ch) => (ch.codePointAt(0) ?? 0).toString(16).padStart(4, '0')).join('');
    const model = await readPdf(makePdf([{ content: `BT /F1 12 Tf 72 700 Td <${hex}> Tj ET` }], { F1: STSONG }), '系统导出.pdf', DEFAULT_LIMITS);
    expect(model.blocks).toEqual([]);
    const f = only(model.findings);
    expect(f).toMatchObject({ rule: 'import.pdf.undecodable-text', severity: 'error', location: { file: '系统导出.pdf' } });
    expect(f.message).toContain('「系统导出.pdf」的文字使用了未嵌入 PDF 的字体编码');
  });
});
