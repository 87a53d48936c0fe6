// Today's docs (../shared/corpus/msgraph-docs-contrib-sample, 2022-2026 pages in
// the docs repository's own layout, with their permission include files): every
// API page whose permissions include is there yields its permissions, least
// privileged marked; include files are never pages; no table is misread as a
// property table.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { type BuildResult, buildFromDocs } from '../generator/pipeline.js';
import { permissionIncludeTargets, resolveInclude } from '../generator/read/includes.js';
import { SHARED } from './helpers/paths.js';

const SAMPLE = `${SHARED}corpus/msgraph-docs-contrib-sample/api-reference`;
const HAS_SAMPLE = existsSync(SAMPLE);
if (!HAS_SAMPLE) console.warn(`SKIPPED: the contrib sample suite (test/contribSample.test.ts), because ${SAMPLE} is absent.`);

/** Whether `relative` names a file under `root`, letter case aside (as the docs' store reads it). */
function existsAnyCase(root: string, relative: string): boolean {
  let folder = root;
  for (const part of relative.split('/')) {
    const match = existsSync(folder) ? readdirSync(folder).find((name) => name.toLowerCase() === part.toLowerCase()) : undefined;
    if (!match) return false;
    folder = path.join(folder, match);
  }
  return true;
}

for (const version of ['beta', 'v1.0']) {
  describe.skipIf(!HAS_SAMPLE)(`today's ${version} pages`, () => {
    const root = path.join(SAMPLE, version);
    let built: BuildResult;
    beforeAll(async () => {
      built = await buildFromDocs([root]);
    });

    it('every API page whose permissions include is there yields its permissions from it, least privileged marked', () => {
      const withInclude = built.docs.filter((doc) => !doc.include && permissionIncludeTargets(doc.text).length > 0);
      const present = withInclude.filter((doc) => permissionIncludeTargets(doc.text).some((target) => existsAnyCase(root, resolveInclude(doc.path, target)!)));
      const figures = { pages: built.docs.filter((doc) => !doc.include).length, includeFilesRead: built.docs.filter((doc) => doc.include).length, pagesNamingAnInclude: withInclude.length, includePresent: present.length };
      console.info(`contrib sample ${version}: ${JSON.stringify(figures)}`);
      expect(present.length).toBeGreaterThan(0);
      for (const doc of present) {
        const operation = built.model.operations.find((op) => op.source.file === doc.path);
        const included = operation?.permissions.filter((table) => table.includedFrom?.file === doc.path) ?? [];
        expect(included.length, doc.path).toBeGreaterThan(0);
        for (const table of included) {
          const kinds = [table.delegatedWork, table.delegatedPersonal, table.application];
          expect(kinds.some((scopes) => scopes.leastPrivileged.length > 0), `${doc.path}: ${JSON.stringify(table)}`).toBe(true);
          // A scope is a scope: no note, no "Not available" left in a list.
          for (const scope of kinds.flatMap((scopes) => [...scopes.leastPrivileged, ...scopes.higherPrivileged])) expect(scope, doc.path).toMatch(/^[A-Za-z][\w-]*(\.[\w-]+)*$/);
        }
      }
    });

    it('reads include files as includes, never as pages: no page-kind or missing-title for them', () => {
      const includeFiles = new Set(built.docs.filter((doc) => doc.include).map((doc) => doc.path));
      expect(built.pages.filter((page) => includeFiles.has(page.file) || page.file.startsWith('includes/'))).toEqual([]);
      const aboutIncludesAsPages = built.diagnostics.filter((d) => d.source.file.startsWith('includes/') && ['page-kind', 'missing-title'].includes(d.code));
      expect(aboutIncludesAsPages).toEqual([]);
    });

    it('gives no table-columns error', () => {
      expect(built.diagnostics.filter((d) => d.code === 'table-columns' && d.severity === 'error')).toEqual([]);
    });
  });
}
