// `docgen diff` on real docs: the Intune pages of January 2021
// (../shared/corpus/msgraph-docs-2021-01-intune) against those of July 2021
// (../shared/corpus/msgraph-docs-2021-07, --include 'intune-*'). The changes
// asserted here were checked by hand against the two versions of the pages.
// Each side takes about a minute to read, parse and model; each is built once.
import { existsSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { type Change, compareModels, type ModelDiff } from '../generator/diff/compareModels.js';
import { formatMarkdown } from '../generator/diff/formatMarkdown.js';
import { loadModel, locateSide } from '../generator/diff/loadModel.js';
import type { Model } from '../generator/model/types.js';
import { SHARED } from './helpers/paths.js';

const JANUARY = `${SHARED}corpus/msgraph-docs-2021-01-intune/beta`;
const JULY = `${SHARED}corpus/msgraph-docs-2021-07/beta`;
const HAS_CORPUS = existsSync(JANUARY) && existsSync(JULY);
const FILTER = { include: ['intune-*'] };
const TIMEOUT = 300_000;

if (!HAS_CORPUS) console.warn(`SKIPPED: the diff corpus tests (test/diffCorpus.test.ts), because ${JANUARY} or ${JULY} is absent.`);

describe.skipIf(!HAS_CORPUS)('docgen diff: Intune, January → July 2021', () => {
  let before: Model;
  let after: Model;
  let diff: ModelDiff;

  beforeAll(async () => {
    before = (await loadModel(await locateSide('--from', JANUARY), FILTER)).model;
    after = (await loadModel(await locateSide('--to', JULY), FILTER)).model;
    diff = compareModels(before, after);
  }, TIMEOUT);

  /** The one change of `rule` about `subject` (a type's full name or an operation's name) and `item`. */
  function find(rule: Change['rule'], subject: string, item?: string): Change {
    const found = diff.changes.filter((c) => c.rule === rule && (c.subject.name === subject || c.subject.name === `microsoft.graph.${subject}`) && c.item?.name === item);
    expect(found, `${rule} ${subject} ${item ?? ''}`).toHaveLength(1);
    return found[0]!;
  }

  it('suggests a major bump, with plausible counts', () => {
    expect(diff.bump).toBe('major');
    const { breaking, nonBreaking, byRule } = diff.summary;
    expect(breaking).toBeGreaterThan(10); // 12: no builder is renamed by a new title or a page sharing one
    expect(breaking).toBeLessThan(100);
    expect(nonBreaking).toBeGreaterThan(400);
    expect(nonBreaking).toBeLessThan(1200);
    // Six months of additions: about 90 new resource pages and 130 new operations…
    expect(byRule['type-added']).toBeGreaterThan(60);
    expect(byRule['type-added']).toBeLessThan(150);
    expect(byRule['operation-added']).toBeGreaterThan(90);
    expect(byRule['operation-added']).toBeLessThan(200);
    // …but no type removed: the three resource pages that went were renamed, their types unchanged.
    expect(byRule['type-removed']).toBeUndefined();
    for (const name of ['macOsLobAppAssignmentSettings', 'androidEnterpriseAlwaysOnVpnPackageType', 'deviceManagementReports']) {
      expect(diff.changes.filter((c) => c.subject.name === `microsoft.graph.${name}`), name).toEqual([]);
    }
    expect(diff.summary.breaking + diff.summary.nonBreaking).toBe(diff.changes.length);
  });

  it('finds the breaking changes of types checked by hand', () => {
    expect(find('member-removed', 'androidDeviceOwnerEnrollmentMode', 'corporateOwnedAOSPUserlessDevice').source.file).toBe('resources/intune-androidforwork-androiddeviceownerenrollmentmode.md');
    for (const name of ['configurationPolicies', 'configurationSettings', 'configurationCategories', 'microsoftTunnelConfigurations', 'microsoftTunnelSites']) {
      expect(find('property-removed', 'deviceManagement', name).source.file).toBe('resources/intune-shared-devicemanagement.md');
    }
    expect(find('property-removed', 'windowsAutopilotDeviceIdentity', 'orderIdentifier').from).toBe('String');
    expect(find('property-removed', 'importedWindowsAutopilotDeviceIdentity', 'orderIdentifier').breaking).toBe(true);
    expect(find('now-read-only', 'omaSetting', 'isEncrypted').breaking).toBe(true);
  });

  it('finds the breaking changes of operations checked by hand', () => {
    // Intune's create and update pages send the type they name ("a JSON representation for the x object"), so a
    // change to their tables is a change to the type: orderIdentifier left windowsAutopilotDeviceIdentity (above),
    // not a body parameter; and a table that retypes a row (deviceType as deviceTypes) changes nothing the SDK sends.
    expect(after.operations.find((o) => o.name === 'createWindowsAutopilotDeviceIdentity')?.body).toMatchObject({ kind: 'type', type: { fullName: 'microsoft.graph.windowsAutopilotDeviceIdentity' } });
    expect(diff.changes.filter((c) => c.item?.kind === 'body parameter' && ['createManagedDeviceEncryptionState', 'createWindowsAutopilotDeviceIdentity'].includes(c.subject.name))).toEqual([]);
    expect(find('operation-removed', 'updateWindowsAutopilotDeviceIdentity').subject).toMatchObject({ method: 'PATCH' });
    expect(find('operation-removed', 'getReportsCertificatesReport').source.file).toBe('api/intune-rapolicy-devicemanagementreports-getcertificatesreport.md');
    // Names come from the request line, so neither a new title ("assign action" → "Device management configuration policy
    // assign action") nor a new page sharing a title ("createCopy action") renames a builder.
    // The pages of one endpoint make one builder on each side, so a page gone renames nothing (below).
    const renamed = diff.changes.filter((c) => c.rule === 'operation-renamed');
    expect(renamed.map((c) => [c.from, c.to])).toEqual([]);
    expect(diff.changes.filter((c) => c.subject.name === 'assignConfigurationPolicy' || c.subject.name === 'createIntentCopy').map((c) => c.rule)).not.toContain('operation-renamed');
    expect(find('operation-added', 'createConfigurationPolicyCopy').subject).toMatchObject({ path: '/deviceManagement/configurationPolicies/{deviceManagementConfigurationPolicyId}/createCopy' });
  });

  it('keeps one builder for an endpoint one of whose two pages is gone', () => {
    // Two pages documented GET and PATCH /deviceManagement/reports in January, merged into one builder each; one of each is gone.
    const january = before.operations.find((o) => o.name === 'getDeviceManagementReports')!;
    expect(january.sources?.map((s) => s.file)).toContain('api/intune-rapolicy-devicemanagementreports-get.md');
    expect(after.operations.filter((o) => o.method === 'GET' && o.paths[0]!.template === '/deviceManagement/reports').map((o) => o.name)).toEqual(['getDeviceManagementReports']);
    const about = (name: string) => diff.changes.filter((c) => c.subject.name === name).map((c) => c.rule);
    for (const name of ['getDeviceManagementReports', 'updateDeviceManagementReports']) {
      expect(about(name)).not.toContain('operation-renamed');
      expect(about(name)).not.toContain('operation-removed');
    }
  });

  it('finds the other changes checked by hand', () => {
    expect(find('type-added', 'activateDeviceEsimActionResult').to).toBe('complex');
    expect(find('property-added', 'androidDeviceOwnerGeneralDeviceConfiguration', 'kioskModeAppOrderEnabled').to).toBe('Boolean');
    expect(find('property-added', 'omaSetting', 'secretReferenceValueId').bump).toBe('minor');
    expect(find('member-added', 'deviceManagementConfigurationTechnologies', 'microsoftSense').bump).toBe('minor');
    expect(find('member-added', 'deviceType', 'chromeOS').breaking).toBe(false);
    expect(find('member-added', 'deviceType', 'linux').breaking).toBe(false);
    expect(find('description-changed', 'advancedBitLockerState', 'osVolumeUnprotected').bump).toBe('patch');
    // A new first request line; the old primary path is still documented.
    expect(find('primary-path-changed', 'listDeviceManagementConfigurationSettingDefinitions')).toMatchObject({
      from: '/deviceManagement/configurationSettings',
      to: '/deviceManagement/reusableSettings',
    });
    // The application scopes gained Read.All; pages that only reversed the order ("most to least privileged") are no change.
    expect(find('permissions-changed', 'createDeviceManagementConfigurationCategory').to).toMatch(/^application: DeviceManagementConfiguration\.Read\.All \(least privileged\), DeviceManagementConfiguration\.ReadWrite\.All$/);
    expect(diff.changes.filter((c) => c.rule === 'permissions-changed' && c.subject.name === 'listDeviceManagementConfigurationSettingDefinitions')).toEqual([]);
    // The category's create page gained four rows, as the category did.
    for (const name of ['settingUsage', 'parentCategoryId', 'rootCategoryId', 'childCategoryIds']) find('property-added', 'deviceManagementConfigurationCategory', name);
    // Pages of one endpoint that send subtypes: a new subtype's page widens the body.
    expect(find('body-variant-added', 'createDeviceConfiguration').breaking).toBe(false);
  });

  it('gives the same report whatever order the models list things in', () => {
    const reversed = (model: Model): Model => ({
      namespaces: [...model.namespaces].reverse().map((ns) => ({ ...ns, types: [...ns.types].reverse() })),
      operations: [...model.operations].reverse(),
    });
    const again = compareModels(reversed(before), reversed(after));
    expect(JSON.stringify(again)).toBe(JSON.stringify(diff));
    expect(formatMarkdown(again)).toBe(formatMarkdown(diff));
  });
});
