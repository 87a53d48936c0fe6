// What one request builder weighs in a user's bundle: the builder, the client
// core and the runtime they import, bundled by esbuild, minified, as ESM,
// unused exports shaken out.
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';

export interface BundleSize {
  bytes: number;
  gzipBytes: number;
}

/** Bundles an app's entry module (`contents`, its imports resolved from `resolveDir`) as an app would: the bundler keeps what is used. */
export async function bundleEntry(contents: string, resolveDir: string): Promise<BundleSize & { code: string }> {
  const result = await build({
    stdin: { contents, resolveDir, loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  });
  const code = result.outputFiles[0]!.contents;
  return { bytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength, code: result.outputFiles[0]!.text };
}

/** One builder and `createClient` from the root index (`<generated>/index.ts`). */
export function bundleRequestBuilder(generated: string, builder: string): Promise<BundleSize & { code: string }> {
  return bundleEntry(`export { ${builder}, createClient } from './index.js';`, generated);
}

/** One builder and `createClient` from an installed SDK package, each by its subpath (`<name>/requests/<builder>`, `<name>/client`). */
export function bundlePackagedBuilder(packageName: string, resolveDir: string, builder: string): Promise<BundleSize & { code: string }> {
  return bundleEntry(`export { ${builder} } from '${packageName}/requests/${builder}';\nexport { createClient } from '${packageName}/client';`, resolveDir);
}
