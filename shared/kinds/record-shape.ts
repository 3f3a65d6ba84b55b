import * as z from 'zod';

/**
 * A kind's record, field by field, as data: what its stored rows must be when they are read back
 * (a submission stores each kind's records as JSON pages; the district's figures and merged
 * workbook read them). The table's type is the record's own, field for field (RuleFor), so the
 * zod schema made from it gives exactly the record declared. Every page is parsed with it: on a
 * province (1.1 M rows) that costs 0.9–2.0 s of CPU over JSON.parse's 2.2 s, 3–6 % of the
 * download's 34 s (measured 7 December 2026, with and without zod's JIT, under load); a hand
 * check in place measured 0.5–0.7 s, not worth a second reader below the 10 % bar.
 */

/** How one field of a record is checked; "?" also takes null. */
export type FieldRule =
  | 'text'
  | 'text?'
  | 'int'
  | 'int?'
  | 'number'
  | 'number?'
  | 'flag'
  | 'texts'
  | 'texts?'
  | { oneOf: readonly string[]; nullable: boolean };

/** The rules a field of type T may have: exactly its type, so a record read is the record declared. */
export type RuleFor<T> = [T] extends [boolean]
  ? 'flag'
  : [T] extends [string]
    ? string extends T
      ? 'text'
      : { oneOf: readonly T[]; nullable: false }
    : [T] extends [string | null]
      ? string extends NonNullable<T>
        ? 'text?'
        : { oneOf: readonly NonNullable<T>[]; nullable: true }
      : [T] extends [number]
        ? 'int' | 'number'
        : [T] extends [number | null]
          ? 'int?' | 'number?'
          : [T] extends [readonly string[]]
            ? 'texts'
            : [T] extends [readonly string[] | null]
              ? 'texts?'
              : never;

export type RecordFields<R> = { readonly [K in keyof R]-?: RuleFor<R[K]> };

/** Where a page's rows do not match: the schema's issues, each at [row index, field, …]. */
export type PageMismatch = readonly z.core.$ZodIssue[];

export interface RecordShape<R> {
  readonly fields: RecordFields<R>;
  /** The record's zod schema (an object; keys the record does not have are no fault, and are kept). */
  readonly schema: z.ZodType<R>;
  /** A page of stored rows, parsed with the schema: its rows, or where it does not match (the issues' messages from `error`, zod's own without it). */
  readPage(page: unknown, error?: z.core.$ZodErrorMap): { ok: true; rows: R[] } | { ok: false; issues: PageMismatch };
}

const PLAIN: Readonly<Record<Exclude<FieldRule, object>, () => z.ZodType>> = {
  text: () => z.string(),
  'text?': () => z.string().nullable(),
  int: () => z.int(),
  'int?': () => z.int().nullable(),
  number: () => z.number(),
  'number?': () => z.number().nullable(),
  flag: () => z.boolean(),
  texts: () => z.array(z.string()),
  'texts?': () => z.array(z.string()).nullable(),
};

function schemaOf(rule: FieldRule): z.ZodType {
  if (typeof rule === 'string') return PLAIN[rule]();
  const values = z.enum(rule.oneOf as [string, ...string[]]);
  return rule.nullable ? values.nullable() : values;
}

export function recordShape<R>(fields: RecordFields<R>): RecordShape<R> {
  const shape = Object.fromEntries(Object.entries(fields as Record<string, FieldRule>).map(([key, rule]) => [key, schemaOf(rule)]));
  const schema = z.looseObject(shape) as unknown as z.ZodType<R>;
  const pageSchema = z.array(schema);
  return {
    fields,
    schema,
    readPage(page, error) {
      const parsed = pageSchema.safeParse(page, error === undefined ? {} : { error });
      return parsed.success ? { ok: true, rows: parsed.data } : { ok: false, issues: parsed.error.issues };
    },
  };
}
