/**
 * A tiny `Result` type for expected failures (bad input, refused transitions).
 *
 * Why not exceptions: parsing a pasted grid cell or checking whether a button may be enabled is
 * ordinary control flow, and the caller must handle the failure branch; the type system forces
 * it. Unexpected failures (programming errors) still throw.
 */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** Builds the success branch of a {@link Result}. */
export function ok<T>(value: T): { readonly ok: true; readonly value: T } {
  return { ok: true, value };
}

/** Builds the failure branch of a {@link Result}. */
export function err<E>(error: E): { readonly ok: false; readonly error: E } {
  return { ok: false, error };
}

/**
 * Compile-time exhaustiveness guard for `switch` statements over closed unions: adding a member to
 * the union makes every switch that forgot it fail to type-check.
 */
export function assertNever(value: never, what = 'value'): never {
  throw new Error(`Unexpected ${what}: ${String(value)}`);
}
