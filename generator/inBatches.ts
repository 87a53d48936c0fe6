// Many small file operations (reads, stats) side by side, but not all at once:
// thousands of them one after another wait on each other, all at once exhaust file handles.

/** `work` over every item, a batch at a time; results in the items' order. */
export async function inBatches<T, R>(items: readonly T[], work: (item: T) => Promise<R>, size = 64): Promise<R[]> {
  const results: R[] = [];
  for (let start = 0; start < items.length; start += size) results.push(...(await Promise.all(items.slice(start, start + size).map(work))));
  return results;
}
