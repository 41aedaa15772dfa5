import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { DocumentBlock, TableBlock } from '@jixiao/core';
import { DEFAULT_LIMITS } from '../limits';
import { parseTxt, readNumbering, readTxt } from './read-txt';

const seed = (name: string) => readFileSync(new URL(`../../../../demo/${name}`, import.meta.url), 'utf8');
const tables = (blocks: readonly DocumentBlock[]) => blocks.filter((b): b is TableBlock => b.kind === 'table');
const texts = (t: TableBlock | undefined, row: number) => t?.rows[row]?.map((c) => c.text);

describe('readNumbering', () => {
  it.each([
    ['一、基本情况', 'chinese', '一、', '基本情况'],
    ['（三）产出效益', 'chineseParen', '（三）', '产出效益'],
    ['(一) 预算执行情况分析', 'chineseParen', '(一)', '预算执行情况分析'],
    ['2、质量指标', 'arabic', '2、', '质量指标'],
    ['（1）内部控制', 'arabicParen', '（1）', '内部控制'],
    ['①常委会办事机构', 'circled', '①', '常委会办事机构'],
  ])('%s → %s', (text, style, numbering, rest) => {
    expect(readNumbering(text)).toEqual({ style, numbering, rest });
  });

  it('does not take a decimal for a numbering', () => {
    expect(readNumbering('4280.31万元')).toBeUndefined();
  });
});

describe('parseTxt on the seeds', () => {
  it('reads seed 004: 11 tables (基础数据表, 部门整体, 8 项目, 考核评分表) with merged-cell continuation cells', () => {
    const doc = parseTxt(seed('004_cbe60655ee86d378.txt'), '004.txt', DEFAULT_LIMITS);
    const t = tables(doc.blocks);
    expect(t.map((x) => x.rows.length)).toEqual([28, 26, 23, 21, 23, 20, 20, 22, 20, 20, 10]);
    // 基础数据表: a label and three columns.
    expect(texts(t[0], 3)).toEqual(['三公经费', '67.03', '202', '70.3']);
    const dept = t[1]?.rows.map((r) => r.map((c) => c.text)) ?? [];
    // A cell broken over lines and blank lines ("绩\n\n效\n\n指\n\n标") stays one cell, in a row of its own.
    expect(dept).toContainEqual(['绩\n效\n指\n标']);
    // A continuation row: empty cells for the merged 一级/二级.
    expect(dept.find((r) => r[3] === '将收到代表建议进行细化，精准及时交办督办')?.slice(0, 3)).toEqual(['', '', '']);
    // A cell padded with a line of full-width spaces does not split its row.
    expect(dept.find((r) => r[1] === '效益指标\n（30分）')?.slice(2, 4)).toEqual(['经济效\n益指标', '加强财政预决算监督']);
    expect(t.every((x) => !x.grid)).toBe(true);
  });

  it('reads seed 003’s tab-separated table, one row per line', () => {
    const doc = parseTxt(seed('003_3601ec7874285035.txt'), '003.txt', DEFAULT_LIMITS);
    const [table] = tables(doc.blocks);
    expect(table?.rows).toHaveLength(38);
    expect(texts(table, 9)).toEqual(['一级指标', '权重', '二级指标', '三级指标', '年度指标值', '全年完成值', '自评得分', '偏差及原因分析']);
    expect(texts(table, 10)).toEqual(['投入管理', '30', '预算编审管理（3）', '准确性', '100%', '123%', '1', '']);
  });

  it('reads seed 000’s markdown headings and drops its table of contents', () => {
    const doc = parseTxt(seed('000_f9e1903535bc2e24.txt'), '000.txt', DEFAULT_LIMITS);
    const headings = doc.blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? `${h.numbering ?? ''}${h.text}` : '')).slice(0, 4)).toEqual([
      '2024 年度湖南省人大常委会办公厅 部门整体支出绩效自评报告',
      '目录',
      '2024 年度湖南省人大常委会办公厅 部门整体支出绩效自评报告',
      '一、基本情况',
    ]);
    expect(doc.blocks.some((b) => b.kind !== 'table' && b.text.includes('.....'))).toBe(false);
    // "(一) 预算执行情况分析(分值 10 分, 得 9.26 分, 扣 0.74 分)" stays one block with its bold markers gone.
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text === '(一) 预算执行情况分析(分值 10 分, 得 9.26 分, 扣 0.74 分)')).toBe(true);
  });

  it('joins a paragraph broken by a page ("…以良法促发展保善" + "治；…")', () => {
    const doc = parseTxt(seed('000_f9e1903535bc2e24.txt'), '000.txt', DEFAULT_LIMITS);
    expect(doc.blocks.some((b) => b.kind === 'paragraph' && b.text.includes('以良法促发展保善治；'))).toBe(true);
  });

  it('locates every block by its character offset in the file', () => {
    const text = seed('001_89c0cb00bebb9dcf.txt');
    const doc = parseTxt(text, '001.txt', DEFAULT_LIMITS);
    const p = doc.blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('全年报送《湖南信息》期数'));
    expect(p?.source.start).toBe(text.indexOf('全年报送《湖南信息》期数'));
  });
});

describe('readTxt on bad input', () => {
  it('refuses an empty file, a binary file and a file over the size cap with a Chinese finding', async () => {
    expect((await readTxt(new Uint8Array(), 'a.txt', DEFAULT_LIMITS)).findings.map((f) => f.message)).toEqual(['a.txt：文件为空，没有可读取的内容']);
    expect((await readTxt(new Uint8Array([0x4d, 0x5a, 0, 0, 1]), 'b.txt', DEFAULT_LIMITS)).findings[0]?.rule).toBe('import.not-text');
    const big = await readTxt(new Uint8Array(2048), 'c.txt', { ...DEFAULT_LIMITS, maxFileBytes: 1024 });
    expect(big.findings[0]?.message).toBe('c.txt：文件大小 2 KB 超过上限 1 KB，未读取');
  });

  it('reads GB18030 text, as many government sites publish', async () => {
    // "一、基本情况" in GB18030.
    const bytes = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xbb, 0xf9, 0xb1, 0xbe, 0xc7, 0xe9, 0xbf, 0xf6]);
    const doc = await readTxt(bytes, 'gb.txt', DEFAULT_LIMITS);
    expect(doc.blocks[0]).toMatchObject({ kind: 'heading', numbering: '一、', text: '基本情况' });
  });

  it('keeps the first maxTableRows rows of a huge table and warns', async () => {
    const rows = Array.from({ length: 50_000 }, (_, i) => `项目${i}\t${i}\t${i}`).join('\n');
    const doc = await readTxt(new TextEncoder().encode(rows), 'big.txt', DEFAULT_LIMITS);
    expect(tables(doc.blocks)[0]?.rows).toHaveLength(DEFAULT_LIMITS.maxTableRows);
    expect(doc.findings.map((f) => f.rule)).toEqual(['import.table-truncated']);
  });
});
