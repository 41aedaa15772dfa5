/**
 * Field paths (`indicators[3].actualText`, the notation of findings and of a 409's `changedPaths`) over the
 * evaluation's content as plain JSON: read one, write one without touching the rest (React state stays
 * immutable), list where two versions differ, and carry one user's changes over onto another's version.
 */
export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
export type JsonObject = { [key: string]: Json };
type Segment = string | number;

export function parsePath(path: string): Segment[] {
  const out: Segment[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) out.push(m[2] !== undefined ? Number(m[2]) : (m[1] as string));
  return out;
}

export function getAt(root: Json | undefined, path: string): Json | undefined {
  let node: Json | undefined = root;
  for (const key of parsePath(path)) {
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? (typeof key === 'number' ? node[key] : undefined) : (node as JsonObject)[String(key)];
  }
  return node;
}

/** Marks an array element to drop: removing by index while carrying changes over would shift the rest. */
const REMOVED = { '\u0000removed': true } as unknown as Json;

function setIn(node: Json | undefined, keys: readonly Segment[], value: Json | undefined): Json | undefined {
  const [key, ...rest] = keys;
  if (key === undefined) return value;
  if (typeof key === 'number') {
    const array = Array.isArray(node) ? [...node] : [];
    const next = setIn(array[key], rest, value);
    if (next === undefined) array[key] = REMOVED;
    else {
      while (array.length < key) array.push(REMOVED);
      array[key] = next;
    }
    return array;
  }
  const object: JsonObject = node !== null && typeof node === 'object' && !Array.isArray(node) ? { ...node } : {};
  const next = setIn(object[key], rest, value);
  // A blank field is an absent one in the evaluation file format (never "" or "0").
  if (next === undefined) delete object[key];
  else object[key] = next;
  return object;
}

function dropRemoved(node: Json): Json {
  if (Array.isArray(node)) return node.filter((x) => x !== REMOVED).map(dropRemoved);
  if (node !== null && typeof node === 'object') return Object.fromEntries(Object.entries(node).map(([k, v]) => [k, dropRemoved(v)]));
  return node;
}

/** A copy of `root` with the field at `path` set (undefined: removed; an array element is spliced out). */
export function setAt<T extends Json>(root: T, path: string, value: Json | undefined): T {
  return dropRemoved(setIn(root, parsePath(path), value) ?? null) as T;
}

/** Where two JSON values differ, as the server's json-diff names it (so both sides speak of the same paths). */
export function changedPaths(before: Json | undefined, after: Json | undefined, path = ''): string[] {
  if (Object.is(before, after)) return [];
  if (Array.isArray(before) && Array.isArray(after)) {
    const out: string[] = [];
    for (let i = 0; i < Math.max(before.length, after.length); i++) out.push(...changedPaths(before[i], after[i], `${path}[${i}]`));
    return out;
  }
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((k) => changedPaths(before[k], after[k], path ? `${path}.${k}` : k));
  }
  return [path || '（根）'];
}

function isObject(v: Json | undefined): v is JsonObject {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/**
 * `theirs` with every field `mine` changed since `base` set to mine (rows I removed removed, rows I added
 * added): 保留我的修改 after a conflict. Fields only they changed keep their value.
 */
export function applyChanges(theirs: JsonObject, base: JsonObject, mine: JsonObject): JsonObject {
  let out: Json = theirs;
  for (const path of changedPaths(base, mine)) {
    if (path === '（根）') return mine;
    out = setIn(out, parsePath(path), getAt(mine, path)) ?? null;
  }
  return dropRemoved(out) as JsonObject;
}

export function sameJson(a: Json | undefined, b: Json | undefined): boolean {
  return changedPaths(a, b).length === 0;
}
