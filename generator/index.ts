// docgen's programmatic API, the package's main entry: the command line as a function,
// the pipeline (docs → model → files in memory), the model diff, and the model's types
// (the one contract between parsing and emitting; docs/model.md).
export { main } from './cli/program.js';
export { buildFromDocs, runPipeline, type BuildResult, type PipelineOptions, type PipelineResult, type ProgressListener } from './pipeline.js';
export { compareModels, type Change, type ModelDiff } from './diff/compareModels.js';
export type { EmitOptions } from './emit/options.js';
export type { PageFilter } from './read/readDocs.js';
export type * from './model/types.js';
