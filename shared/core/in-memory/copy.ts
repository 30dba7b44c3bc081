/** A deep copy of a stored record (records are plain JSON), so callers never share state with the store. */
export function copy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
