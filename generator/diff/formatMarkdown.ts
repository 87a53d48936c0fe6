// A model diff as a release-notes section: the suggested bump, the counts,
// then the breaking changes and the other changes, one heading per type or
// operation, one line per change with the page that says so.
import type { Change, ModelDiff, Subject } from './compareModels.js';
import { RULES, type RuleId } from './rules.js';

export function formatMarkdown(diff: ModelDiff): string {
  const { breaking, nonBreaking, byRule } = diff.summary;
  const out = ['## API changes', ''];
  if (diff.changes.length === 0) return [...out, 'Suggested version bump: **none**. The two models describe the same API.', ''].join('\n');
  out.push(`Suggested version bump: **${diff.bump}**. ${plural(breaking, 'breaking change')}, ${plural(nonBreaking, 'other change')}.`, '');
  out.push('| Change | Bump | Count |', '|:---|:---|---:|');
  for (const [rule, count] of Object.entries(byRule) as Array<[RuleId, number]>) out.push(`| \`${rule}\` | ${RULES[rule].bump} | ${count} |`);
  out.push('');
  for (const [title, changes] of [
    ['Breaking changes', diff.changes.filter((c) => c.breaking)],
    ['Other changes', diff.changes.filter((c) => !c.breaking)],
  ] as const) {
    if (changes.length === 0) continue;
    out.push(`### ${title}`, '');
    let heading = '';
    for (const change of changes) {
      const next = subjectHeading(change.subject);
      if (next !== heading) out.push(...(heading ? [''] : []), `#### ${next}`, '');
      heading = next;
      out.push(`- ${changeLine(change)}`);
    }
    out.push('');
  }
  return out.join('\n');
}

function subjectHeading(subject: Subject): string {
  return subject.kind === 'type' ? `Type ${code(subject.name)}` : `${code(`${subject.method} ${subject.path}`)} (${code(subject.name)})`;
}

const ITEM_LABELS = {
  property: 'Property',
  member: 'Member',
  parameter: 'Parameter',
  'body parameter': 'Body parameter',
  path: 'Path',
  'request body': 'Request body',
  response: 'Response',
} as const;

/** Property `x` type changed from `Int32` to `String` — `resources/x.md:12` */
function changeLine(change: Change): string {
  const { item, source } = change;
  const text = RULES[change.rule].text.replace(/\{(from|to)\}/g, (_, key: 'from' | 'to') => code(change[key] ?? '?'));
  const what = item ? `${ITEM_LABELS[item.kind]}${item.name === undefined ? '' : ` ${code(item.name)}`} ${text}` : text.charAt(0).toUpperCase() + text.slice(1);
  return `${what} — ${code(`${source.file}:${source.line}`)}`;
}

/** A code span that holds any text: a fence longer than any run of backticks in it, on one line. */
export function code(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  const longest = Math.max(0, ...(flat.match(/`+/g) ?? []).map((run) => run.length));
  const fence = '`'.repeat(longest + 1);
  const pad = flat.startsWith('`') || flat.endsWith('`') ? ' ' : '';
  return `${fence}${pad}${flat}${pad}${fence}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
