// `docgen check --format text`: a unified diff per drifted file in git's layout
// (`a/` the output folder, `b/` what the docs produce), coloured when asked to.
import { createTwoFilesPatch } from 'diff';
import pc from 'picocolors';
import type { FileDrift } from '../write/compareOutput.js';

export function formatText(drift: readonly FileDrift[], colour: boolean): string {
  const colours = pc.createColors(colour);
  return drift.map((item) => colourPatch(unifiedDiff(item), colours)).join('');
}

function unifiedDiff({ file, onDisk, fromDocs }: FileDrift): string {
  return createTwoFilesPatch(
    onDisk === undefined ? '/dev/null' : `a/${file}`,
    fromDocs === undefined ? '/dev/null' : `b/${file}`,
    onDisk ?? '',
    fromDocs ?? '',
    undefined,
    undefined,
    { context: 3 },
  ).replace(/^=+\n/, ''); // keep git's layout: the patch starts at its `---` line
}

/** git's colours: bold file names, cyan hunk headers, red and green lines. The first two lines are the names. */
function colourPatch(patch: string, colours: ReturnType<typeof pc.createColors>): string {
  return patch
    .split('\n')
    .map((line, index) => {
      if (index < 2) return colours.bold(line);
      if (line.startsWith('@@')) return colours.cyan(line);
      if (line.startsWith('+')) return colours.green(line);
      if (line.startsWith('-')) return colours.red(line);
      return line;
    })
    .join('\n');
}
