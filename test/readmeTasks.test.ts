// The README's "Tasks, start to finish" (issue 19): its TypeScript blocks, exactly as written, compiled under
// strict and the careful consumer's flags, and run against a local server that answers as Graph would.
//
// The rule for finding the code: every ```ts block between the line `### Tasks, start to finish` and the next
// heading of level 1 to 3 (outside code), joined in order into one module, `tasks.ts`, beside an SDK generated
// from test/fixtures/tasks into `sdk/`. The only lines the test adds are the two the section says are yours,
// put before the README's code:
//
//   const baseUrl = '<this server>/v1.0';
//   const token = 'test-token';
//
// plus a package.json ({"type": "module"}) so that Node runs the emitted JavaScript as ES modules. The module
// is compiled with Node's typings (the README's code prints with `console`), emitted, and run by `node` in a
// child process; the test checks what the server received (methods, URLs with $select, bodies, headers) and
// what the code printed.
import { execFile } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './helpers/cli.js';
import { json, type Reply, type Seen, startServer, type TestServer } from './helpers/httpServer.js';
import { PROJECT } from './helpers/paths.js';
import { scratchFolders } from './helpers/scratch.js';
import { CONSUMER_FLAGS, STRICT_OPTIONS } from './helpers/strictOptions.js';

const FIXTURE = path.join(PROJECT, 'test', 'fixtures', 'tasks');
const HEADING = '### Tasks, start to finish';
const TOKEN = 'test-token';
const GROUP = '02bd9fd6-8f93-4758-87c3-1fb73740a315';
const FOLDER = '01BYE5RZ6QN3ZWBTUFOFD3GSPGOHDJD36K';
const NOT_FOUND_REQUEST_ID = '5c1d9a4e-7b3f-4e2a-9d8c-1f0e2b3a4c5d';

/** The ```ts blocks under HEADING, up to the next heading of level 1–3 that is not inside a code fence. */
function taskBlocks(readme: string): string[] {
  const lines = readme.split('\n');
  const start = lines.indexOf(HEADING);
  if (start === -1) throw new Error(`README.md has no line "${HEADING}"`);
  const blocks: string[] = [];
  let fence: { ts: boolean; lines: string[] } | undefined;
  for (const line of lines.slice(start + 1)) {
    if (fence) {
      if (/^```\s*$/.test(line)) {
        if (fence.ts) blocks.push(fence.lines.join('\n'));
        fence = undefined;
      } else fence.lines.push(line);
    } else if (/^```/.test(line)) fence = { ts: /^```ts\s*$/.test(line), lines: [] };
    else if (/^#{1,3} /.test(line)) break;
  }
  if (fence) throw new Error('an unclosed code fence under the tasks heading');
  return blocks;
}

/** What the server received, as the assertions read it. */
interface Wire {
  method: string;
  url: string;
  authorization: string | undefined;
  accept: string | undefined;
  contentType: string | undefined;
  body: string;
}

const user = (id: string, displayName: string, more: object = {}) => ({ '@odata.type': '#microsoft.graph.user', id, displayName, ...more });
const INES = '4f1c2a3b-5d6e-4f70-8192-a3b4c5d6e7f8';
const TOMASZ = '9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d';
const AROHA = '1b2c3d4e-5f60-4718-8293-a4b5c6d7e8f9';

/** Graph's answers, by method and URL (as the client sends it: `@` in a key percent-encoded). */
function graph(origin: string): (request: Seen, tries: Map<string, number>) => Reply {
  const base = `${origin}/v1.0`;
  return ({ method, url, body }, tries) => {
    const key = `${method} ${url}`;
    const count = (tries.get(key) ?? 0) + 1;
    tries.set(key, count);
    switch (key) {
      case 'GET /v1.0/me?$select=displayName,jobTitle':
        return json(200, { '@odata.context': `${base}/$metadata#users(displayName,jobTitle)/$entity`, displayName: 'Ines Okafor', jobTitle: 'Ferry dispatcher' });
      case 'GET /v1.0/users?$select=id,displayName&$top=2':
        return json(200, {
          '@odata.nextLink': `${base}/users?$select=id,displayName&$top=2&$skiptoken=page2`,
          value: [user(INES, 'Ines Okafor'), user(TOMASZ, 'Tomasz Lindqvist')],
        });
      case 'GET /v1.0/users?$select=id,displayName&$top=2&$skiptoken=page2':
        return json(200, { value: [user(AROHA, 'Aroha Ngata')] });
      case 'PATCH /v1.0/users/ines%40contoso.com':
        return { status: 204 };
      case 'POST /v1.0/me/sendMail':
        return { status: 202 };
      case `GET /v1.0/groups/${GROUP}/members`:
        return json(200, {
          value: [
            user(INES, 'Ines Okafor', { userPrincipalName: 'ines@contoso.com' }),
            { '@odata.type': '#microsoft.graph.group', id: '7e6d5c4b-3a29-4817-a6f5-e4d3c2b1a098', displayName: 'Harbour crew', mail: 'crew@contoso.com' },
            // A kind the fixture does not document: the switch's default branch.
            { '@odata.type': '#microsoft.graph.servicePrincipal', id: '3c2b1a09-8f7e-4d6c-b5a4-938271605f4e' },
          ],
        });
      case `PUT /v1.0/me/drive/items/${FOLDER}:/Timetables/winter%202026.txt:/content`:
        return json(201, { '@odata.type': '#microsoft.graph.driveItem', id: '01BYE5RZ4WQ7H5GXJNKJAZ4HZ2LQ3OYBZ3', name: 'winter 2026.txt', size: Buffer.byteLength(body) });
      case 'GET /v1.0/users/delta?$select=displayName':
        return json(200, { '@odata.nextLink': `${base}/users/delta?$skiptoken=round1page2`, value: [user(INES, 'Ines Okafor')] });
      case 'GET /v1.0/users/delta?$skiptoken=round1page2':
        return json(200, { '@odata.deltaLink': `${base}/users/delta?$deltatoken=round2`, value: [user(TOMASZ, 'Tomasz Lindqvist')] });
      case 'GET /v1.0/users/delta?$deltatoken=round2':
        return json(200, { '@odata.deltaLink': `${base}/users/delta?$deltatoken=round3`, value: [user(AROHA, 'Aroha Ngata')] });
      case 'GET /v1.0/users/nobody%40contoso.com':
        return json(
          404,
          { error: { code: 'Request_ResourceNotFound', message: "Resource 'nobody@contoso.com' does not exist.", innerError: { date: '2026-11-28T10:00:00', 'request-id': NOT_FOUND_REQUEST_ID } } },
          { 'request-id': NOT_FOUND_REQUEST_ID },
        );
      case 'GET /v1.0/users/tomasz%40contoso.com':
        return count === 1
          ? json(429, { error: { code: 'TooManyRequests', message: 'Too many requests.' } }, { 'Retry-After': '0' })
          : json(200, user(TOMASZ, 'Tomasz Lindqvist', { userPrincipalName: 'tomasz@contoso.com' }));
      case 'GET /v1.0/users/ines%40contoso.com':
        // The docs call otherMails not nullable: the validator rejects this body.
        return json(200, user(INES, 'Ines Okafor', { otherMails: null }));
      default:
        return json(400, { error: { code: 'test_unexpected_request', message: key } });
    }
  };
}

const scratch = scratchFolders();
let server: TestServer;
let work: string;
let wire: Wire[];
let blocks: string[];
let compileProblems: string[];
let run: { code: number; stdout: string; stderr: string } | undefined;

async function runNode(file: string): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [file], { timeout: 30_000 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof failed.code === 'number' ? failed.code : -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? String(error) };
  }
}

beforeAll(async () => {
  wire = [];
  const tries = new Map<string, number>();
  let answer: ((request: Seen, tries: Map<string, number>) => Reply) | undefined;
  server = await startServer((request) => {
    wire.push({
      method: request.method,
      url: request.url,
      authorization: request.headers.authorization,
      accept: request.headers.accept,
      contentType: request.headers['content-type'],
      body: request.body,
    });
    return answer!(request, tries);
  });
  answer = graph(server.origin);

  work = await scratch('docgen-readme-tasks-');
  const generated = await runCli('generate', '-i', FIXTURE, '-o', path.join(work, 'sdk'), '--no-cache', '-q');
  expect(generated.code, generated.stderr).toBe(0);

  blocks = taskBlocks(await readFile(path.join(PROJECT, 'README.md'), 'utf8'));
  const setUp = [`const baseUrl = '${server.origin}/v1.0';`, `const token = '${TOKEN}';`];
  const file = path.join(work, 'tasks.ts');
  await writeFile(file, [...setUp, '', ...blocks].join('\n'));
  await writeFile(path.join(work, 'package.json'), '{ "type": "module" }\n');

  const program = ts.createProgram([file], {
    ...STRICT_OPTIONS,
    ...CONSUMER_FLAGS,
    types: ['node'],
    typeRoots: [path.join(PROJECT, 'node_modules', '@types')],
    noEmit: false,
    rootDir: work,
    outDir: path.join(work, 'js'),
  });
  compileProblems = ts.getPreEmitDiagnostics(program).map((d) => {
    const where = d.file && d.start !== undefined ? `${path.relative(work, d.file.fileName)}:${d.file.getLineAndCharacterOfPosition(d.start).line + 1}` : '';
    return `${where}: TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`;
  });
  if (compileProblems.length) return;
  await mkdir(path.join(work, 'js'), { recursive: true });
  const emitted = program.emit();
  expect(emitted.emitSkipped).toBe(false);
  run = await runNode(path.join(work, 'js', 'tasks.js'));
}, 120_000);

afterAll(() => server?.close());

describe("README's tasks, start to finish", () => {
  it('finds the ten task blocks under the heading, each starting as the README shows', () => {
    expect(blocks.map((block) => block.split('\n')[0])).toEqual([
      "import { createClient, getUser, getUsersDelta, GraphError, listGroupMembers, listUsers, responseValidation, ResponseValidationError, sendMyMail, setItemContent, updateUser, validatorsByType, withUrl } from './sdk/index.js';",
      "const me = await graph.send(getUser({ query: { $select: ['displayName', 'jobTitle'] } }));",
      "for await (const user of graph.items(listUsers({ query: { $select: ['id', 'displayName'], $top: 2 } }))) {",
      "await graph.send(updateUser({ params: { idOrUserPrincipalName: 'ines@contoso.com' }, body: { jobTitle: 'Harbour master', otherMails: ['ines.okafor@fabrikam.com'] } }));",
      'await graph.send(',
      "for await (const member of graph.items(listGroupMembers({ params: { id: '02bd9fd6-8f93-4758-87c3-1fb73740a315' } }))) {",
      'const file = await graph.send(',
      "const delta = getUsersDelta({ query: { $select: ['displayName'] } });",
      'try {',
      'const checked = createClient({ baseUrl, getAccessToken: async () => token, validate: responseValidation(validatorsByType) });',
    ]);
  });

  it('compiles under strict and the consumer flags', () => {
    expect(compileProblems).toEqual([]);
  });

  it('runs to the end and prints what each task read', () => {
    expect(run, 'the module was not run: it did not compile').toBeDefined();
    expect(run!.stderr).toBe('');
    expect(run!.code).toBe(0);
    expect(run!.stdout.split('\n')).toEqual([
      'me: Ines Okafor, Ferry dispatcher',
      'user: Ines Okafor',
      'user: Tomasz Lindqvist',
      'user: Aroha Ngata',
      'member user: ines@contoso.com',
      'member group: crew@contoso.com',
      'member other: 3c2b1a09-8f7e-4d6c-b5a4-938271605f4e',
      'uploaded: winter 2026.txt, 38 bytes',
      'changed: Ines Okafor',
      'changed: Tomasz Lindqvist',
      'changed since: Aroha Ngata',
      `error: 404 Request_ResourceNotFound ${NOT_FOUND_REQUEST_ID}`,
      'attempt 0: 429',
      'attempt 1: 200',
      'after the retry: Tomasz Lindqvist',
      'invalid: /otherMails expected a value (the property is not nullable), found null',
      '',
    ]);
  });

  it('sends what Graph expects, in order: methods, URLs with $select, links followed as given', () => {
    expect(wire.map(({ method, url }) => `${method} ${url}`)).toEqual([
      'GET /v1.0/me?$select=displayName,jobTitle',
      'GET /v1.0/users?$select=id,displayName&$top=2',
      'GET /v1.0/users?$select=id,displayName&$top=2&$skiptoken=page2',
      'PATCH /v1.0/users/ines%40contoso.com',
      'POST /v1.0/me/sendMail',
      `GET /v1.0/groups/${GROUP}/members`,
      `PUT /v1.0/me/drive/items/${FOLDER}:/Timetables/winter%202026.txt:/content`,
      'GET /v1.0/users/delta?$select=displayName',
      'GET /v1.0/users/delta?$skiptoken=round1page2',
      'GET /v1.0/users/delta?$deltatoken=round2',
      'GET /v1.0/users/nobody%40contoso.com',
      'GET /v1.0/users/tomasz%40contoso.com',
      'GET /v1.0/users/tomasz%40contoso.com',
      'GET /v1.0/users/ines%40contoso.com',
    ]);
  });

  it('sends the token with every request, and JSON or the file as the body says', () => {
    expect(new Set(wire.map((request) => request.authorization))).toEqual(new Set([`Bearer ${TOKEN}`]));
    const withBody = wire.filter((request) => request.body !== '');
    expect(withBody.map(({ method, contentType }) => `${method} ${contentType}`)).toEqual(['PATCH application/json', 'POST application/json', 'PUT text/plain']);
    const [update, mail, upload] = withBody;
    expect(JSON.parse(update!.body)).toEqual({ jobTitle: 'Harbour master', otherMails: ['ines.okafor@fabrikam.com'] });
    expect(JSON.parse(mail!.body)).toEqual({
      message: {
        subject: 'Winter timetable',
        body: { contentType: 'text', content: 'The winter timetable starts on Monday.' },
        toRecipients: [{ emailAddress: { name: 'Tomasz Lindqvist', address: 'tomasz@contoso.com' } }],
      },
      saveToSentItems: false,
    });
    expect(upload!.body).toBe('The winter timetable starts on Monday.');
    // Every read asks for JSON; no GET carries a body or a Content-Type.
    const reads = wire.filter((request) => request.method === 'GET');
    expect(reads.map(({ accept, contentType, body }) => [accept, contentType, body])).toEqual(reads.map(() => ['application/json', undefined, '']));
  });
});
