// Operation names a user can guess from the request line: the verb, from the
// method or from the action the path calls, then the resource the path
// addresses, after the resource it belongs to (`GET /groups/{id}/members` →
// `listGroupMembers`, `POST /users/{id}/assignLicense` → `assignUserLicense`).
// A name depends on the page's own method, path and title only, so adding a
// page never renames another; a clash that remains is numbered, the plainer
// path first, then by file. README ("Request builders") states the rule.
import { singular } from '../parse/words.js';
import type { Diagnostic, HttpMethod, Operation, OperationPath } from './types.js';

/** What a name is made from. */
export type Nameable = Pick<Operation, 'title' | 'method' | 'paths' | 'response'>;

export function uniqueOperationNames(operations: Operation[], report: (diagnostic: Diagnostic) => void): Operation[] {
  const taken = new Set<string>();
  const count = new Map<string, number>();
  for (const operation of operations) count.set(operation.name.toLowerCase(), (count.get(operation.name.toLowerCase()) ?? 0) + 1);
  // The plainer path keeps the bare name (`/users` before `/education/users`), then the earlier file.
  const byPath = [...operations].sort((a, b) => (a.paths[0]?.segments.length ?? 0) - (b.paths[0]?.segments.length ?? 0));
  for (const operation of byPath) {
    const base = operation.name;
    let name = base;
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    taken.add(name.toLowerCase());
    if (name === base) continue;
    report({
      code: 'operation-name',
      severity: 'warning',
      message: `${count.get(base.toLowerCase())} pages yield the operation name \`${base}\` (the same verb and resource), and nothing in their paths tells this one apart; it is named \`${name}\`.`,
      expected: 'one page per method and resource',
      found: JSON.stringify(operation.title),
      source: operation.source,
    });
    operation.name = name;
  }
  return operations;
}

/** A named segment of a path: `users`, `users/{id}` (keyed), `assignLicense` or `getX(a=1)` (a call). */
interface Step {
  name: string;
  keyed: boolean;
  call: boolean;
}

const METHOD_VERBS: Record<HttpMethod, { plain: string; ref: string }> = {
  GET: { plain: 'get', ref: 'get' },
  POST: { plain: 'create', ref: 'add' },
  PATCH: { plain: 'update', ref: 'update' },
  PUT: { plain: 'set', ref: 'set' },
  DELETE: { plain: 'delete', ref: 'remove' },
};

/**
 * The name: a verb, the resource the primary path addresses, and the resource
 * that one belongs to before it.
 *
 * - The verb is the action or function the path ends in, its first word
 *   first and the rest after the resource (`assign` … `License`; a function,
 *   called by GET, reads `get`): the path writes it (`f(…)`,
 *   `microsoft.graph.f`, `getX`, `add`, `remove`, `delta`), the title names
 *   it (`user: assignLicense`, `assign action`, `Archive team`), or a POST
 *   goes to a singular name after an item's key (`/teams/{id}/archive`).
 *   Otherwise it is the method's: `list` (a GET returning a collection),
 *   `get`, `create`, `update`, `set` (PUT), `delete`; on `$ref`, `add` and
 *   `remove`.
 * - The resource is the last named segment (for an action, the one it is
 *   bound to), singular where the path picks one item (`users/{id}`) or
 *   creates one; `$value` adds `Content`, `$count` `Count`. Where the title
 *   names a documented type after its verb (`Get androidLobApp`, `List users`),
 *   that name is the resource: many Intune types share one collection.
 * - The resource it belongs to is the named segment before it (`/me` reads
 *   `My`), unless that is the service root the path starts from
 *   (`/deviceManagement`, `/education`).
 *
 * Words said twice are said once (`Drive` + `DriveItem` → `DriveItem`);
 * articles never occur. `isType`: whether a name (any letter case) is a documented type.
 */
export function operationName(operation: Nameable, isType: (name: string) => boolean): string {
  const { steps, ref, suffix } = readSteps(operation.paths[0]);
  const last = steps.at(-1);
  if (last && !last.keyed && (last.call || titleCalls(operation.title, last.name) || collectionAction(last) || itemAction(operation, last))) {
    const [verb, rest] = operation.method === 'GET' ? ['get', words(last.name.replace(/^get(?=[A-Z0-9])/, ''))] : splitVerb(last.name);
    return compose(verb, [ownerWord(steps, steps.length - 3), targetWord(steps.at(-2), false, rest !== ''), rest]);
  }
  const method = METHOD_VERBS[operation.method];
  const listed = operation.response.body?.collection || /^list\b/i.test(operation.title.trim());
  const verb = operation.method === 'GET' && listed ? 'list' : ref ? method.ref : method.plain;
  const object = titleResource(operation.title, operation.method, isType) ?? targetWord(last, verb === 'create' || verb === 'add', false);
  return compose(verb, [ownerWord(steps, steps.length - 2), object, suffix]);
}

function readSteps(path: OperationPath | undefined): { steps: Step[]; ref: boolean; suffix: string } {
  const steps: Step[] = [];
  let ref = false;
  let suffix = '';
  for (const parts of path?.segments ?? []) {
    const text = parts
      .map((part) => (part.kind === 'literal' ? part.text : '{}'))
      .join('')
      .replace(/:$/, ''); // a drive path: `root:`, `{item-path}:`
    if (text === '$ref') ref = true;
    else if (text === '$value') suffix = 'Content';
    else if (text === '$count') suffix = 'Count';
    else if (/^\{\}$/.test(text) || text.startsWith('$')) {
      if (text === '{}' && steps.length > 0) steps.at(-1)!.keyed = true;
    } else {
      // `items('{id}')` picks an item; `getX(a=1)`, `delta()` call a function.
      const called = /^([^(]*)\((.*)\)$/.exec(text);
      const qualified = called ? called[1]! : text;
      const name = qualified.slice(qualified.lastIndexOf('.') + 1);
      const keyedByParens = called !== null && called[2] !== '' && !called[2]!.includes('=');
      steps.push({ name, keyed: keyedByParens, call: (called !== null && !keyedByParens) || qualified.includes('.') });
    }
  }
  return { steps, ref, suffix };
}

/** The title names the last segment as its action: `user: assignLicense`, `Assign license`, `assignLicense action`, `Reset accessReview` (`resetDecisions`). */
function titleCalls(title: string, name: string): boolean {
  const colon = /:\s*([A-Za-z][\w.]*)\s*$/.exec(title.replace(/\([^)]*\)/g, '').trim());
  if (colon) return colon[1]!.slice(colon[1]!.lastIndexOf('.') + 1).toLowerCase() === name.toLowerCase();
  const words = titleWords(title);
  const verb = words[0]?.toLowerCase() ?? '';
  const named = words.some((word, index) => word.toLowerCase() === name.toLowerCase() && /^(?:action|function)$/i.test(words[index + 1] ?? ''));
  return named || words.join('').toLowerCase().startsWith(name.toLowerCase()) || (verb !== '' && new RegExp(`^${verb}(?:[A-Z0-9]|$)`).test(name));
}

/** `POST /teams/{id}/archive`: a singular name right after an item's key is something the item does, unless the title creates, adds or grants (`/items/{id}/children`). */
function itemAction(operation: Nameable, last: Step): boolean {
  const afterKey = operation.paths[0]?.segments.at(-2)?.every((part) => part.kind === 'parameter') === true;
  return operation.method === 'POST' && afterKey && !/s$|^children$/.test(last.name) && !/^(?:create|add|grant)\b/i.test(operation.title.trim());
}

/** `/tables/add`, `/followedSites/remove`, `/users/delta`: the actions Graph binds to a whole collection; and any `getX`. */
function collectionAction(step: Step): boolean {
  return /^(?:add|remove|delta)$|^get[A-Z0-9]/.test(step.name);
}

/** A title's words without parentheses and articles: "Get a user (deprecated)" → Get, user. */
function titleWords(title: string): string[] {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .split(/[^A-Za-z0-9]+/)
    .filter((word) => word !== '' && !/^(?:a|an|the)$/i.test(word));
}

// Title verbs that say what the method says, so the words after them name the resource ("Update teamsApp" by POST does not).
const TITLE_VERBS: Record<HttpMethod, string[]> = {
  GET: ['get', 'list', 'retrieve'],
  POST: ['create', 'add'],
  PATCH: ['update'],
  PUT: ['update', 'create', 'replace', 'upsert', 'set', 'add'],
  DELETE: ['delete', 'remove'],
};

/** `Get androidLobApp` → `AndroidLobApp`, `List users` → `Users`: the words after the verb, when they spell a documented type (or its plural). */
function titleResource(title: string, method: HttpMethod, isType: (name: string) => boolean): string | undefined {
  const [verb = '', ...words] = titleWords(title);
  if (title.includes(':') || !TITLE_VERBS[method].includes(verb.toLowerCase())) return undefined;
  const joined = words.map(pascal).join('');
  return joined !== '' && (isType(joined) || isType(singular(joined))) ? joined : undefined;
}

/** The resource a name is about: singular where one item is meant; `me` reads `My` before more words. */
function targetWord(step: Step | undefined, one: boolean, more: boolean): string {
  if (!step) return '';
  if (step.name === 'me') return more ? 'My' : 'Me';
  return words(step.keyed || one ? singular(step.name) : step.name);
}

/** The resource the target belongs to: none for the service root a path starts from, `My` for `/me`. */
function ownerWord(steps: Step[], index: number): string {
  const step = steps[index];
  if (!step) return '';
  if (step.name === 'me') return 'My';
  if (index === 0 && !step.keyed) return '';
  return words(step.keyed ? singular(step.name) : step.name);
}

/** `assignLicense` → `assign`, `License`; `ItemAt` → `item`, `At`. */
function splitVerb(name: string): [string, string] {
  const head = /^[A-Za-z0-9][a-z0-9]*/.exec(name)?.[0] ?? '';
  return [head.toLowerCase(), words(name.slice(head.length))];
}

/** A name that would not start with a letter (a call named `3dView`) starts with `operation`, as an identifier must. */
function compose(verb: string, parts: string[]): string {
  const name = verb + parts.reduce(overlapped, '');
  return /^[a-z]/.test(name) ? name : `operation${pascal(name)}`;
}

/** `UserFlow` + `UserFlowLanguages` → `UserFlowLanguages`; `B2cUserFlow` + `UserFlowLanguages` → `B2cUserFlowLanguages`: words said twice are said once. */
function overlapped(before: string, next: string): string {
  const head = before.match(/[A-Z0-9][a-z0-9]*/g) ?? [];
  const tail = next.match(/[A-Z0-9][a-z0-9]*/g) ?? [];
  for (let k = Math.min(head.length, tail.length); k > 0; k--) {
    if (head.slice(-k).join('') === tail.slice(0, k).join('')) return before + next.slice(tail.slice(0, k).join('').length);
  }
  return before + next;
}

/** `b2cUserFlows` → `B2cUserFlows`, `item-path` → `ItemPath`. */
function words(text: string): string {
  return text
    .split(/[^A-Za-z0-9]+/)
    .map(pascal)
    .join('');
}

function pascal(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}
