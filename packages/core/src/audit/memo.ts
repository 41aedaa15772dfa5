/**
 * Audit rules analyse the same immutable evaluation more than once (the rubric reuses the quality rules'
 * analyses; two rules need the score). A weak-keyed memo computes each analysis once per object and keeps
 * nothing alive after the object is gone. Only for pure functions of their arguments.
 */
export function memoize<K extends object, V>(fn: (key: K) => V): (key: K) => V {
  const cache = new WeakMap<K, V>();
  return (key) => {
    if (cache.has(key)) return cache.get(key) as V;
    const value = fn(key);
    cache.set(key, value);
    return value;
  };
}

/** The same for a pure function of two objects. */
export function memoize2<K1 extends object, K2 extends object, V>(fn: (a: K1, b: K2) => V): (a: K1, b: K2) => V {
  const cache = new WeakMap<K1, WeakMap<K2, V>>();
  return (a, b) => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new WeakMap()));
    if (inner.has(b)) return inner.get(b) as V;
    const value = fn(a, b);
    inner.set(b, value);
    return value;
  };
}
