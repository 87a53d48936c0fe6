// Tree-shaking: an app that imports one builder and the client from the root
// index bundles only those (esbuild, minified), well under 5 KiB; the other
// builders and every operation's documented facts are left out.
import { describe, expect, it } from 'vitest';
import { bundleEntry, bundleRequestBuilder } from '../bench/bundle.js';
import { GENERATED } from './helpers/paths.js';

describe('one builder and the client, bundled', () => {
  it('keeps only what is imported', async () => {
    const { bytes, code } = await bundleRequestBuilder(GENERATED, 'updateRemoteActionAudit');
    expect(bytes).toBeLessThan(5 * 1024);
    expect(code).toContain('PATCH');
    expect(code).toContain('createClient');
    // the other builders' methods, every Operation's doc page, the models' validators
    for (const absent of ['POST', 'DELETE', 'docPage', 'intune-devices-remoteactionaudit', 'validateRemoteActionAudit', 'ResponseValidationError']) expect(code).not.toContain(absent);
  });

  it('keeps, with response validation by a subset, only the validators picked (and those they call)', async () => {
    const bundle = (names: string) => bundleEntry(`export { updateRemoteActionAudit, createClient, responseValidation, ${names} } from './index.js';`, GENERATED);
    const subset = await bundle('validateRemoteActionAudit');
    const every = await bundle('validatorsByType');
    // validatorsByType's map names every type; a subset keeps no other type's validator.
    for (const other of ['"microsoft.graph.entity"', '"microsoft.graph.actionState"']) {
      expect(every.code).toContain(other);
      expect(subset.code).not.toContain(other);
    }
    expect(subset.bytes).toBeLessThan(every.bytes);
  });
});
