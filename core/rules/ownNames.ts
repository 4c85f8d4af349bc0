/**
 * Rule data looked up by a name the user typed (a rate table, a claim type, a count). A plain
 * object answers to "constructor", "toString" or "__proto__" through its prototype, so a lookup
 * with `record[name]` finds a function where the user named nothing, and an assignment to
 * `record["__proto__"]` replaces the prototype instead of storing a value. Every such lookup and
 * store goes through these two functions.
 */

/**
 * The value stored under `name` itself, or undefined.
 * @example ownValue({ morarente: 1 }, 'constructor') // undefined
 */
export function ownValue<T>(record: Readonly<Record<string, T>>, name: string): T | undefined {
  return Object.hasOwn(record, name) ? record[name] : undefined;
}

/**
 * Stores `value` under `name` as an own property, also for "__proto__" (plain assignment there
 * would change the object's prototype and lose the value).
 * @example Object.keys(setOwn({}, '__proto__', 1)) // ['__proto__']
 */
export function setOwn<T>(record: Record<string, T>, name: string, value: T): Record<string, T> {
  Object.defineProperty(record, name, { value, enumerable: true, writable: true, configurable: true });
  return record;
}
