// `check`: which files of the output folder differ from what docgen would write now.

/**
 * How a file (or declaration, or member) drifted, read as what `docgen generate` would do:
 * `added` — the docs produce it and the output folder lacks it;
 * `removed` — the output folder has it and the docs no longer produce it;
 * `changed` — both have it, and they differ.
 */
export type Change = 'changed' | 'added' | 'removed';

export interface FileDrift {
  /** Output-relative POSIX path. */
  file: string;
  change: Change;
  /** The file as it is in the output folder; absent when added. */
  onDisk?: string;
  /** The file as the docs produce it; absent when removed. */
  fromDocs?: string;
}

/** Every file that differs, sorted by path. */
export function compareOutput(fromDocs: ReadonlyMap<string, string>, onDisk: ReadonlyMap<string, string>): FileDrift[] {
  const files = [...new Set([...fromDocs.keys(), ...onDisk.keys()])].sort();
  const drift: FileDrift[] = [];
  for (const file of files) {
    const want = fromDocs.get(file);
    const have = onDisk.get(file);
    if (want === have) continue;
    const change = have === undefined ? 'added' : want === undefined ? 'removed' : 'changed';
    const item: FileDrift = { file, change };
    if (have !== undefined) item.onDisk = have;
    if (want !== undefined) item.fromDocs = want;
    drift.push(item);
  }
  return drift;
}

export function countChanges(drift: readonly FileDrift[]): Record<Change, number> {
  const count = (change: Change) => drift.filter((item) => item.change === change).length;
  return { changed: count('changed'), added: count('added'), removed: count('removed') };
}

export function driftSummary(drift: readonly FileDrift[]): string {
  if (drift.length === 0) return 'docgen check: the output is up to date.';
  const { changed, added, removed } = countChanges(drift);
  return (
    `docgen check: ${drift.length} file${drift.length === 1 ? '' : 's'} differ from what the docs produce ` +
    `(${changed} changed, ${added} added, ${removed} removed). Run \`docgen generate\` to update them.`
  );
}
