import { isAlias, isCollection, isPair, isScalar } from 'yaml';
import { MAX_ANCHORS } from './bounded-load.js';
import type { Document, Node } from 'yaml';

/**
 * How large a document may grow once its aliases are expanded. A file of 1.4 MB that names one
 * long string 999 times (under the count limit) would otherwise grow to gigabytes in memory; the
 * expanded size is held to what a ladder file itself may be.
 */
export const MAX_EXPANDED_CHARS = 16 * 1024 * 1024;

/**
 * The offset of the first alias at which the document, expanded, passes MAX_EXPANDED_CHARS, or
 * undefined when it stays within it. Each anchored node's size is worked out once, so the check
 * is linear in the document however the aliases nest.
 */
export function aliasPastLimit(doc: Document): number | undefined {
  const sizes = new Map<unknown, number>();
  const sizeOf = (node: unknown): number => {
    const known = sizes.get(node);
    if (known !== undefined) return known;
    let size = 0;
    if (isAlias(node)) size = sizeOf(node.resolve(doc));
    else if (isScalar(node)) size = (node.range?.[1] ?? 0) - (node.range?.[0] ?? 0) + 1;
    else if (isCollection(node)) for (const item of node.items) size += isPair(item) ? sizeOf(item.key) + sizeOf(item.value) : sizeOf(item);
    sizes.set(node, size);
    return size;
  };
  // In document order: the running total says which alias crosses the limit.
  let total = 0;
  let crossing: number | undefined;
  const walk = (node: unknown): void => {
    if (crossing !== undefined || node === null || node === undefined) return;
    if (isAlias(node)) {
      total += sizeOf(node);
      if (total > MAX_EXPANDED_CHARS) crossing = (node as Node).range?.[0] ?? 0;
    } else if (isScalar(node)) {
      total += sizeOf(node);
    } else if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else {
          walk(item);
        }
      }
    }
  };
  walk(doc.contents);
  return crossing;
}

/** The offset of the first anchor past MAX_ANCHORS (its `&`), in document order, or undefined. */
export function anchorPastLimit(doc: Document, text: string): number | undefined {
  let anchors = 0;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isScalar(node) || isCollection(node)) {
      if (node.anchor && ++anchors > MAX_ANCHORS) {
        // A node's range starts at its value, after the anchor and any tag.
        const start = node.range?.[0] ?? 0;
        const at = text.lastIndexOf(`&${node.anchor}`, start);
        return at === -1 ? start : at;
      }
      if (isCollection(node)) for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]);
    } else if (isPair(node)) stack.push(node.value, node.key);
  }
  return undefined;
}
