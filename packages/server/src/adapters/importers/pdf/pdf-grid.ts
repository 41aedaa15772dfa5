import type { Rule, TextRun } from './pdf-page';
import { groupLines, linesText } from './pdf-text';

/**
 * Tables from drawn rules. Horizontal and vertical rules that touch form a connected frame; the distinct
 * x of its verticals and y of its horizontals are the grid lines; two neighbouring grid positions belong to
 * the same cell when no rule separates them (a missing vertical → colSpan, a missing horizontal → rowSpan).
 * Text runs are then put in the cell under their centre.
 */

/** How far apart two coordinates may be and still be the same grid line (points). */
const TOL = 3;
/** Safety valve: a page drawing more rules than this is a chart or a drawing, not a table. */
const MAX_RULES = 3000;

export interface GridCell {
  /** 0-based row and column of the cell's top-left grid position on this page. */
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
  readonly text: string;
  /** Whether the text reaches the bottom of the cell (the cell may continue on the next page). */
  readonly full: boolean;
}

export interface PageGrid {
  /** Grid lines: column boundaries left to right, row boundaries top to bottom. */
  readonly xs: readonly number[];
  readonly ys: readonly number[];
  /** Master cells in reading order (by row, then column). */
  readonly cells: readonly GridCell[];
  readonly top: number;
  readonly bottom: number;
}

interface Frame {
  readonly xs: number[];
  readonly ys: number[];
  readonly h: Rule[];
  readonly v: Rule[];
}

/** Rules on the same line (within 2 pt) whose extents touch or overlap become one rule. */
function mergeRules(rules: readonly Rule[]): Rule[] {
  const sorted = [...rules].sort((a, b) => a.at - b.at || a.from - b.from);
  const lines: { at: number; rules: Rule[] }[] = [];
  for (const r of sorted) {
    const line = lines[lines.length - 1];
    if (line && r.at - line.at <= 2) line.rules.push(r);
    else lines.push({ at: r.at, rules: [r] });
  }
  const merged: Rule[] = [];
  for (const line of lines) {
    const at = line.rules.reduce((s, r) => s + r.at, 0) / line.rules.length;
    const spans = [...line.rules].sort((a, b) => a.from - b.from);
    let cur: { from: number; to: number } | undefined;
    for (const s of spans) {
      if (cur && s.from <= cur.to + TOL) cur.to = Math.max(cur.to, s.to);
      else {
        if (cur) merged.push({ kind: line.rules[0]?.kind ?? 'h', at, from: cur.from, to: cur.to });
        cur = { from: s.from, to: s.to };
      }
    }
    if (cur) merged.push({ kind: line.rules[0]?.kind ?? 'h', at, from: cur.from, to: cur.to });
  }
  return merged;
}

/** Sorted values, those within TOL of each other replaced by their mean. */
function cluster(values: readonly number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    const first = group[0];
    if (first !== undefined && v - first > TOL) {
      out.push(group.reduce((s, x) => s + x, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((s, x) => s + x, 0) / group.length);
  return out;
}

function touches(h: Rule, v: Rule): boolean {
  return v.at >= h.from - TOL && v.at <= h.to + TOL && h.at >= v.from - TOL && h.at <= v.to + TOL;
}

/** Connected frames of at least two horizontal and two vertical rules. */
function frames(rules: readonly Rule[]): Frame[] {
  const h = mergeRules(rules.filter((r) => r.kind === 'h'));
  const v = mergeRules(rules.filter((r) => r.kind === 'v'));
  if (h.length < 2 || v.length < 2 || h.length + v.length > MAX_RULES) return [];
  const parent = Array.from({ length: h.length + v.length }, (_, i) => i);
  const find = (i: number): number => {
    let root = i;
    while (parent[root] !== root) root = parent[root] ?? root;
    let k = i;
    while (parent[k] !== root) {
      const next = parent[k] ?? root;
      parent[k] = root;
      k = next;
    }
    return root;
  };
  h.forEach((hr, i) => {
    v.forEach((vr, j) => {
      if (touches(hr, vr)) parent[find(i)] = find(h.length + j);
    });
  });
  const groups = new Map<number, { h: Rule[]; v: Rule[] }>();
  const group = (root: number) => {
    let g = groups.get(root);
    if (!g) {
      g = { h: [], v: [] };
      groups.set(root, g);
    }
    return g;
  };
  h.forEach((r, i) => group(find(i)).h.push(r));
  v.forEach((r, j) => group(find(h.length + j)).v.push(r));
  const out: Frame[] = [];
  for (const g of groups.values()) {
    if (g.h.length < 2 || g.v.length < 2) continue;
    const left = Math.min(...g.h.map((r) => r.from));
    const right = Math.max(...g.h.map((r) => r.to));
    const top = Math.min(...g.v.map((r) => r.from));
    const bottom = Math.max(...g.v.map((r) => r.to));
    const xs = cluster([...g.v.map((r) => r.at), left, right]);
    const ys = cluster([...g.h.map((r) => r.at), top, bottom]);
    if (xs.length < 2 || ys.length < 2) continue;
    out.push({ xs, ys, h: g.h, v: g.v });
  }
  return out;
}

/** Index of the interval [bounds[i], bounds[i+1]) holding `at`, clamped to the grid. */
function slot(bounds: readonly number[], at: number): number {
  let i = 0;
  while (i < bounds.length - 2 && at >= (bounds[i + 1] ?? Infinity)) i++;
  return i;
}

interface Layout {
  readonly owner: Int32Array;
  readonly masters: { row: number; column: number; rowSpan: number; colSpan: number }[];
}

/** Which grid positions belong together (no rule between them), as master cells with spans. */
function layout(frame: Frame): Layout {
  const { xs, ys } = frame;
  const nx = xs.length - 1;
  const ny = ys.length - 1;
  const ruled = (rules: readonly Rule[], at: number, along: number) => rules.some((r) => Math.abs(r.at - at) <= TOL && along >= r.from - TOL && along <= r.to + TOL);
  const parent = Int32Array.from({ length: nx * ny }, (_, i) => i);
  const find = (i: number): number => {
    while (parent[i] !== i) {
      const p = parent[i] ?? i;
      parent[i] = parent[p] ?? p;
      i = p;
    }
    return i;
  };
  const union = (a: number, b: number) => {
    const ra = find(a);
    const rb = find(b);
    if (ra !== rb) parent[Math.max(ra, rb)] = Math.min(ra, rb);
  };
  for (let r = 0; r < ny; r++) {
    const yMid = ((ys[r] ?? 0) + (ys[r + 1] ?? 0)) / 2;
    for (let c = 0; c < nx; c++) {
      const xMid = ((xs[c] ?? 0) + (xs[c + 1] ?? 0)) / 2;
      if (c + 1 < nx && !ruled(frame.v, xs[c + 1] ?? 0, yMid)) union(r * nx + c, r * nx + c + 1);
      if (r + 1 < ny && !ruled(frame.h, ys[r + 1] ?? 0, xMid)) union(r * nx + c, (r + 1) * nx + c);
    }
  }
  // Bounding box of each group of positions.
  const box = new Map<number, { r0: number; r1: number; c0: number; c1: number }>();
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      const root = find(r * nx + c);
      const b = box.get(root);
      if (!b) box.set(root, { r0: r, r1: r, c0: c, c1: c });
      else {
        b.r0 = Math.min(b.r0, r);
        b.r1 = Math.max(b.r1, r);
        b.c0 = Math.min(b.c0, c);
        b.c1 = Math.max(b.c1, c);
      }
    }
  }
  const owner = new Int32Array(nx * ny).fill(-1);
  const masters: Layout['masters'] = [];
  for (let r = 0; r < ny; r++) {
    for (let c = 0; c < nx; c++) {
      if ((owner[r * nx + c] ?? -1) >= 0) continue;
      const b = box.get(find(r * nx + c)) ?? { r0: r, r1: r, c0: c, c1: c };
      // A group that is not a rectangle (a missing stretch of border) is read as its bounding box, clipped
      // to positions not yet taken.
      let c1 = c;
      while (c1 + 1 <= b.c1 && (owner[r * nx + c1 + 1] ?? -1) < 0) c1++;
      let r1 = r;
      while (r1 + 1 <= b.r1) {
        let free = true;
        for (let k = c; k <= c1; k++) if ((owner[(r1 + 1) * nx + k] ?? -1) >= 0) free = false;
        if (!free) break;
        r1++;
      }
      const id = masters.length;
      masters.push({ row: r, column: c, rowSpan: r1 - r + 1, colSpan: c1 - c + 1 });
      for (let rr = r; rr <= r1; rr++) for (let cc = c; cc <= c1; cc++) owner[rr * nx + cc] = id;
    }
  }
  return { owner, masters };
}

/** Cuts a run where it crosses a drawn vertical rule, sharing its width evenly among its characters. */
function splitAtRules(run: TextRun, frame: Frame): TextRun[] {
  const yMid = (run.top + run.bottom) / 2;
  const cuts = frame.xs.slice(1, -1).filter((x) => run.x0 < x - 2 && run.x1 > x + 2 && frame.v.some((r) => Math.abs(r.at - x) <= TOL && yMid >= r.from && yMid <= r.to));
  if (!cuts.length) return [run];
  const chars = Array.from(run.text);
  const w = (run.x1 - run.x0) / Math.max(1, chars.length);
  const pieces: TextRun[] = [];
  let start = 0;
  const columnOf = (i: number) => cuts.filter((x) => run.x0 + (i + 0.5) * w > x).length;
  for (let i = 1; i <= chars.length; i++) {
    if (i === chars.length || columnOf(i) !== columnOf(i - 1)) {
      const text = chars.slice(start, i).join('').trim();
      if (text) pieces.push({ ...run, text, x0: run.x0 + start * w, x1: run.x0 + i * w });
      start = i;
    }
  }
  return pieces;
}

/**
 * The ruled tables of a page with their text; the runs that fall in no table are returned for the text
 * flow. A frame with a single cell (a box around a paragraph, a page border) or with no text is not a table.
 */
export function findGrids(rules: readonly Rule[], runs: readonly TextRun[]): { grids: PageGrid[]; rest: TextRun[] } {
  const grids: PageGrid[] = [];
  let rest = [...runs];
  for (const frame of frames(rules)) {
    const { xs, ys } = frame;
    const left = xs[0] ?? 0;
    const right = xs[xs.length - 1] ?? 0;
    const top = ys[0] ?? 0;
    const bottom = ys[ys.length - 1] ?? 0;
    const { owner, masters } = layout(frame);
    if (masters.length < 2) continue;
    const inside = (r: TextRun) => {
      const cx = (r.x0 + r.x1) / 2;
      const cy = (r.top + r.bottom) / 2;
      return cx >= left - 1 && cx <= right + 1 && cy >= top - 1 && cy <= bottom + 1;
    };
    const mine = rest.filter(inside);
    if (!mine.length) continue;
    rest = rest.filter((r) => !inside(r));
    const nx = xs.length - 1;
    const texts: TextRun[][] = masters.map(() => []);
    for (const run of mine) {
      for (const piece of splitAtRules(run, frame)) {
        const c = slot(xs, (piece.x0 + piece.x1) / 2);
        const r = slot(ys, (piece.top + piece.bottom) / 2);
        texts[owner[r * nx + c] ?? 0]?.push(piece);
      }
    }
    grids.push({
      xs,
      ys,
      top,
      bottom,
      cells: masters.map((m, i) => {
        const own = texts[i] ?? [];
        const cellBottom = ys[m.row + m.rowSpan] ?? bottom;
        const lowest = own.reduce<TextRun | undefined>((low, r) => (!low || r.bottom > low.bottom ? r : low), undefined);
        return { ...m, text: linesText(groupLines(own)), full: lowest !== undefined && cellBottom - lowest.bottom <= 0.8 * lowest.size };
      }),
    });
  }
  grids.sort((a, b) => a.top - b.top);
  return { grids, rest };
}
