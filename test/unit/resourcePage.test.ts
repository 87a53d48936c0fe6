// Resource pages: name and namespace, annotation, inheritance sentence,
// Properties and Relationships tables (format guide §5).
import { describe, expect, it } from 'vitest';
import { codes, FENCE, lines, parseResource, resourceAnnotation, resourcePage, withCode } from './helpers.js';

const ROW = '| displayName | String | The name. |';
const propertyTable = (...rows: string[]) => ['| Property | Type | Description |', '|:---|:---|:---|', ...rows];

describe('resource name and namespace', () => {
  it('takes name and namespace from the annotation @odata.type, over the H1', () => {
    const { page } = parseResource(
      'resources/callrecords-session.md',
      resourcePage('Session', [ROW], { after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.callRecords.session" }') }),
    );
    expect(page.name).toBe('session');
    expect(page.namespace).toBe('microsoft.graph.callRecords');
    expect(page.annotation?.odataType).toBe('microsoft.graph.callRecords.session');
  });

  it('uses the annotation name when the H1 names something else entirely', () => {
    const { page } = parseResource(
      'resources/chart.md',
      resourcePage('Chart', [ROW], { after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.workbookChart" }') }),
    );
    expect(page.name).toBe('workbookChart');
    expect(page.title).toBe('Chart resource type');
  });

  it('strips a leading # from @odata.type', () => {
    const { page } = parseResource(
      'resources/x.md',
      resourcePage('x', [ROW], { after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "#microsoft.graph.educationThing" }') }),
    );
    expect(page.name).toBe('educationThing');
    expect(page.namespace).toBe('microsoft.graph');
  });

  it.each([
    ['remoteActionAudit resource type', 'remoteActionAudit'],
    ['driveRecipient resource', 'driveRecipient'],
    ['approvalSettings complex type', 'approvalSettings'],
    ['audio facet', 'audio'],
    ['identityRiskEvent resource type (deprecated)', 'identityRiskEvent'],
    ['cloudPcUserSetting  resource type', 'cloudPcUserSetting'],
    ['widget resouce type', 'widget'],
  ])('without an annotation, takes the name from the H1 "# %s"', (title, name) => {
    const { page } = parseResource('resources/other-file.md', lines(`# ${title}`, '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW));
    expect(page.name).toBe(name);
  });

  it('marks a "(deprecated)" title as deprecated', () => {
    const { page } = parseResource('resources/x.md', lines('# oldThing resource type (deprecated)', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW));
    expect(page.deprecated?.message).toMatch(/deprecated/i);
  });

  it.each([
    ['resources/intune-apps-mobilelobapp.md', 'mobilelobapp'],
    ['resources/intune-deviceconfig-windowsprofile.md', 'windowsprofile'],
    ['resources/callrecords-segment.md', 'segment'],
    ['resources/translationlanguageoverride.md.txt', 'translationlanguageoverride'],
  ])('with a free-text H1 and no annotation, takes the name from the file %s', (file, name) => {
    const { page } = parseResource(file, lines('# Some message information', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW));
    expect(page.name).toBe(name);
  });

  it('takes the namespace from the Namespace line when the annotation gives none', () => {
    const { page } = parseResource('resources/x.md', lines('# widget resource type', '', 'Namespace: microsoft.graph.ediscovery.', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW));
    expect(page.namespace).toBe('microsoft.graph.ediscovery');
  });

  it('reads the namespace from the first line when the next sentence joins its paragraph', () => {
    const { page } = parseResource(
      'resources/x.md',
      lines('# widget resource type', '', 'Namespace: microsoft.graph', 'Represents a widget.', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW),
    );
    expect(page.namespace).toBe('microsoft.graph');
  });
  it('keeps the sentence merged into the Namespace paragraph as the description', () => {
    const { page } = parseResource(
      'resources/x.md',
      lines('# widget resource type', '', 'Namespace: microsoft.graph', 'Represents a widget.', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW),
    );
    expect(page.description).toBe('Represents a widget.');
  });
});

describe('the resource annotation', () => {
  it('reads keyProperty, baseType, abstract and openType (flags as true or "true")', () => {
    const { page } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], {
        after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.widget", "keyProperty": "id", "baseType": "microsoft.graph.entity", "abstract": "true", "openType": true }'),
      }),
    );
    expect(page.annotation).toMatchObject({ keyProperty: 'id', baseType: 'microsoft.graph.entity', abstract: true, openType: true });
  });

  it('reads an annotation with a trailing comma and single quotes (JSON5)', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], { after: ['<!-- {', '  "blockType": "resource",', "  '@odata.type': 'microsoft.graph.gadget',", '} -->', '', `${FENCE}json`, '{}', FENCE] }),
    );
    expect(page.name).toBe('gadget');
    expect(codes(diagnostics)).not.toContain('annotation');
  });

  it('treats "baseType": null and "keyProperty": "" as absent', () => {
    const { page } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], { after: resourceAnnotation('{ "blockType": "resource", "@odata.type": "microsoft.graph.widget", "baseType": null, "keyProperty": "" }') }),
    );
    expect(page.annotation?.baseType).toBeUndefined();
    expect(page.annotation?.keyProperty).toBeUndefined();
    expect(page.annotation?.abstract).toBe(false);
  });

  it('reports a broken annotation as `annotation` and falls back to the H1', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], { after: ['<!-- { "blockType": "resource", "@odata.type": microsoft.graph.gadget } -->', '', `${FENCE}json`, '{}', FENCE] }),
    );
    expect(page.name).toBe('widget');
    expect(page.annotation).toBeUndefined();
    const [warning] = withCode(diagnostics, 'annotation');
    expect(warning?.severity).toBe('warning');
    expect(warning?.source.line).toBe(12);
  });

  it('ignores comments that are not JSON (uuid trailers, markdownlint)', () => {
    const { diagnostics } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], { after: ['<!-- uuid: 8fcb5dbc-0000-0000-0000-000000000000 -->', '', '<!-- markdownlint-disable MD024 -->'] }),
    );
    expect(codes(diagnostics)).toEqual([]);
  });
});

describe('the JSON representation', () => {
  const ANNOTATION = '<!-- { "blockType": "resource", "@odata.type": "microsoft.graph.widget" } -->';

  it('keeps the block, read as JSON5, and its opening fence (for lint --examples)', () => {
    const text = resourcePage('widget', [ROW], { after: [ANNOTATION, '', `${FENCE}json`, '{', '  // the name', '  "displayName": "String",', '}', FENCE] });
    const { page, diagnostics } = parseResource('resources/widget.md', text);
    const fence = text.split('\n').indexOf(`${FENCE}json`) + 1;
    expect(page.json).toEqual({ value: { displayName: 'String' }, source: { file: 'resources/widget.md', line: fence, column: 1 } });
    expect(page.jsonKeys?.keys).toEqual(['displayName']);
    expect(diagnostics).toEqual([]);
  });

  it('keeps why a block that is not JSON could not be read, and reports it', () => {
    const { page, diagnostics } = parseResource('resources/widget.md', resourcePage('widget', [ROW], { after: [ANNOTATION, '', `${FENCE}json`, '{ "displayName": … }', FENCE] }));
    expect(page.json?.value).toBeUndefined();
    expect(page.json?.error).toMatch(/invalid character/);
    expect(page.jsonKeys).toBeUndefined();
    expect(codes(diagnostics)).toEqual(['json-representation']);
  });

  it('keeps a block that is JSON but not an object, without keys to cross-check', () => {
    const { page, diagnostics } = parseResource('resources/widget.md', resourcePage('widget', [ROW], { after: [ANNOTATION, '', `${FENCE}json`, '[1, 2]', FENCE] }));
    expect(page.json?.value).toEqual([1, 2]);
    expect(page.jsonKeys).toBeUndefined();
    expect(withCode(diagnostics, 'json-representation')[0]?.found).toBe('not an object');
  });
});

describe('inheritance', () => {
  it('reads "Inherits from [entity](entity.md)." as its own paragraph', () => {
    const { page } = parseResource('resources/widget.md', resourcePage('widget', [ROW], { intro: ['Inherits from [entity](entity.md).'] }));
    expect(page.inheritsFrom).toMatchObject({ name: 'entity', link: 'entity.md', collection: false });
  });

  it('reads an inherits sentence inside the description', () => {
    const { page } = parseResource(
      'resources/user.md',
      resourcePage('user', [ROW], { intro: ['Represents an Azure AD user account. Inherits from [directoryObject](directoryobject.md).'] }),
    );
    expect(page.inheritsFrom?.name).toBe('directoryObject');
    expect(page.description).toContain('Represents an Azure AD user account.');
  });

  it('takes the link after the phrase, not an earlier link in the same paragraph', () => {
    const { page } = parseResource(
      'resources/x.md',
      resourcePage('x', [ROW], { intro: ['Represents a member of a [group](group.md). Inherits from [directoryObject](directoryobject.md).'] }),
    );
    expect(page.inheritsFrom?.name).toBe('directoryObject');
  });

  it.each([
    'Derived from [policyBase](policybase.md).',
    'This type is derived from [policyBase](policybase.md).',
    'It inherits from [**policyBase**](policybase.md).',
    'A subclass of [policyBase](policybase.md) that holds settings.',
    'This resource is a subclass of [policyBase](policybase.md).',
    'This resource is a subtype of [policyBase](policybase.md).',
    'This resource is the derivative of the [policyBase](policybase.md) resource.',
    'Represents a widget record. Inherited from [policyBase](policybase.md) entity.',
    'This is inherited from [policyBase](policybase.md).',
  ])('reads "%s"', (sentence) => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: [sentence] }));
    expect(page.inheritsFrom?.name).toBe('policyBase');
  });

  it('reads an unlinked qualified base name', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: ['This policy is derived from microsoft.graph.policyBase.'] }));
    expect(page.inheritsFrom?.name).toBe('microsoft.graph.policyBase');
  });

  it('reads a base from a reference-style link', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: ['Inherits from [baseItem][].', '', '[baseItem]: baseitem.md'] }));
    expect(page.inheritsFrom).toMatchObject({ name: 'baseItem', link: 'baseitem.md' });
  });

  it('ignores an unlinked, unqualified word after the phrase', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: ['This type inherits from the base class.'] }));
    expect(page.inheritsFrom).toBeUndefined();
  });

  it('"[x] is a subclass of this type" (the other way round) gives no base type', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: ['Base type. [policyBase](policybase.md) is a subclass of this type.'] }));
    expect(page.inheritsFrom).toBeUndefined();
  });

  it('"derives from it" (other types derive from this one) gives no base type', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: ['The [user](user.md) type derives from it.'] }));
    expect(page.inheritsFrom).toBeUndefined();
  });

  it('"derives from it" followed later by another link still gives no base type', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro: ['Abstract type. The [user](user.md) type derives from it, and so does [group](group.md).'] }));
    expect(page.inheritsFrom).toBeUndefined();
  });

  it('"not inherited from [x]" names no base; an "Inherited from" sentence after it does', () => {
    const intro = ['Its id is not inherited from [entity](entity.md), unlike its other properties.', '', 'Inherited from [policyBase](policybase.md) entity.'];
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { intro }));
    expect(page.inheritsFrom?.name).toBe('policyBase');
  });

  it('"Inherited from" in a property description is not the type\'s base', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', ['| id | String | Identifier. Inherited from [entity](entity.md) |']));
    expect(page.inheritsFrom).toBeUndefined();
  });

  it('only reads inheritance before the first section', () => {
    const { page } = parseResource('resources/x.md', resourcePage('x', [ROW], { after: ['## Remarks', '', 'Inherits from [entity](entity.md).'] }));
    expect(page.inheritsFrom).toBeUndefined();
  });
});

describe('Properties and Relationships tables', () => {
  it('reads property rows with name, type, description and navigation false', () => {
    const { page } = parseResource('resources/widget.md', resourcePage('widget', ['| **displayName** | String | The name. Read-only. |', '| `size` | Int64 | |']));
    expect(page.properties.map(({ name, type, description, navigation }) => ({ name, type: type.name, description, navigation }))).toEqual([
      { name: 'displayName', type: 'String', description: 'The name. Read-only.', navigation: false },
      { name: 'size', type: 'Int64', description: '', navigation: false },
    ]);
  });

  it('accepts @odata names and other name-column headers', () => {
    const { page } = parseResource(
      'resources/widget.md',
      lines('# widget resource type', '', '## Properties', '', '| Name | Type | Description |', '|---|---|---|', '| @odata.type | String | x |', '| owner@odata.bind | String | y |'),
    );
    expect(page.properties.map((property) => property.name)).toEqual(['@odata.type', 'owner@odata.bind']);
  });

  it('does not read an enum table under `### x values` as properties', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW, '| state | widgetState | The state. |'], {
        after: ['### widgetState values', '', '| Member | Value | Description |', '|---|---|---|', '| on | 0 | On. |'],
      }),
    );
    expect(page.properties.map((property) => property.name)).toEqual(['displayName', 'state']);
    expect(codes(diagnostics)).toEqual([]);
  });

  it('reads property tables under sub-headings of Properties, deeper ones too, in page order (tiIndicator)', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], {
        after: [
          '### Widget signals - sound',
          '',
          ...propertyTable('| soundLevel | Int32 | How loud. |'),
          '',
          '#### Sound sources',
          '',
          ...propertyTable('| soundSource | String | Where from. |'),
          '',
          '### Instance attributes',
          '',
          '| Property name | Type | Description |',
          '|:---|:---|:---|',
          '| @microsoft.graph.widgetMode | String | Set on create only. |',
        ],
      }),
    );
    expect(page.properties.map(({ name, navigation }) => [name, navigation])).toEqual([
      ['displayName', false],
      ['soundLevel', false],
      ['soundSource', false],
      ['@microsoft.graph.widgetMode', false],
    ]);
    expect(page.properties[1]?.source.line).toBe(page.properties[0]!.source.line + 6);
    expect(diagnostics).toEqual([]);
  });

  it('reads rows under a `### Relationships` sub-heading of Properties as navigation, and a values section after it as an enum', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      resourcePage('widget', [ROW], {
        after: [
          '### Relationships',
          '',
          '| Relationship | Type | Description |',
          '|:---|:---|:---|',
          '| parts | [part](part.md) collection | The parts. |',
          '',
          '### widgetState values',
          '',
          '| Member | Value | Description |',
          '|---|---|---|',
          '| on | 0 | On. |',
        ],
      }),
    );
    expect(page.properties.map(({ name, navigation }) => [name, navigation])).toEqual([
      ['displayName', false],
      ['parts', true],
    ]);
    expect(page.enumSections.map((section) => section.name)).toEqual(['widgetState']);
    expect(diagnostics).toEqual([]);
  });

  it("skips, with a `table-skipped` note each, tables under `### Properties of …` and its deeper headings (a policy's definition string), then reads on", () => {
    const text = resourcePage('widgetPolicy', [ROW], {
      after: [
        '### Properties of a widget policy definition',
        '',
        'These form the JSON object that the **definition** string holds.',
        '',
        ...propertyTable('| MaxAge | String | How long. |'),
        '',
        '#### Example: a definition with a limit',
        '',
        ...propertyTable('| Limit | Int32 | How many. |'),
        '',
        '### Widget signals',
        '',
        ...propertyTable('| signal | String | A signal. |'),
      ],
    });
    const { page, diagnostics } = parseResource('resources/widgetpolicy.md', text);
    expect(page.properties.map((property) => property.name)).toEqual(['displayName', 'signal']);
    const lineOf = (line: string, from = 0) => text.split('\n').indexOf(line, from) + 1;
    expect(diagnostics.map(({ code, severity, source, found }) => [code, severity, source.line, found])).toEqual([
      ['table-skipped', 'info', lineOf('| Property | Type | Description |', lineOf('### Properties of a widget policy definition')), 'a table under "Properties of a widget policy definition"'],
      ['table-skipped', 'info', lineOf('| Property | Type | Description |', lineOf('#### Example: a definition with a limit')), 'a table under "Properties of a widget policy definition"'],
    ]);
  });

  it('marks Relationships rows as navigation, and notes the entity sections', () => {
    const { page } = parseResource(
      'resources/widget.md',
      resourcePage('widget', ['| id | String | Identifier. |'], {
        after: ['## Relationships', '', '| Relationship | Type | Description |', '|---|---|---|', '| parts | [part](part.md) collection | The parts. |'],
      }),
    );
    expect(page.properties.map(({ name, navigation }) => ({ name, navigation }))).toEqual([
      { name: 'id', navigation: false },
      { name: 'parts', navigation: true },
    ]);
    expect(page.properties[1]!.type).toMatchObject({ name: 'part', collection: true });
    expect(page.hasEntitySections).toBe(true);
  });

  it('a Relationships section that says "None." is no entity hint and no properties', () => {
    const { page } = parseResource('resources/widget.md', resourcePage('widget', [ROW], { after: ['## Relationships', '', 'None.'] }));
    expect(page.hasEntitySections).toBe(false);
    expect(page.properties).toHaveLength(1);
  });

  it('a Methods table is an entity hint', () => {
    const { page } = parseResource(
      'resources/widget.md',
      lines('# widget resource type', '', '## Methods', '', '| Method | Return type | Description |', '|---|---|---|', '| [Get widget](../api/widget-get.md) | [widget](widget.md) | Read. |', '', '## Properties', '', '| Property | Type | Description |', '|---|---|---|', ROW),
    );
    expect(page.hasEntitySections).toBe(true);
    expect(page.properties.map((property) => property.name)).toEqual(['displayName']);
  });

  it('reads a Properties section that says "None." as no properties, without diagnostics', () => {
    const { page, diagnostics } = parseResource('resources/widget.md', lines('# widget resource type', '', '## Properties', '', 'None.'));
    expect(page.properties).toEqual([]);
    expect(diagnostics).toEqual([]);
  });

  it('reports a row whose first cell is not a property name as `property-name`', () => {
    const { page, diagnostics } = parseResource('resources/widget.md', resourcePage('widget', [ROW, '| file/localizations/{id} | String | A path, not a name. |', '| two words | String | x |']));
    expect(page.properties.map((property) => property.name)).toEqual(['displayName']);
    const errors = withCode(diagnostics, 'property-name');
    expect(errors.map((error) => error.severity)).toEqual(['error', 'error']);
    expect(errors[0]?.found).toBe('"file/localizations/{id}"');
  });

  it('reports a table without a Type column as `table-columns` and reads none of its rows', () => {
    const { page, diagnostics } = parseResource(
      'resources/widget.md',
      lines('# widget resource type', '', '## Properties', '', '| Property | Description |', '|---|---|', '| displayName | The name. |'),
    );
    expect(page.properties).toEqual([]);
    const [error] = withCode(diagnostics, 'table-columns');
    expect(error?.severity).toBe('error');
    expect(error?.found).toBe('property | description');
  });

  it('reports a table with a Type column whose first column is not a name column as `table-columns`', () => {
    const { diagnostics } = parseResource('resources/widget.md', lines('# widget resource type', '', '## Properties', '', '| Field | Type | Description |', '|---|---|---|', '| size | Int32 | The size. |'));
    expect(codes(diagnostics)).toEqual(['table-columns']);
  });
});
