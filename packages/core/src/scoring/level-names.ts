/**
 * Level names are printed many ways: "产出 指标", "产出指标(50分)", "经济效益指标（10）", "产出指标分析".
 * Comparing their cores ("产出", "经济效益") matches them to the framework's nodes.
 */
// Level names repeat across every row and node; their keys are computed once (a bounded cache).
const KEYS = new Map<string, string>();

export function levelKey(name: string): string {
  const cached = KEYS.get(name);
  if (cached !== undefined) return cached;
  const key = computeKey(name);
  if (KEYS.size > 10_000) KEYS.clear();
  KEYS.set(name, key);
  return key;
}

function computeKey(name: string): string {
  return name
    .replace(/\s+/g, '')
    .replace(/[（(][^）)]*[）)]/g, '')
    .replace(/^[一二三四五六七八九十\d]+[、.．]/, '')
    .replace(/(分析|情况)$/, '')
    .replace(/指标$/, '');
}

export function sameLevel(a: string, b: string): boolean {
  return levelKey(a) === levelKey(b);
}

interface NamedNode {
  readonly name: string;
  readonly aliases?: readonly string[];
}

// Every row is matched against every node, by scoring and by several audit rules: a node's keys (its
// name's and its aliases') are computed once per node object. Nodes are immutable framework data.
const NODE_KEYS = new WeakMap<NamedNode, ReadonlySet<string>>();

function nodeKeys(node: NamedNode): ReadonlySet<string> {
  let keys = NODE_KEYS.get(node);
  if (!keys) NODE_KEYS.set(node, (keys = new Set([node.name, ...(node.aliases ?? [])].map(levelKey))));
  return keys;
}

/** Whether `name` matches a node called `nodeName` or one of its aliases. */
export function matchesNode(name: string, node: NamedNode): boolean {
  return nodeKeys(node).has(levelKey(name));
}
