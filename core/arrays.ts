/**
 * `xs.map(f)` as an array built by push. Array.prototype.map makes its result with `new Array(n)`
 * when it runs in the interpreter and otherwise when the JIT has inlined it into its caller, so
 * the same array reaches a hot loop with two hidden classes: each loop compiled for the first was
 * thrown away on meeting the second ("wrong map", node --trace-deopt) and compiled again. In a
 * batch of 1.000 schedules that was four deoptimisations and three more compilations of the
 * schedule's loops (issue 22). An array made by push has one hidden class however it was made.
 */
export function mapPacked<T, U>(xs: readonly T[], f: (x: T, i: number) => U): U[] {
  const out: U[] = [];
  for (let i = 0; i < xs.length; i += 1) out.push(f(xs[i]!, i));
  return out;
}
