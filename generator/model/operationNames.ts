// Operation names a user can guess from the request line: the verb, from the
// method or from the action the path calls, then the resource the path
// addresses, after the resource it belongs to (`GET /groups/{id}/members` →
// `listGroupMembers`, `POST /users/{id}/assignLicense` → `assignUserLicense`).
// A name depends on the page's own method, path and title only, until two
// clash: then the plainer path keeps it and the other names more of its path
// (`listEducationUsers`); only a clash the paths cannot settle is numbered.
// README ("Request builders") states the rule.
import { singular } from '../parse/words.js';
import { endpointKey } from './paths.js';
import type { Diagnostic, HttpMethod, Operation, OperationPath } from './types.js';

/** What a name is made from. */
export type Nameable = Pick<Operation, 'title' | 'method' | 'paths' | 'response'>;

/**
 * Names unique in the model. Where pages yield one name, the plainer path
 * keeps it (`/users` before `/education/users`, then the page that names more
 * of what it sends and returns, then the earlier file); each
 * other one names more of the resources its path goes through
 * (`listEducationUsers`, `createTermStoreGroup`), at last after the target
 * and `Of` (`listControlsOfProgram`, where `/programControls` has
 * `listProgramControls`). Only where its path has no more to say is a name
 * numbered.
 */
export function uniqueOperationNames(operations: Operation[], isType: (name: string) => boolean, report: (diagnostic: Diagnostic) => void): Operation[] {
  // Each name taken, to the route (a fixed query string aside) of the operation that took it.
  const taken = new Map<string, string>();
  const route = (operation: Operation) => (operation.paths[0] ? endpointKey(operation.method, operation.paths[0]).replace(/\?.*/, '') : '');
  const count = new Map<string, number>();
  for (const operation of operations) count.set(operation.name.toLowerCase(), (count.get(operation.name.toLowerCase()) ?? 0) + 1);
  // On one route, the page that names what it sends and returns keeps the name (`user-post-messages.md` before a page that posts extended properties to `/me/messages`).
  const byPath = [...operations].sort((a, b) => (a.paths[0]?.segments.length ?? 0) - (b.paths[0]?.segments.length ?? 0) || documented(b) - documented(a));
  for (const operation of byPath) {
    const base = operation.name;
    let name = base;
    // Two requests the docs put on one route: nothing in the path tells them apart.
    const sameRoute = taken.get(name.toLowerCase()) === route(operation);
    for (let reach = 2; !sameRoute && taken.has(name.toLowerCase()) && reach <= (operation.paths[0]?.segments.length ?? 0); reach++) name = operationName(operation, isType, reach);
    if (!sameRoute && taken.has(name.toLowerCase())) name = operationName(operation, isType, Infinity);
    for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${base}${n}`;
    taken.set(name.toLowerCase(), route(operation));
    if (name === base) continue;
    const numbered = name.startsWith(base) && /^\d+$/.test(name.slice(base.length));
    report({
      code: 'operation-name',
      severity: numbered ? 'warning' : 'info',
      message: numbered
        ? `${count.get(base.toLowerCase())} pages yield the operation name \`${base}\` (the same verb and resource), and nothing in their paths tells this one apart; it is named \`${name}\`.`
        : `${count.get(base.toLowerCase())} pages yield the operation name \`${base}\`; a plainer path keeps it, and this one names more of its path: \`${name}\`.`,
      expected: 'one page per method and resource',
      found: JSON.stringify(operation.title),
      source: operation.source,
    });
    operation.name = name;
  }
  return operations;
}

/** How many of the body and the response are a documented type or a table: how fully a page documents its request. */
export function documented(operation: Operation): number {
  const body = operation.body.kind === 'properties' || (operation.body.kind === 'type' && operation.body.type.kind === 'named');
  return Number(body) + Number(operation.response.body?.type.kind === 'named');
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
 * `reach`: how many resources before the target a clash asks to name;
 * `Infinity` names them all after the target and `Of`, every word kept.
 */
export function operationName(operation: Nameable, isType: (name: string) => boolean, reach = 1): string {
  const { steps, ref, suffix } = readSteps(operation.paths[0]);
  const last = steps.at(-1);
  if (last && !last.keyed && (last.call || titleCalls(operation.title, last.name) || collectionAction(last) || itemAction(operation, last))) {
    const [verb, rest] = operation.method === 'GET' ? ['get', words(last.name.replace(/^get(?=[A-Z0-9])/, ''))] : splitVerb(last.name);
    return compose(verb, [targetWord(steps.at(-2), false, rest !== ''), rest], ownerWords(steps, steps.length - 3, reach), reach === Infinity);
  }
  const method = METHOD_VERBS[operation.method];
  const listed = operation.response.body?.collection || /^list\b/i.test(operation.title.trim());
  const verb = operation.method === 'GET' && listed ? 'list' : ref ? method.ref : method.plain;
  const object = titleResource(operation.title, operation.method, isType) ?? targetWord(last, verb === 'create' || verb === 'add', false);
  return compose(verb, [object, suffix], ownerWords(steps, steps.length - 2, reach), reach === Infinity);
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

/**
 * The resources the target belongs to: `reach` named segments before it (one,
 * unless a clash asks for more); the service root a path starts from is left
 * out at a reach of one, and `/me` reads `My`.
 */
function ownerWords(steps: Step[], index: number, reach: number): string[] {
  const owners: string[] = [];
  for (let at = Math.max(0, index - reach + 1); at <= index; at++) {
    const step = steps[at]!;
    if (step.name === 'me') owners.push('My');
    else if (at > 0 || step.keyed || reach > 1) owners.push(words(step.keyed ? singular(step.name) : step.name));
  }
  return owners;
}

/** `assignLicense` → `assign`, `License`; `ItemAt` → `item`, `At`. */
function splitVerb(name: string): [string, string] {
  const head = /^[A-Za-z0-9][a-z0-9]*/.exec(name)?.[0] ?? '';
  return [head.toLowerCase(), words(name.slice(head.length))];
}

/** A name that would not start with a letter (a call named `3dView`) starts with `operation`, as an identifier must. */
function compose(verb: string, target: string[], owners: string[], of: boolean): string {
  // `of`: the target, then `Of` and its owners from the nearest, every word kept (`listControlsOfProgram`, where `listProgramControls` is `/programControls`'s).
  const parts = of ? [...target, ...(owners.length ? ['Of', ...owners.reverse()] : [])] : [...owners, ...target];
  const name = verb + (of ? parts.join('') : parts.reduce(overlapped, ''));
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
