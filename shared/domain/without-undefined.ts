// An object without its keys whose value is undefined: what is stored or sent keeps an absent key absent (under
// exactOptionalPropertyTypes a key present as undefined is not the same type, and would not read back equal).
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T;
}
