// Structure-aware inputs: a well-formed sample (a real frame, a config document, a command's arguments) with one
// to three of its fields mutated, so the input passes the first checks and reaches the ones behind them.
import fc from 'fast-check';
import { edgeNumber, objectOf, replacement, trickyText, withProtoKey } from './hostile';

type Path = (string | number)[];

const OPERATIONS = [
  'replace',
  'replace',
  'replace',
  'delete',
  'addKey',
  'protoKey',
  'retype',
  'negate',
  'zero',
  'huge',
  'wrap',
  'enum',
  'null',
] as const;
export type Operation = (typeof OPERATIONS)[number];
export type Mutation = { at: number; operation: Operation; value: unknown; key: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  operation: fc.constantFrom(...OPERATIONS),
  value: replacement,
  key: fc.oneof(trickyText, fc.string({ maxLength: 8 })),
});

/** The sample with mutations applied; the sample itself is never changed. */
export function mutated(sample: unknown, maxMutations = 3): fc.Arbitrary<unknown> {
  return fc
    .array(mutation, { minLength: 1, maxLength: maxMutations })
    .map((mutations) => mutations.reduce<unknown>((value, m) => applyMutation(value, m), clone(sample)));
}

/** Mostly mutated samples, sometimes a sample as it is (so valid inputs keep the state moving). */
export function sampleOrMutated(samples: readonly unknown[], validWeight = 1): fc.Arbitrary<unknown> {
  const pick = fc.constantFrom(...samples);
  return fc.oneof(
    { weight: validWeight, arbitrary: pick.map(clone) },
    { weight: 8, arbitrary: pick.chain((sample) => mutated(sample)) },
  );
}

export function clone<T>(value: T): T {
  if (Array.isArray(value)) return value.map(clone) as T;
  if (value === null || typeof value !== 'object') return value;
  return objectOf(Object.entries(value).map(([key, inner]) => [key, clone(inner)])) as T;
}

/** Every path in a value, the root first. */
function paths(value: unknown, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix);
  if (out.length > 400) return out;
  if (Array.isArray(value)) value.forEach((inner, i) => paths(inner, [...prefix, i], out));
  else if (value !== null && typeof value === 'object')
    for (const [key, inner] of Object.entries(value)) paths(inner, [...prefix, key], out);
  return out;
}

function applyMutation(root: unknown, m: Mutation): unknown {
  const all = paths(root);
  const path = all[m.at % all.length] ?? [];
  if (path.length === 0) {
    const next = mutateValue(root, m);
    return next === DELETE ? undefined : next;
  }
  const parent = get(root, path.slice(0, -1));
  const last = path[path.length - 1] as string | number;
  if (parent === null || typeof parent !== 'object') return root;
  const holder = parent as Record<string | number, unknown>;
  if (m.operation === 'delete') {
    remove(holder, last);
    return root;
  }
  const next = mutateValue(holder[last], m);
  if (next === DELETE) remove(holder, last);
  else if (last === '__proto__') withProtoKey(holder, next);
  else holder[last] = next;
  return root;
}

const DELETE = Symbol('delete');

function remove(holder: Record<string | number, unknown>, key: string | number): void {
  if (Array.isArray(holder) && typeof key === 'number') holder.splice(key, 1);
  else Reflect.deleteProperty(holder, key);
}

function mutateValue(value: unknown, m: Mutation): unknown {
  switch (m.operation) {
    case 'replace':
      return m.value;
    case 'delete':
      return DELETE;
    case 'null':
      return null;
    case 'addKey':
      return isRecord(value) ? { ...value, [m.key]: m.value } : m.value;
    case 'protoKey':
      return isRecord(value) ? withProtoKey({ ...value }, m.value) : withProtoKey({}, value);
    case 'retype':
      return typeof value === 'number' ? String(value) : typeof value === 'string' ? Number(value) : [value];
    case 'negate':
      return typeof value === 'number' ? -value || -1 : typeof value === 'string' ? `-${value}` : m.value;
    case 'zero':
      return typeof value === 'string' ? '0' : 0;
    case 'huge':
      if (typeof value !== 'string') return pickEdge(m.at);
      return m.at % 2 === 0 ? `${value}${'9'.repeat(400)}` : `${'9'.repeat(400)}${value}`;
    case 'wrap':
      return [value];
    case 'enum':
      return typeof value === 'string' ? enumLike(value, m.at) : m.key;
  }
}

const edges = fc.sample(edgeNumber, { numRuns: 64, seed: 1 });
const pickEdge = (i: number): number => edges[i % edges.length] ?? 0;

function enumLike(value: string, i: number): string {
  const variants = [value.toUpperCase(), `${value} `, `${value}x`, value.slice(1), '', `${value}\u0000`];
  return variants[i % variants.length] ?? value;
}

function get(root: unknown, path: Path): unknown {
  let current = root;
  for (const key of path) current = (current as Record<string | number, unknown>)[key];
  return current;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
