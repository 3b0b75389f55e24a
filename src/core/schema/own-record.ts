/**
 * A string-keyed record whose keys are data: valibot's `record` skips the
 * keys `__proto__`, `prototype` and `constructor`, so an entity or corpus
 * with such an id would silently lose its entries (and a lookup by that id
 * would then read Object.prototype). This one keeps every own key, checks
 * every value, and builds its output with Object.fromEntries (own data
 * properties, never a prototype change). Read it with Object.hasOwn.
 */
import * as v from 'valibot';

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function ownRecord<T extends v.GenericSchema>(value: T, message = 'expected an object') {
  return v.pipe(
    v.custom<Record<string, unknown>>(isPlainObject, message),
    v.rawTransform(({ dataset, addIssue, NEVER }) => {
      const out: [string, v.InferOutput<T>][] = [];
      for (const key of Object.keys(dataset.value)) {
        const parsed = v.safeParse(value, dataset.value[key]);
        if (!parsed.success) {
          addIssue({ message: `${key}: ${parsed.issues[0].message}`, path: [{ type: 'object', origin: 'value', input: dataset.value, key, value: dataset.value[key] }] });
          return NEVER;
        }
        out.push([key, parsed.output]);
      }
      return Object.fromEntries(out) as Record<string, v.InferOutput<T>>;
    }),
  );
}

/** The value at an own key only. */
export function own<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}
