// The docs' own examples, over the real docs (../shared/corpus, July 2021),
// each version built once:
// - lint --examples (beta): every failure has a named class; the figures do not
//   fall below test/lint-examples-baseline.json; and at least 95% of the
//   examples whose type resolves pass or fail with a docs finding, the failures
//   docgen itself causes (its reading of the docs, listed in the baseline with
//   the reason, checked by hand) counted against it. Update the baseline
//   deliberately, after examining what changed.
// - replay (beta and v1.0): every example request goes through its generated
//   builder and the client to a real HTTP server, which checks it against the
//   example and answers with the example's response; at least 90% replay
//   exactly, and every other one is a docs finding.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExampleResult, lintExamples } from '../generator/lint/lintExamples.js';
import { summarise } from '../generator/lint/report.js';
import { assignNames } from '../generator/emit/naming.js';
import { loadGenerated } from '../generator/lint/loadGenerated.js';
import { type BuildResult, buildFromDocs } from '../generator/pipeline.js';
import { CORPUS_VERSIONS } from '../generator/stats/baseline.js';
import { SHARED } from './helpers/paths.js';
import { type ReplayOutcome, replayExamples } from './helpers/replay.js';

const CORPUS = `${SHARED}corpus/msgraph-docs-2021-07/`;
const BETA = `${CORPUS}beta`;
const HAS_CORPUS = existsSync(BETA);
const NAMING = { typePrefix: '', typeSuffix: '' };

/** Each version is built once, for every suite in this file. */
const builds = new Map<string, Promise<BuildResult>>();
const build = (version: string) => {
  if (!builds.has(version)) builds.set(version, buildFromDocs([path.join(CORPUS, version)]));
  return builds.get(version)!;
};
const TIMEOUT = 600_000;

interface VersionBaseline {
  seen: number;
  resolved: number;
  passed: number;
  failed: number;
  /** `file:line` of an example → why docgen, not the docs, makes it fail. */
  generatorCaused: Record<string, string>;
}
const BASELINE = JSON.parse(readFileSync(new URL('./lint-examples-baseline.json', import.meta.url), 'utf8')) as Record<string, VersionBaseline>;

if (!HAS_CORPUS) console.warn(`SKIPPED: the corpus examples tests (test/examplesCorpus.test.ts), because ${BETA} is absent.`);

describe.skipIf(!HAS_CORPUS)('lint --examples on the beta corpus', () => {
  let results: ExampleResult[] = [];

  beforeAll(async () => {
    const started = performance.now();
    const { model, docs } = await build('beta');
    const lines = new Map(docs.map((doc) => [doc.path, doc.text.split('\n')]));
    results = await lintExamples(model, { mode: 'lenient', naming: { typePrefix: '', typeSuffix: '' }, lines: (file) => lines.get(file) });
    console.info(`lint --examples beta: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }, TIMEOUT);

  const baseline = BASELINE['beta']!;
  const key = (result: ExampleResult) => `${result.example.source.file.split(path.sep).join('/')}:${result.example.source.line}`;

  it('names a class for every failure', () => {
    const unnamed = results.flatMap((result) => result.errors.filter((finding) => finding.class === 'other').map((finding) => `${key(result)} ${finding.pointer}: ${finding.expected}`));
    expect(unnamed).toEqual([]);
  });

  it('does not fall below the baseline (test/lint-examples-baseline.json)', () => {
    const summary = summarise(results, 'lenient');
    console.info(`lint --examples beta: ${JSON.stringify({ seen: summary.seen, resolved: summary.resolved, passed: summary.passed, failed: summary.failed, failedByClass: summary.failedByClass })}`);
    expect.soft(summary.seen, 'examples seen').toBe(baseline.seen);
    expect.soft(summary.resolved, 'examples whose type resolves').toBeGreaterThanOrEqual(baseline.resolved);
    expect.soft(summary.passed, 'examples passed').toBeGreaterThanOrEqual(baseline.passed);
    expect.soft(summary.failed, 'examples failed (a new failure: a docs finding to accept, or a bug)').toBeLessThanOrEqual(baseline.failed);
  });

  it('passes or flags as a docs finding at least 95% of the examples whose type resolves', () => {
    const resolved = results.filter((result) => result.status !== 'skipped');
    const causedByDocgen = resolved.filter((result) => result.status === 'failed' && key(result) in baseline.generatorCaused);
    const rate = (resolved.length - causedByDocgen.length) / resolved.length;
    console.info(`lint --examples beta: ${(rate * 100).toFixed(2)}% pass or are docs findings; ${causedByDocgen.length} fail because of docgen`);
    expect(resolved.length).toBeGreaterThan(5000);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });
});

/** A count per value of `key`, largest first. */
function tally(outcomes: ReplayOutcome[], key: (outcome: ReplayOutcome) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(key(outcome), (counts.get(key(outcome)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

for (const version of CORPUS_VERSIONS) {
  describe.skipIf(!HAS_CORPUS)(`the ${version} example requests, replayed against a server`, () => {
    let outcomes: ReplayOutcome[] = [];

    beforeAll(async () => {
      const started = performance.now();
      const { model } = await build(version);
      const sdk = await loadGenerated(model, { outputs: ['models', 'validators', 'requests'], naming: NAMING });
      const { names } = assignNames(model, NAMING);
      outcomes = await replayExamples(model.operations, sdk, (operation) => names.operations.get(operation.name)!);
      console.info(`replay ${version}: ${outcomes.length} example requests in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }, TIMEOUT);

    it('replays at least 90% of the requests to Graph exactly; every other one is a docs finding', () => {
      // Requests to a bot's callback URL (calls, notifications) are not requests of the operation.
      const toGraph = outcomes.filter((outcome) => outcome.request !== 'not-graph');
      const exact = toGraph.filter((outcome) => outcome.request === 'exact');
      const caseOnly = toGraph.filter((outcome) => outcome.request === 'case-only');
      const docs = toGraph.filter((outcome) => outcome.docs);
      console.info(
        `replay ${version}: ${JSON.stringify({
          examples: outcomes.length,
          toGraph: toGraph.length,
          exact: exact.length,
          exactRate: +(exact.length / toGraph.length).toFixed(4),
          caseOnly: caseOnly.length,
          docsFindings: tally(docs, (outcome) => outcome.request),
          responses: tally(toGraph, (outcome) => outcome.response ?? 'not sent'),
          untypedQuery: toGraph.filter((outcome) => outcome.untypedQuery.length).length,
        })}`,
      );
      expect(toGraph.length).toBeGreaterThan(2000);
      expect(exact.length / toGraph.length).toBeGreaterThanOrEqual(0.9);
      // Only Graph's case-insensitive paths and option names may differ; any other difference is docgen's.
      const docgenCaused = toGraph.filter((outcome) => !outcome.docs && outcome.request !== 'exact' && outcome.request !== 'case-only');
      expect(docgenCaused.map((outcome) => `${outcome.source} ${outcome.request}: ${outcome.detail}`)).toEqual([]);
    });

    it('parses every response the client receives; one that fails is an example that is not JSON', () => {
      const failed = outcomes.filter((outcome) => outcome.response === 'client-failed');
      expect(failed.map((outcome) => `${outcome.source}: ${outcome.detail}`)).toEqual([]);
      const valid = outcomes.filter((outcome) => outcome.response === 'valid').length;
      expect(valid / outcomes.filter((outcome) => outcome.response !== undefined).length).toBeGreaterThan(0.9);
    });
  });
}
