// Vitest globalSetup: one scratch folder for the whole run, in which docgen is packed
// (`npm pack`, whose prepack builds dist/) the first time a test asks for the tarball
// (`packedDocgen()`, test/helpers/packedDocgen.ts), and only then: a run without such
// a test pays nothing (a mkdtemp), and one with several packs once, so that no two
// packs rebuild dist/ at the same time. The folder is removed when the run ends.
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Where `packedDocgen()` packs docgen, once a run. */
    docgenPackDir: string;
  }
}

export default async function setup(project: Pick<TestProject, 'provide' | 'onTestsRerun'>): Promise<() => Promise<void>> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'docgen-pack-'));
  project.provide('docgenPackDir', dir);
  // Watch mode: a rerun tests the source as it is by then, so the next test to ask packs it afresh.
  project.onTestsRerun(() => emptyFolder(dir));
  return () => rm(dir, { recursive: true, force: true });
}

async function emptyFolder(dir: string): Promise<void> {
  for (const entry of await readdir(dir)) await rm(path.join(dir, entry), { recursive: true, force: true });
}
