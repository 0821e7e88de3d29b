/**
 * List helpers for lists of any length. Spreading a list into a call (`out.push(...items)`,
 * `Math.max(...values)`) passes each item as an argument on the stack, and some 100,000 of them
 * (the aliases of one level, the paragraphs of one description) overflow it.
 */

/** Appends every item to `target`, and returns it. */
export function pushAll<T>(target: T[], items: Iterable<T>): T[] {
  for (const item of items) target.push(item);
  return target;
}

/** The largest of `values`, or `floor` when none is larger. */
export function maxOf(values: Iterable<number>, floor = -Infinity): number {
  let largest = floor;
  for (const value of values) if (value > largest) largest = value;
  return largest;
}

/** The smallest of `values`, or `ceiling` when none is smaller. */
export function minOf(values: Iterable<number>, ceiling = Infinity): number {
  let smallest = ceiling;
  for (const value of values) if (value < smallest) smallest = value;
  return smallest;
}
