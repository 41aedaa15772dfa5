import type { SaxesTagNS } from 'saxes';
import { wAttr, wInt, type XmlHandler } from './xml-walker';

/**
 * Paragraph styles from word/styles.xml: which are headings (outline level, or a built-in "heading N"
 * name) and which carry automatic numbering.
 */

interface StyleDef {
  readonly id: string;
  name?: string;
  basedOn?: string;
  /** 0-based outline level; 9 means body text. */
  outlineLvl?: number;
  numId?: string;
  ilvl?: number;
}

/** Built-in heading names: Word stores "heading 1", other writers "Heading 1" or the localised "标题 1". */
const HEADING_NAME = /^(?:heading|标题)\s*([1-9])$/i;
/** Style ids used without a styles.xml entry: "Heading1". */
const HEADING_ID = /^heading\s*([1-9])$/i;
/** Table-of-contents entries repeat the headings' text and must not become headings themselves. */
const TOC_NAME = /^(?:toc|目录)\s*[1-9]$/i;
const MAX_CHAIN = 32;

export interface StyleNumbering {
  readonly numId?: string;
  readonly ilvl?: number;
}

export class Styles {
  constructor(
    private readonly byId: ReadonlyMap<string, StyleDef> = new Map(),
    private readonly defaultParagraph?: string,
  ) {}

  /** The paragraph's effective style id: its own, else the document's default paragraph style. */
  effective(styleId: string | undefined): string | undefined {
    return styleId ?? this.defaultParagraph;
  }

  /** 0-based outline level of a style (following basedOn), or undefined for body text. */
  outlineLevel(styleId: string | undefined): number | undefined {
    if (styleId === undefined) return undefined;
    let found: number | undefined;
    const visited = this.walk(styleId, (style) => {
      if (style.outlineLvl !== undefined) {
        found = style.outlineLvl <= 8 ? style.outlineLvl : undefined;
        return true;
      }
      const byName = HEADING_NAME.exec(style.name ?? '');
      if (byName?.[1] !== undefined) {
        found = Number(byName[1]) - 1;
        return true;
      }
      return false;
    });
    if (visited === 0) {
      const byId = HEADING_ID.exec(styleId);
      if (byId?.[1] !== undefined) return Number(byId[1]) - 1;
    }
    return found;
  }

  isTableOfContents(styleId: string | undefined): boolean {
    if (styleId === undefined) return false;
    const name = this.byId.get(styleId)?.name ?? styleId;
    return TOC_NAME.test(name) || /^toc\s*[1-9]$/i.test(styleId);
  }

  /** The automatic numbering a style (or one it is based on) applies. */
  numbering(styleId: string | undefined): StyleNumbering | undefined {
    if (styleId === undefined) return undefined;
    let found: StyleNumbering | undefined;
    this.walk(styleId, (style) => {
      if (style.numId === undefined) return false;
      found = { numId: style.numId, ...(style.ilvl === undefined ? {} : { ilvl: style.ilvl }) };
      return true;
    });
    return found;
  }

  /** Calls `visit` on the style and its ancestors until it returns true; returns how many were found. */
  private walk(styleId: string, visit: (style: StyleDef) => boolean): number {
    let id: string | undefined = styleId;
    let count = 0;
    while (id !== undefined && count < MAX_CHAIN) {
      const style = this.byId.get(id);
      if (style === undefined) break;
      count += 1;
      if (visit(style)) break;
      id = style.basedOn;
    }
    return count;
  }
}

/** Collects paragraph styles from styles.xml; `result()` once the walk is done. */
export class StylesReader implements XmlHandler {
  private readonly byId = new Map<string, StyleDef>();
  private defaultParagraph: string | undefined;
  private current: StyleDef | undefined;

  open(name: string, tag: SaxesTagNS, parent: string, grandparent: string): boolean {
    if (name === 'style') {
      const id = wAttr(tag, 'styleId');
      const type = wAttr(tag, 'type') ?? 'paragraph';
      if (id === undefined || type !== 'paragraph') return true;
      this.current = { id };
      this.byId.set(id, this.current);
      const isDefault = wAttr(tag, 'default');
      if (isDefault === '1' || isDefault === 'true' || isDefault === 'on') this.defaultParagraph = id;
      return false;
    }
    const style = this.current;
    if (style === undefined) return name === 'latentStyles' || name === 'docDefaults';
    if (parent === 'style') {
      if (name === 'name') style.name = wAttr(tag, 'val');
      else if (name === 'basedOn') style.basedOn = wAttr(tag, 'val');
      return name === 'rPr' || name === 'tblPr' || name === 'tblStylePr';
    }
    if (name === 'outlineLvl' && parent === 'pPr') style.outlineLvl = wInt(tag, 'val');
    else if (name === 'numId' && parent === 'numPr' && grandparent === 'pPr') style.numId = wAttr(tag, 'val');
    else if (name === 'ilvl' && parent === 'numPr' && grandparent === 'pPr') style.ilvl = wInt(tag, 'val');
    return false;
  }

  close(name: string): void {
    if (name === 'style') this.current = undefined;
  }

  text(): void {}

  result(): Styles {
    return new Styles(this.byId, this.defaultParagraph);
  }
}
