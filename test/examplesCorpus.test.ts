// The docs' own examples, over the real docs (../shared/corpus, July 2021),
// each version (beta, v1.0) built once:
// - lint --examples: every failure has a named class; the figures do not fall
//   below test/lint-examples-baseline.json; a failure is a docs finding by its
//   class (`blamesOnlyTheDocs`), or the baseline lists it: as a docgen gap
//   (generatorCaused, with the reason) or as a docs finding of a class docgen
//   could also cause (docsFindings). A new failure of that kind fails the test,
//   and so does a listed example that no longer fails so. Update the baseline
//   deliberately, after examining what changed.
// - replay: every example request goes through its generated builder and the
//   client to a real HTTP server, which checks it against the example and
//   answers with the example's response; at least 90% replay exactly, every
//   other one is a docs finding, and test/replay-baseline.json caps each kind
//   of docs finding and floors the exact replays.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type ExampleResult, type LocatedFinding, lintExamples } from '../generator/lint/lintExamples.js';
import { summarise } from '../generator/lint/report.js';
import { assignNames } from '../generator/emit/naming.js';
import { loadGenerated } from '../generator/lint/loadGenerated.js';
import { type BuildResult, buildFromDocs } from '../generator/pipeline.js';
import { CORPUS_VERSIONS, regressions } from '../generator/stats/baseline.js';
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
  /** `file:line` of an example → the classes it fails with that docgen's reading could also cause (`listedClasses`), judged docs findings. */
  docsFindings: Record<string, string>;
}
const BASELINE = JSON.parse(readFileSync(new URL('./lint-examples-baseline.json', import.meta.url), 'utf8')) as Record<string, VersionBaseline>;

if (!HAS_CORPUS) console.warn(`SKIPPED: the corpus examples tests (test/examplesCorpus.test.ts), because ${BETA} is absent.`);

/**
 * Findings that blame the docs whatever docgen made of them: a value of the
 * right kind in the wrong form, a type no page defines, null where the docs
 * say "Not nullable", one object wrapped in `{"value": { … }}` (no Response
 * section makes that right), an `@odata.type` no page defines or that differs
 * from a type only in case. Every other class may also come from docgen's
 * reading (of a type cell, a Response sentence, an inheritance).
 */
function blamesOnlyTheDocs(finding: LocatedFinding): boolean {
  if (finding.class === 'bad-format' || finding.class === 'unknown-type' || finding.class === 'not-nullable') return true;
  if (finding.class === 'response-shape') return finding.found.startsWith('the object wrapped in');
  return finding.class === 'odata-type' && /^(no page defines|differs in case from)/.test(finding.hint ?? '');
}

/** The classes of a result's errors that docgen's reading could also cause, sorted and joined: `collection-mismatch, wrong-type`, or ''. */
function listedClasses(result: ExampleResult): string {
  return [...new Set(result.errors.filter((finding) => !blamesOnlyTheDocs(finding)).map((finding) => finding.class))].sort().join(', ');
}

const exampleKey = (result: ExampleResult) => `${result.example.source.file.split(path.sep).join('/')}:${result.example.source.line}`;

for (const version of CORPUS_VERSIONS) {
  describe.skipIf(!HAS_CORPUS)(`lint --examples on the ${version} corpus`, () => {
    const baseline = BASELINE[version]!;
    let results: ExampleResult[] = [];
    /** The failures that need the baseline's word (not a docgen gap it lists, and failing with a class docgen could cause): key → `listedClasses`. */
    let listed = new Map<string, string>();

    beforeAll(async () => {
      const started = performance.now();
      const { model, docs } = await build(version);
      const lines = new Map(docs.map((doc) => [doc.path, doc.text.split('\n')]));
      results = await lintExamples(model, { mode: 'lenient', naming: NAMING, lines: (file) => lines.get(file) });
      listed = new Map(failed().flatMap((result) => (exampleKey(result) in baseline.generatorCaused || !listedClasses(result) ? [] : [[exampleKey(result), listedClasses(result)] as const])));
      console.info(`lint --examples ${version}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    }, TIMEOUT);

    const failed = () => results.filter((result) => result.status === 'failed');
    /** Failures neither a docs finding by their class nor listed in the baseline with these classes. */
    const unexplained = () => [...listed].filter(([key, classes]) => baseline.docsFindings[key] !== classes);

    it('names a class for every failure', () => {
      const unnamed = results.flatMap((result) => result.errors.filter((finding) => finding.class === 'other').map((finding) => `${exampleKey(result)} ${finding.pointer}: ${finding.expected}`));
      expect(unnamed).toEqual([]);
    });

    it('does not fall below the baseline (test/lint-examples-baseline.json)', () => {
      const summary = summarise(results, 'lenient');
      console.info(`lint --examples ${version}: ${JSON.stringify({ seen: summary.seen, resolved: summary.resolved, passed: summary.passed, failed: summary.failed, failedByClass: summary.failedByClass })}`);
      expect.soft(summary.seen, 'examples seen').toBe(baseline.seen);
      expect.soft(summary.resolved, 'examples whose type resolves').toBeGreaterThanOrEqual(baseline.resolved);
      expect.soft(summary.passed, 'examples passed').toBeGreaterThanOrEqual(baseline.passed);
      expect.soft(summary.failed, 'examples failed (a new failure: a docs finding to accept, or a bug)').toBeLessThanOrEqual(baseline.failed);
    });

    it('fails an example only with a docs finding, or as the baseline lists it', () => {
      const byKey = new Map(failed().map((result) => [exampleKey(result), result]));
      const lines = unexplained().map(([key, classes]) => {
        const finding = byKey.get(key)!.errors.find((candidate) => !blamesOnlyTheDocs(candidate))!;
        const was = key in baseline.docsFindings ? ` (listed as ${baseline.docsFindings[key]})` : '';
        return `${key} ${classes}${was}: ${finding.pointer || '/'}: expected ${finding.expected}; found ${finding.found}`;
      });
      // Examine each: a docs finding goes into docsFindings, a gap of docgen into generatorCaused with the reason.
      expect(lines).toEqual([]);
    });

    it('lists no example in the baseline that no longer fails so', () => {
      const failing = new Set(failed().map(exampleKey));
      const stale = [
        ...Object.keys(baseline.generatorCaused).filter((key) => !failing.has(key)).map((key) => `generatorCaused ${key}: passes now, or is gone`),
        ...Object.keys(baseline.docsFindings).filter((key) => !listed.has(key)).map((key) => `docsFindings ${key}: passes now, is gone, or fails only with a docs finding`),
      ];
      expect(stale).toEqual([]);
    });

    it('passes or flags as a docs finding at least 95% of the examples whose type resolves', () => {
      const resolved = results.filter((result) => result.status !== 'skipped').length;
      const causedByDocgen = failed().filter((result) => exampleKey(result) in baseline.generatorCaused).length + unexplained().length;
      const rate = (resolved - causedByDocgen) / resolved;
      console.info(`lint --examples ${version}: ${(rate * 100).toFixed(2)}% pass or are docs findings; ${causedByDocgen} fail because of docgen`);
      expect(resolved).toBeGreaterThan(3000);
      expect(rate).toBeGreaterThanOrEqual(0.95);
    });
  });
}

/** A count per value of `key`, largest first. */
function tally(outcomes: ReplayOutcome[], key: (outcome: ReplayOutcome) => string): Record<string, number> {
  const counts = new Map<string, number>();
  for (const outcome of outcomes) counts.set(key(outcome), (counts.get(key(outcome)) ?? 0) + 1);
  return Object.fromEntries([...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)));
}

/**
 * The replays that must not fall, and the kinds of docs finding that must not
 * rise: a request the page's paths do not match (no-path), of another method,
 * or a body where the operation takes none (unexpected-body). A finding of
 * docgen's own making would hide among them, uncounted, without this cap.
 */
const REPLAY_RULES = { exact: 'atLeast', 'no-path': 'atMost', method: 'atMost', 'unexpected-body': 'atMost' } as const;
const REPLAY_BASELINE = JSON.parse(readFileSync(new URL('./replay-baseline.json', import.meta.url), 'utf8')) as Record<string, Record<string, unknown>>;

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

    it('holds the counts of test/replay-baseline.json: no fewer exact replays, no more docs findings of each kind', () => {
      const counts = Object.fromEntries(Object.keys(REPLAY_RULES).map((kind) => [kind, outcomes.filter((outcome) => outcome.request === kind).length])) as Record<keyof typeof REPLAY_RULES, number>;
      console.info(`replay ${version}: ${JSON.stringify(counts)}`);
      expect(REPLAY_BASELINE[version], `test/replay-baseline.json has no "${version}"`).toBeDefined();
      expect(regressions(counts, REPLAY_BASELINE[version]!, REPLAY_RULES)).toEqual([]);
    });

    it('parses every response the client receives; one that fails is an example that is not JSON', () => {
      const failed = outcomes.filter((outcome) => outcome.response === 'client-failed');
      expect(failed.map((outcome) => `${outcome.source}: ${outcome.detail}`)).toEqual([]);
      const valid = outcomes.filter((outcome) => outcome.response === 'valid').length;
      expect(valid / outcomes.filter((outcome) => outcome.response !== undefined).length).toBeGreaterThan(0.9);
    });
  });
}
