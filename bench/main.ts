// `npm run bench [-- validators | pipeline | startup | openapi]`: docgen's benchmarks, each a set of
// contenders measured in the same run and reported as ratios (the machine is
// shared; absolute figures drift), as Markdown on stdout; progress on stderr.
//
// DOCGEN_BENCH_ROUNDS=<n> (pipeline): how many rounds of the remark baseline (a) and a
// cold generate (b) run, taking turns, for their medians (default 3; each round takes
// about a minute and a half on beta).
const SECTIONS: Record<string, () => Promise<string>> = {
  validators: async () => {
    const { benchValidators, formatValidatorBench } = await import('./validators.js');
    return formatValidatorBench(await benchValidators());
  },
  pipeline: async () => {
    const { benchPipeline, formatPipelineBench } = await import('./pipeline.js');
    const { roundsFrom } = await import('./corpusRuns.js');
    const rounds = roundsFrom(process.env.DOCGEN_BENCH_ROUNDS);
    const started = performance.now();
    const log = (step: string) => process.stderr.write(`bench: ${((performance.now() - started) / 1000).toFixed(0).padStart(4)} s  ${step}\n`);
    return formatPipelineBench(await benchPipeline(log, rounds));
  },
  startup: async () => {
    const { benchStartup, formatStartupBench } = await import('./startup.js');
    return formatStartupBench(await benchStartup((step) => process.stderr.write(`bench: startup: ${step}\n`)));
  },
  openapi: async () => {
    const { benchOpenApi, formatOpenApiBench } = await import('./openapi.js');
    return formatOpenApiBench(await benchOpenApi((step) => process.stderr.write(`bench: ${step}\n`)));
  },
};

const chosen = process.argv.length > 2 ? process.argv.slice(2) : Object.keys(SECTIONS);
const unknown = chosen.filter((name) => !(name in SECTIONS));
if (unknown.length > 0) {
  process.stderr.write(`bench: unknown section ${unknown.join(', ')}; expected ${Object.keys(SECTIONS).join(' or ')} (none: all)\n`);
  process.exitCode = 2;
} else {
  // One after another: a section running beside another would time both wrong.
  for (const name of chosen) process.stdout.write(`${await SECTIONS[name]!()}\n`);
}
