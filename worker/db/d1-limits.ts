/**
 * D1 refuses a statement with more than 100 bound parameters or more than 100 KB of SQL. This guard
 * states those limits in our code, so that a query built from data (a list of ids, a batch of rows)
 * fails in tests with a typed error at the statement that breaks them, whatever the local runtime
 * enforces, and before anything is sent.
 */
export const D1_MAX_BOUND_PARAMETERS = 100;
export const D1_MAX_SQL_BYTES = 100_000;

export class D1LimitError extends Error {
  override readonly name = 'D1LimitError';

  constructor(
    readonly limit: 'bound-parameters' | 'sql-bytes',
    readonly actual: number,
    readonly max: number,
  ) {
    super(`D1 limit exceeded: ${actual} ${limit} (max ${max})`);
  }
}

const encoder = new TextEncoder();

function checkSql(sql: string): void {
  const bytes = encoder.encode(sql).byteLength;
  if (bytes > D1_MAX_SQL_BYTES) throw new D1LimitError('sql-bytes', bytes, D1_MAX_SQL_BYTES);
}

function checkParameters(values: readonly unknown[]): void {
  if (values.length > D1_MAX_BOUND_PARAMETERS) {
    throw new D1LimitError('bound-parameters', values.length, D1_MAX_BOUND_PARAMETERS);
  }
}

/** Guarded statements, to hand the real ones to `batch()`. */
const originals = new WeakMap<D1PreparedStatement, D1PreparedStatement>();

function unwrap(statement: D1PreparedStatement): D1PreparedStatement {
  return originals.get(statement) ?? statement;
}

function guardStatement(statement: D1PreparedStatement): D1PreparedStatement {
  const guarded = new Proxy(statement, {
    get(target, property) {
      if (property === 'bind') {
        return function bind(...values: unknown[]): D1PreparedStatement {
          checkParameters(values);
          return guardStatement(target.bind(...values));
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
  originals.set(guarded, statement);
  return guarded;
}

interface Preparer {
  prepare(query: string): D1PreparedStatement;
  batch<T = unknown>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]>;
}

function guardPreparer<P extends Preparer>(target: P, property: string | symbol): unknown {
  if (property === 'prepare') {
    return function prepare(query: string): D1PreparedStatement {
      checkSql(query);
      return guardStatement(target.prepare(query));
    };
  }
  if (property === 'batch') {
    return function batch<T>(statements: D1PreparedStatement[]): Promise<D1Result<T>[]> {
      return target.batch<T>(statements.map(unwrap));
    };
  }
  return undefined;
}

/** env.DB as the app uses it: same API, but a statement over D1's limits throws D1LimitError. */
export function withD1Limits(db: D1Database): D1Database {
  return new Proxy(db, {
    get(target, property) {
      const guarded = guardPreparer(target, property);
      if (guarded !== undefined) return guarded;
      if (property === 'exec') {
        // exec() runs a whole script; the script as a whole is held to the per-statement limit.
        return async function exec(query: string): Promise<D1ExecResult> {
          checkSql(query);
          return target.exec(query);
        };
      }
      if (property === 'withSession') {
        return function withSession(constraint?: string): D1DatabaseSession {
          const session = target.withSession(constraint);
          return new Proxy(session, {
            get(inner, innerProperty) {
              const guardedInner = guardPreparer(inner, innerProperty);
              if (guardedInner !== undefined) return guardedInner;
              const value: unknown = Reflect.get(inner, innerProperty, inner);
              return typeof value === 'function' ? value.bind(inner) : value;
            },
          });
        };
      }
      const value: unknown = Reflect.get(target, property, target);
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
