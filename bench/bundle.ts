// What one request builder weighs in a user's bundle: the builder and the
// runtime it imports, bundled by esbuild, minified, as ESM, unused exports shaken out.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  bytes: number;
  gzipBytes: number;
}

/** Bundles `import { builder } from '<generated>/requests/<builder>.js'`, as an app would. */
export async function bundleRequestBuilder(generated: string, builder: string): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: `export { ${builder} } from './requests/${builder}.js';`, resolveDir: generated, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
