// `check`: what is on disk against what docgen would write, as unified diffs.
import { createTwoFilesPatch } from 'diff';

export type Drift = { file: string; kind: 'changed' | 'missing' | 'extra'; patch: string };

export function compareOutput(expected: Map<string, string>, actual: Map<string, string>): Drift[] {
  const files = [...new Set([...expected.keys(), ...actual.keys()])].sort();
  const drift: Drift[] = [];
  for (const file of files) {
    const want = expected.get(file);
    const have = actual.get(file);
    if (want === have) continue;
    const kind = want === undefined ? 'extra' : have === undefined ? 'missing' : 'changed';
    const patch = createTwoFilesPatch(
      have === undefined ? '/dev/null' : `a/${file}`,
      want === undefined ? '/dev/null' : `b/${file}`,
      have ?? '',
      want ?? '',
      undefined,
      undefined,
      { context: 3 },
    ).replace(/^=+\n/, ''); // keep git's layout: the patch starts at its `---` line
    drift.push({ file, kind, patch });
  }
  return drift;
}

export function driftSummary(drift: Drift[]): string {
  if (drift.length === 0) return 'docgen check: the output is up to date.';
  const count = (kind: Drift['kind']) => drift.filter((item) => item.kind === kind).length;
  return (
    `docgen check: ${drift.length} file${drift.length === 1 ? '' : 's'} differ from what the docs produce ` +
    `(${count('changed')} changed, ${count('missing')} missing, ${count('extra')} extra). Run \`docgen generate\` to update them.`
  );
}
