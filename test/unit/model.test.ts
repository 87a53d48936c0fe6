// buildModel over small parsed pages: symbol resolution, primitives,
// inheritance, entity vs complex, merging, enums, operations and paths.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/buildModel.js';
import { isFlags } from '../../generator/model/enumTypes.js';
import { parameterName, parsePathTemplate } from '../../generator/model/paths.js';
import type { EnumMember, EnumType, Model, Property, Source, StructuredType, TypeDefinition } from '../../generator/model/types.js';
import { parsePage } from '../../generator/parse/parsePage.js';
import type { ParsedPage } from '../../generator/parse/types.js';
import { codes, lines, resourceAnnotation, resourcePage, simpleApiPage, withCode } from './helpers.js';

const page = (file: string, text: string): ParsedPage => parsePage(file, text).page;

/** A resource page: `rows` are Properties rows; options add an intro, an annotation and Relationships rows. */
function resource(file: string, name: string, rows: string[], options: { intro?: string[]; annotation?: string; relationships?: string[] } = {}): ParsedPage {
  const relationships = options.relationships
    ? ['## Relationships', '', '| Relationship | Type | Description |', '|:---|:---|:---|', ...options.relationships, '']
    : [];
  const after = [...relationships, ...(options.annotation ? resourceAnnotation(options.annotation) : [])];
  return page(file, resourcePage(name, rows, { intro: options.intro ?? [], after }));
}

function enumPage(file: string, name: string, members: Array<[string, number]>): ParsedPage {
  return page(file, lines(`# ${name} enum type`, '', 'Namespace: microsoft.graph', '', '## Members', '', '|Member|Value|Description|', '|:---|:---|:---|', ...members.map(([member, value]) => `|${member}|${value}|${member}.|`)));
}

function apiPage(file: string, title: string, requestLines: string[], response = 'If successful, this method returns a `204 No Content` response code.'): ParsedPage {
  return page(file, simpleApiPage(title, requestLines, response));
}

function allTypes(model: Model): TypeDefinition[] {
  return model.namespaces.flatMap((namespace) => namespace.types);
}

function typeNamed(model: Model, fullName: string): TypeDefinition {
  const found = allTypes(model).find((type) => type.fullName === fullName);
  if (!found) throw new Error(`no type ${fullName}; have ${allTypes(model).map((type) => type.fullName).join(', ')}`);
  return found;
}

function structured(model: Model, fullName: string): StructuredType {
  const type = typeNamed(model, fullName);
  if (type.kind === 'enum') throw new Error(`${fullName} is an enum`);
  return type;
}

function enumNamed(model: Model, fullName: string): EnumType {
  const type = typeNamed(model, fullName);
  if (type.kind !== 'enum') throw new Error(`${fullName} is not an enum`);
  return type;
}

function property(type: StructuredType, name: string): Property {
  const found = type.properties.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`${type.fullName} has no property ${name}`);
  return found;
}

const ENTITY = resource('resources/entity.md', 'entity', ['| id | String | The identifier. Read-only. |'], {
  annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.entity", "keyProperty": "id", "abstract": true }',
});

describe('type resolution', () => {
  const pages = [
    ENTITY,
    resource('resources/user.md', 'user', ['| id | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.user", "baseType": "microsoft.graph.entity", "keyProperty": "id" }' }),
    resource('resources/workbookchart.md', 'Chart', ['| height | Double | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.workbookChart" }' }),
    resource('resources/widget.md', 'widget', [
      '| owner | [User](user.md) | Case differs from the type name. |',
      '| coOwner | [user](../resources/USER.md) | Target case differs too. |',
      '| chart | [Chart](workbookchart.md) | Text names no type; the target file does. |',
      '| wrongTarget | [user](workbookchart.md) | Text wins over the target. |',
      '| stamp | [DateTimeOffset](workbookchart.md) | A primitive as link text wins over the target. |',
      '| count | [Int32](user.md) | So does Int32. |',
      '| mystery | [mysteryType](mysterytype.md) | Nothing defines it. |',
      '| plain | unknownThing | Unlinked, undefined. |',
      '| a | string | |',
      '| b | Edm.Int32 | |',
      '| c | int | |',
      '| d | datetime | |',
      '| e | GUID | |',
      '| f | bool | |',
      '| g | `Edm.String` collection | |',
      '| h | Collection(Edm.Boolean) | |',
      '| i | Json | |',
      '| j | Int64 | |',
      '| k | microsoft.graph.user | |',
    ]),
  ];
  const { model, diagnostics } = buildModel(pages);
  const widget = structured(model, 'microsoft.graph.widget');
  const typeOf = (name: string) => property(widget, name).type;

  it('resolves links by link text, case-insensitively', () => {
    expect(typeOf('owner')).toEqual({ kind: 'named', fullName: 'microsoft.graph.user' });
    expect(typeOf('coOwner')).toEqual({ kind: 'named', fullName: 'microsoft.graph.user' });
  });

  it('falls back to the link target file when the text names no type', () => {
    expect(typeOf('chart')).toEqual({ kind: 'named', fullName: 'microsoft.graph.workbookChart' });
  });

  it('prefers the link text over the link target', () => {
    expect(typeOf('wrongTarget')).toEqual({ kind: 'named', fullName: 'microsoft.graph.user' });
  });

  it('prefers a primitive Edm name as link text over the link target (`[DateTimeOffset](timestamp.md)`)', () => {
    expect(typeOf('stamp')).toEqual({ kind: 'primitive', name: 'DateTimeOffset' });
    expect(typeOf('count')).toEqual({ kind: 'primitive', name: 'Int32' });
  });

  it('resolves a qualified unlinked name', () => {
    expect(typeOf('k')).toEqual({ kind: 'named', fullName: 'microsoft.graph.user' });
  });

  it.each([
    ['a', 'String'],
    ['b', 'Int32'],
    ['c', 'Int32'],
    ['d', 'DateTimeOffset'],
    ['e', 'Guid'],
    ['f', 'Boolean'],
    ['g', 'String'],
    ['h', 'Boolean'],
    ['i', 'Untyped'],
    ['j', 'Int64'],
  ])('maps the primitive spelling of property %s to %s', (name, primitive) => {
    expect(typeOf(name)).toEqual({ kind: 'primitive', name: primitive });
  });

  it('keeps the collection flag beside the type', () => {
    expect(property(widget, 'g').collection).toBe(true);
    expect(property(widget, 'h').collection).toBe(true);
    expect(property(widget, 'a').collection).toBe(false);
  });

  it('makes an unknown type `unresolved` with an `unresolved-type` warning naming it', () => {
    expect(typeOf('mystery')).toEqual({ kind: 'unresolved', text: 'mysteryType' });
    expect(typeOf('plain')).toEqual({ kind: 'unresolved', text: 'unknownThing' });
    const warnings = withCode(diagnostics, 'unresolved-type');
    expect(warnings.map((warning) => [warning.severity, warning.found])).toEqual([
      ['warning', '`mysteryType` linking to mysterytype.md'],
      ['warning', '`unknownThing`'],
    ]);
    expect(warnings[0]!.source.file).toBe('resources/widget.md');
  });

  it('prefers a same-named type in the same namespace', () => {
    const result = buildModel([
      resource('resources/session.md', 'session', ['| id | String | x |']),
      resource('resources/callrecords-session.md', 'session', ['| id | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.callRecords.session" }' }),
      resource('resources/callrecords-callrecord.md', 'callRecord', ['| sessions | [session](callrecords-session.md) collection | x |'], {
        annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.callRecords.callRecord" }',
      }),
      resource('resources/meeting.md', 'meeting', ['| session | [session](session.md) | x |']),
    ]);
    expect(property(structured(result.model, 'microsoft.graph.callRecords.callRecord'), 'sessions').type).toEqual({ kind: 'named', fullName: 'microsoft.graph.callRecords.session' });
    expect(property(structured(result.model, 'microsoft.graph.meeting'), 'session').type).toEqual({ kind: 'named', fullName: 'microsoft.graph.session' });
    expect(result.model.namespaces.map((namespace) => namespace.name)).toEqual(['microsoft.graph', 'microsoft.graph.callRecords']);
  });
});

describe('inheritance', () => {
  it('reads the base from the annotation baseType', () => {
    const { model } = buildModel([ENTITY, resource('resources/user.md', 'user', ['| mail | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.user", "baseType": "microsoft.graph.entity" }' })]);
    expect(structured(model, 'microsoft.graph.user').baseType).toBe('microsoft.graph.entity');
  });

  it('reads the base from an "Inherits from" sentence', () => {
    const { model } = buildModel([ENTITY, resource('resources/widget.md', 'widget', ['| size | Int32 | x |'], { intro: ['Inherits from [entity](entity.md).'] })]);
    expect(structured(model, 'microsoft.graph.widget').baseType).toBe('microsoft.graph.entity');
  });

  it('reports an annotation base that no page defines, and drops it', () => {
    const { model, diagnostics } = buildModel([resource('resources/user.md', 'user', ['| mail | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.user", "baseType": "microsoft.graph.directoryObject" }' })]);
    expect(structured(model, 'microsoft.graph.user').baseType).toBeUndefined();
    expect(withCode(diagnostics, 'unresolved-type')[0]?.found).toBe('`microsoft.graph.directoryObject`');
  });

  it('drops a base that is an enum, with `base-type-kind`', () => {
    const { model, diagnostics } = buildModel([enumPage('resources/color.md', 'color', [['red', 0]]), resource('resources/widget.md', 'widget', ['| size | Int32 | x |'], { intro: ['Inherits from [color](color.md).'] })]);
    expect(structured(model, 'microsoft.graph.widget').baseType).toBeUndefined();
    expect(codes(diagnostics)).toContain('base-type-kind');
  });

  it('drops properties a derived page repeats from its base (whole chain)', () => {
    const { model } = buildModel([
      ENTITY,
      resource('resources/intune-apps-mobileapp.md', 'mobileApp', ['| id | String | Key. Inherited from [entity](entity.md) |', '| displayName | String | Name. |'], { intro: ['Inherits from [entity](entity.md)'] }),
      resource('resources/intune-apps-mobilelobapp.md', 'mobileLobApp', ['| id | String | Inherited from [mobileApp](intune-apps-mobileapp.md) |', '| displayName | String | Inherited from [mobileApp](intune-apps-mobileapp.md) |', '| fileName | String | Own. |'], {
        intro: ['Inherits from [mobileApp](intune-apps-mobileapp.md)'],
      }),
    ]);
    expect(structured(model, 'microsoft.graph.mobileApp').properties.map((p) => p.name)).toEqual(['displayName']);
    expect(structured(model, 'microsoft.graph.mobileLobApp').properties.map((p) => p.name)).toEqual(['fileName']);
    expect(structured(model, 'microsoft.graph.mobileLobApp').baseType).toBe('microsoft.graph.mobileApp');
  });

  it('breaks an inheritance cycle with one `inheritance-cycle` error', () => {
    const { model, diagnostics } = buildModel([
      resource('resources/a.md', 'a', ['| x | String | x |'], { intro: ['Inherits from [b](b.md).'] }),
      resource('resources/b.md', 'b', ['| y | String | y |'], { intro: ['Inherits from [a](a.md).'] }),
    ]);
    const errors = withCode(diagnostics, 'inheritance-cycle');
    expect(errors.map((error) => error.severity)).toEqual(['error']);
    const bases = [structured(model, 'microsoft.graph.a').baseType, structured(model, 'microsoft.graph.b').baseType];
    expect(bases.filter(Boolean)).toHaveLength(1);
    // Both keep their own properties.
    expect(structured(model, 'microsoft.graph.a').properties.map((p) => p.name)).toContain('x');
  });

  it('ignores a page that names itself as its base', () => {
    const { model, diagnostics } = buildModel([resource('resources/a.md', 'a', ['| x | String | x |'], { intro: ['Inherits from [a](a.md).'] })]);
    expect(structured(model, 'microsoft.graph.a').baseType).toBeUndefined();
    expect(codes(diagnostics)).not.toContain('inheritance-cycle');
  });
});

describe('entity or complex', () => {
  it('an annotation keyProperty makes an entity', () => {
    const { model } = buildModel([ENTITY]);
    expect(structured(model, 'microsoft.graph.entity')).toMatchObject({ kind: 'entity', keyProperty: 'id', abstract: true });
  });

  it('an id row plus a Relationships table makes an entity', () => {
    const { model } = buildModel([resource('resources/widget.md', 'widget', ['| id | String | x |'], { relationships: ['| parts | [widget](widget.md) collection | x |'] })]);
    const widget = structured(model, 'microsoft.graph.widget');
    expect(widget.kind).toBe('entity');
    expect(property(widget, 'parts')).toMatchObject({ navigation: true, collection: true, type: { kind: 'named', fullName: 'microsoft.graph.widget' } });
  });

  it('an id row alone, or a Relationships table without id, makes a complex type', () => {
    const { model } = buildModel([
      resource('resources/idonly.md', 'idOnly', ['| id | String | x |']),
      resource('resources/relonly.md', 'relOnly', ['| name | String | x |'], { relationships: ['| parts | [idOnly](idonly.md) collection | x |'] }),
    ]);
    expect(structured(model, 'microsoft.graph.idOnly').kind).toBe('complex');
    expect(structured(model, 'microsoft.graph.relOnly').kind).toBe('complex');
  });

  it('a type whose base (at any depth) is an entity is an entity', () => {
    const { model } = buildModel([
      ENTITY,
      resource('resources/middle.md', 'middle', ['| m | String | x |'], { intro: ['Inherits from [entity](entity.md).'] }),
      resource('resources/leaf.md', 'leaf', ['| l | String | x |'], { intro: ['Inherits from [middle](middle.md).'] }),
    ]);
    expect(structured(model, 'microsoft.graph.middle').kind).toBe('entity');
    expect(structured(model, 'microsoft.graph.leaf').kind).toBe('entity');
  });
});

describe('merging and duplicates', () => {
  it('merges a type defined on two pages', () => {
    const { model, diagnostics } = buildModel([
      resource('resources/intune-devices-devicemanagement.md', 'deviceManagement', ['| deviceCount | Int32 | x |']),
      resource('resources/intune-apps-devicemanagement.md', 'deviceManagement', ['| appCount | Int32 | x |']),
    ]);
    const merged = structured(model, 'microsoft.graph.deviceManagement');
    expect(merged.properties.map((p) => p.name)).toEqual(['appCount', 'deviceCount']);
    expect(merged.sources.map((source) => source.file)).toEqual(['resources/intune-apps-devicemanagement.md', 'resources/intune-devices-devicemanagement.md']);
    expect(allTypes(model)).toHaveLength(1);
    expect(diagnostics).toEqual([]);
  });

  it('the annotated page is the primary one of a merged type', () => {
    const { model } = buildModel([
      resource('resources/a-user.md', 'user', ['| extra | String | x |'], { intro: ['From the first file.'] }),
      resource('resources/user.md', 'user', ['| mail | String | x |'], { intro: ['The canonical page.'], annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.user" }' }),
    ]);
    const user = structured(model, 'microsoft.graph.user');
    expect(user.description).toBe('The canonical page.');
    expect(user.sources[0]!.file).toBe('resources/user.md');
  });

  it('takes the base type from whichever page of a merged type states it, even when the primary page does not', () => {
    const annotated = (fullName: string, extra = '') => `{ "blockType": "resource", "@odata.type": "${fullName}"${extra} }`;
    const { model } = buildModel([
      resource('resources/directoryobject.md', 'directoryObject', ['| id | String | x |'], { annotation: annotated('microsoft.graph.directoryObject') }),
      // Sorted first, annotated, silent about the base: the primary page.
      resource('resources/intune-devices-user.md', 'user', ['| deviceEnrollmentLimit | Int32 | x |'], { annotation: annotated('microsoft.graph.user') }),
      resource('resources/user.md', 'user', ['| mail | String | x |'], {
        intro: ['Inherits from [directoryObject](directoryobject.md).'],
        annotation: annotated('microsoft.graph.user', ', "baseType": "microsoft.graph.directoryObject"'),
      }),
    ]);
    const user = structured(model, 'microsoft.graph.user');
    expect(user.sources[0]!.file).toBe('resources/intune-devices-user.md');
    expect(user.baseType).toBe('microsoft.graph.directoryObject');
  });

  it("keeps each page's JSON representation on the type, the primary page's first", () => {
    const { model } = buildModel([
      resource('resources/a-user.md', 'user', ['| extra | String | x |'], { annotation: '{ "blockType": "resource" }' }),
      resource('resources/user.md', 'user', ['| mail | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.user" }' }),
    ]);
    const user = structured(model, 'microsoft.graph.user');
    expect(user.jsonExamples?.map((json) => [json.source.file, json.value])).toEqual([
      ['resources/a-user.md', {}],
      ['resources/user.md', {}],
    ]);
    expect(structured(buildModel([resource('resources/x.md', 'x', ['| a | String | x |'])]).model, 'microsoft.graph.x').jsonExamples).toBeUndefined();
  });

  it('names a merged type after its annotation, not after the first page by file', () => {
    const { model } = buildModel([
      resource('resources/Widget-extra.md', 'Widget', ['| extra | String | x |']),
      resource('resources/widget.md', 'widget', ['| size | Int32 | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.widget" }' }),
    ]);
    expect(allTypes(model).map((type) => type.fullName)).toEqual(['microsoft.graph.widget']);
  });

  it('reports a property listed twice as `duplicate-property` and keeps the first', () => {
    const { model, diagnostics } = buildModel([resource('resources/device.md', 'device', ['| model | String | First. |', '| model | Int32 | Second. |'])]);
    const device = structured(model, 'microsoft.graph.device');
    expect(device.properties).toHaveLength(1);
    expect(property(device, 'model').description).toBe('First.');
    const [warning] = withCode(diagnostics, 'duplicate-property');
    expect(warning?.severity).toBe('warning');
    expect(warning?.source.line).toBe(11);
  });

  it('keeps the resource when a type is both a resource and an enum page, with `duplicate-type`', () => {
    const { model, diagnostics } = buildModel([resource('resources/thing.md', 'thing', ['| a | String | x |']), enumPage('resources/thing-enum.md', 'thing', [['a', 0]])]);
    expect(typeNamed(model, 'microsoft.graph.thing').kind).toBe('complex');
    expect(codes(diagnostics)).toContain('duplicate-type');
  });

  it('carries description notes onto properties', () => {
    const { model } = buildModel([resource('resources/w.md', 'w', ['| a | String | Read-only. Nullable. |', '| b | String | Not nullable. |', '| c | String | [Deprecated] Use d. |', '| d | String | Plain. |'])]);
    const w = structured(model, 'microsoft.graph.w');
    expect(w.properties.map(({ name, readOnly, nullable, deprecated }) => [name, readOnly, nullable, deprecated !== undefined])).toEqual([
      ['a', true, true, false],
      ['b', false, false, false],
      ['c', false, null, true],
      ['d', false, null, false],
    ]);
  });
});

describe('enums', () => {
  const member = (value: number | undefined): EnumMember => {
    const result: EnumMember = { name: `m${value ?? 'x'}`, description: '', source: { file: 'f.md', line: 1, column: 1 } };
    if (value !== undefined) result.value = value;
    return result;
  };
  const flags = (...values: Array<number | undefined>) => isFlags(values.map(member));

  it.each([
    [[0, 1, 2, 4, 8]],
    [[1, 2, 4]],
    [[0, 1, 2, 4, 8, 16, 32]],
    [[8, 1, 4, 2]],
  ])('detects flags in %j', (values) => {
    expect(flags(...values)).toBe(true);
  });

  it.each([
    [[0, 1, 2, 3]],
    [[1, 2, 3]],
    [[0, 1, 2]],
    [[1, 2]],
    [[0, 1, 2, 4, 6]],
    [[1, 2, 4, -8]],
    [[]],
  ])('does not detect flags in %j', (values) => {
    expect(flags(...values)).toBe(false);
  });

  it('builds enum types with members in order and the flags flag', () => {
    const { model } = buildModel([
      enumPage('resources/intune-shared-networkprofile.md', 'networkProfile', [['notConfigured', 0], ['domain', 1], ['private', 2], ['public', 4]]),
      enumPage('resources/intune-shared-widgetstate.md', 'widgetState', [['unknown', 0], ['on', 1], ['off', 2], ['broken', 3]]),
    ]);
    const profile = enumNamed(model, 'microsoft.graph.networkProfile');
    expect(profile.flags).toBe(true);
    expect(profile.members.map((m) => [m.name, m.value])).toEqual([
      ['notConfigured', 0],
      ['domain', 1],
      ['private', 2],
      ['public', 4],
    ]);
    expect(enumNamed(model, 'microsoft.graph.widgetState').flags).toBe(false);
  });

  it('a property typed by an unlinked enum name resolves to the enum', () => {
    const { model } = buildModel([enumPage('resources/widgetstate.md', 'widgetState', [['on', 0]]), resource('resources/w.md', 'w', ['| state | widgetState | x |'])]);
    expect(property(structured(model, 'microsoft.graph.w'), 'state').type).toEqual({ kind: 'named', fullName: 'microsoft.graph.widgetState' });
  });

  it('reports an enum without members as `empty-enum`', () => {
    const { diagnostics } = buildModel([page('resources/e.md', lines('# e enum type', '', '## Members', '', 'None.'))]);
    expect(codes(diagnostics)).toEqual(['empty-enum']);
  });
});

describe('operations', () => {
  it('builds an operation: method, primary path then aliases, permissions, response', () => {
    const { model, diagnostics } = buildModel([apiPage('api/widget-delete.md', 'Delete widget', ['DELETE /widgets/{id}', 'DELETE /me/widgets/{id}'])]);
    expect(diagnostics).toEqual([]);
    const [operation] = model.operations;
    expect(operation).toMatchObject({ name: 'deleteWidget', title: 'Delete widget', method: 'DELETE', response: { status: 204 } });
    expect(operation!.paths.map((path) => path.template)).toEqual(['/widgets/{id}', '/me/widgets/{id}']);
    expect(operation!.permissions.map((table) => table.application)).toEqual([{ leastPrivileged: ['Widget.ReadWrite.All'], higherPrivileged: [] }]);
    expect(operation!.response.body).toBeUndefined();
  });

  it('resolves the response type against the symbol table', () => {
    const { model } = buildModel([
      resource('resources/widget.md', 'widget', ['| id | String | x |']),
      apiPage('api/widget-list.md', 'List widgets', ['GET /widgets'], 'If successful, this method returns a `200 OK` response code and a collection of [Widget](../resources/widget.md) objects in the response body.'),
    ]);
    expect(model.operations[0]!.response).toMatchObject({ status: 200, body: { type: { kind: 'named', fullName: 'microsoft.graph.widget' }, collection: true } });
  });

  it('leaves out API pages without a request line', () => {
    const { model } = buildModel([page('api/x.md', lines('# Get x', '', '## HTTP request', '', 'No block.'))]);
    expect(model.operations).toEqual([]);
  });

  it('keeps only paths with the first method when a page mixes methods', () => {
    const { model } = buildModel([apiPage('api/x.md', 'Update x', ['PATCH /x', 'PUT /x', 'PATCH /y'])]);
    expect(model.operations[0]!.paths.map((path) => path.template)).toEqual(['/x', '/y']);
  });
});

describe('path templates', () => {
  const source: Source = { file: 'api/x.md', line: 1, column: 1 };
  const parameters = (template: string) => parsePathTemplate(template, source).parameters.map((parameter) => [parameter.name, parameter.placeholder]);

  it.each([
    ['{id | userPrincipalName}', 'idOrUserPrincipalName'],
    ['{id|userPrincipalName}', 'idOrUserPrincipalName'],
    ['{user-id}', 'userId'],
    ['{user-id | user-principal-name}', 'userIdOrUserPrincipalName'],
    ['{remoteActionAuditId}', 'remoteActionAuditId'],
    ['{tenant id}', 'tenantId'],
    ['{period_value}', 'periodValue'],
    ['{1st}', 'p1st'],
  ])('parameterName(%s) is %s', (placeholder, name) => {
    expect(parameterName(placeholder)).toBe(name);
  });

  it('splits segments and names parameters', () => {
    const path = parsePathTemplate('/users/{id | userPrincipalName}/widgets/{widget-id}', source);
    expect(path.segments).toEqual([
      [{ kind: 'literal', text: 'users' }],
      [{ kind: 'parameter', name: 'idOrUserPrincipalName', encoding: 'segment' }],
      [{ kind: 'literal', text: 'widgets' }],
      [{ kind: 'parameter', name: 'widgetId', encoding: 'segment' }],
    ]);
    expect(path.parameters.map((parameter) => parameter.type)).toEqual([
      { kind: 'primitive', name: 'String' },
      { kind: 'primitive', name: 'String' },
    ]);
    expect(path.template).toBe('/users/{id | userPrincipalName}/widgets/{widget-id}');
  });

  it('numbers a repeated placeholder: id, id2', () => {
    expect(parameters('/groups/{id}/members/{id}')).toEqual([
      ['id', '{id}'],
      ['id2', '{id}'],
    ]);
  });

  it('keeps the parameter inside a function segment, named for its argument, and does not split on `/` inside it', () => {
    const path = parsePathTemplate("/reports/getWidgetDetail(period='{period_value}')/content", source);
    expect(path.segments).toEqual([
      [{ kind: 'literal', text: 'reports' }],
      [{ kind: 'literal', text: "getWidgetDetail(period='" }, { kind: 'parameter', name: 'period', encoding: 'string' }, { kind: 'literal', text: "')" }],
      [{ kind: 'literal', text: 'content' }],
    ]);
    expect(parameters("/x/f(a='{a}',b={b-value})")).toEqual([
      ['a', '{a}'],
      ['b', '{b-value}'],
    ]);
    expect(parsePathTemplate('/x/range(address=A1/B2)', source).segments).toHaveLength(2);
  });

  it('says how each value is written: a segment, an OData string literal, a bare argument, a drive path', () => {
    const encodings = (template: string) =>
      parsePathTemplate(template, source).segments.flat().flatMap((part) => (part.kind === 'parameter' ? [[part.name, part.encoding]] : []));
    expect(encodings("/users/{id}/items('{key}')/f(a={x},b='{y}')/g(n={z})")).toEqual([
      ['id', 'segment'],
      ['key', 'string'],
      ['a', 'value'],
      ['b', 'string'],
      ['n', 'value'],
    ]);
    expect(encodings('/me/drive/root:/{item-path}:/content')).toEqual([['itemPath', 'path']]);
    expect(encodings('/drives/{drive-id}/items/{parent-id}:/{filename}:/content')).toEqual([
      ['driveId', 'segment'],
      ['parentId', 'segment'],
      ['filename', 'path'],
    ]);
    // `<address>` placeholders, and a placeholder merely after a closed argument list
    expect(encodings("/ws/range(address='<address>')/{id}")).toEqual([
      ['address', 'string'],
      ['id', 'segment'],
    ]);
  });

  it('reads the unbraced placeholders some pages use for function arguments, and leaves real literals alone', () => {
    expect(parameters("/r/getJobs(printerId=printerId-value,start=startDateTime-value)/x(on='parameterValue')/rowsBelow(count=n)")).toEqual([
      ['printerId', '{printerId-value}'],
      ['start', '{startDateTime-value}'],
      ['on', '{parameterValue}'],
      ['count', '{n}'],
    ]);
    expect(parameters("/x/isof('microsoft.graph.user')/f(interval='day',n=5)")).toEqual([]);
  });

  it("reads a documented query string: a pair whose value is one placeholder takes the pair's name", () => {
    const path = parsePathTemplate("/me/calendarView?startDateTime={start_datetime}&endDateTime={end_datetime}&$filter=x eq '{v}'", source);
    expect(path.segments).toEqual([[{ kind: 'literal', text: 'me' }], [{ kind: 'literal', text: 'calendarView' }]]);
    expect(path.query).toEqual([
      { name: 'startDateTime', value: [{ kind: 'parameter', name: 'startDateTime', encoding: 'segment' }] },
      { name: 'endDateTime', value: [{ kind: 'parameter', name: 'endDateTime', encoding: 'segment' }] },
      { name: '$filter', value: [{ kind: 'literal', text: "x eq '" }, { kind: 'parameter', name: 'v', encoding: 'string' }, { kind: 'literal', text: "'" }] },
    ]);
    expect(path.parameters.map((parameter) => parameter.name)).toEqual(['startDateTime', 'endDateTime', 'v']);
  });

  it('ignores a trailing slash', () => {
    expect(parsePathTemplate('/users/{id}/', source).segments).toHaveLength(2);
  });

  it('keeps drive path colons and $ref segments as literals', () => {
    const path = parsePathTemplate('/me/drive/root:/{item-path}:/content', source);
    expect(path.segments.map((segment) => segment.map((part) => (part.kind === 'literal' ? part.text : `{${part.name}}`)).join(''))).toEqual(['me', 'drive', 'root:', '{itemPath}:', 'content']);
    expect(parsePathTemplate('/groups/{id}/members/$ref', source).segments.at(-1)).toEqual([{ kind: 'literal', text: '$ref' }]);
  });
});

describe('function arguments a request line leaves out', () => {
  const NO_BODY = 'Do not supply a request body for this method.';
  const table = (...rows: string[]) => ['|Parameter|Type|Description|', '|:---|:---|:---|', ...rows];
  const PERIOD = '|period|String|The period.|';
  /** The paths of the one operation of an API page; `body` is what follows `## Request body` (later sections too). */
  const paths = (title: string, requestLines: string[], body: string[], others: ParsedPage[] = []) => {
    const { model } = buildModel([...others, page('api/x.md', simpleApiPage(title, requestLines, 'If successful, this method returns a `204 No Content` response code.', body))]);
    return model.operations[0]!.paths;
  };
  const templates = (...args: Parameters<typeof paths>) => paths(...args).map((path) => path.template);
  const functionParameters = (...rows: string[]) => [NO_BODY, '', '## Function parameters', '', ...table(...rows)];

  it('writes the arguments a `## Function parameters` table names into the call: a String quoted, any other primitive bare', () => {
    const [path] = paths('List widget reports', ['GET /reports/getWidgetReport'], functionParameters(PERIOD, '|days|Int32|How many.|', '|since|DateTimeOffset|From.|'));
    expect(path!.template).toBe("/reports/getWidgetReport(period='{period}',days={days},since={since})");
    expect(path!.segments.at(-1)!.flatMap((part) => (part.kind === 'parameter' ? [[part.name, part.encoding]] : []))).toEqual([
      ['period', 'string'],
      ['days', 'value'],
      ['since', 'value'],
    ]);
    expect(path!.parameters.map((parameter) => parameter.type)).toEqual([
      { kind: 'primitive', name: 'String' },
      { kind: 'primitive', name: 'Int32' },
      { kind: 'primitive', name: 'DateTimeOffset' },
    ]);
  });

  it('takes a call from its title (`type: f`, `f function`) or its `()`, whatever the table is headed; enums and unknown types quoted', () => {
    const state = enumPage('resources/widgetstate.md', 'widgetState', [['on', 1]]);
    const query = [NO_BODY, '', '## Query parameters', '', ...table('|on|[widgetState](../resources/widgetstate.md)|Which.|', '|kind|widgetKindOptions|Which kind.|', '|all|Boolean|Every one.|')];
    expect(templates('widget: filterByCurrentUser', ['GET /widgets/filterByCurrentUser'], query, [state])).toEqual(["/widgets/filterByCurrentUser(on='{on}',kind='{kind}',all={all})"]);
    expect(templates('Filter widgets', ['GET /widgets/microsoft.graph.filter()', 'GET /me/widgets/filter()'], query, [state])).toEqual([
      "/widgets/microsoft.graph.filter(on='{on}',kind='{kind}',all={all})",
      "/me/widgets/filter(on='{on}',kind='{kind}',all={all})",
    ]);
  });

  it("takes Intune's GET body table for the arguments of a page titled `f function`, and keeps a documented query string after the call", () => {
    expect(templates('getWidgetCount function', ['GET /widgets/{widgetId}/getWidgetCount?$format=json'], table('|status|String|x|', '|count|Int64|x|'))).toEqual([
      "/widgets/{widgetId}/getWidgetCount(status='{status}',count={count})?$format=json",
    ]);
  });

  it('adds only what the path does not hold, and nothing for a table without rows, `$` options, collections or optional arguments', () => {
    expect(templates('widget: getReport', ['GET /widgets/{id}/getReport'], functionParameters('|id|String|The widget.|', PERIOD, '|$top|Int32|x|'))).toEqual(["/widgets/{id}/getReport(period='{period}')"]);
    expect(templates('widget: getReport', ['GET /widgets/{id}/getReport'], functionParameters('|id|String|The widget.|'))).toEqual(['/widgets/{id}/getReport']);
    expect(templates('widget: getReport', ['GET /widgets/getReport'], functionParameters())).toEqual(['/widgets/getReport']);
    const leftOut = functionParameters('|ids|String collection|x|', '|token|String|Optional. Where to resume.|', '|mode|String|The mode. Optional.|');
    expect(templates('widget: delta', ['GET /widgets/delta'], leftOut)).toEqual(['/widgets/delta']);
  });

  it('leaves a path alone that is no function call: not a GET, a list with query parameters, a call that has its arguments or an overload with them', () => {
    expect(templates('widget: reset', ['POST /widgets/{id}/reset'], functionParameters('|force|Boolean|x|'))).toEqual(['/widgets/{id}/reset']);
    expect(templates('List widgets', ['GET /widgets'], [NO_BODY, '', '## Optional query parameters', '', ...table(PERIOD)])).toEqual(['/widgets']);
    expect(templates('widget: getReport', ["GET /widgets/getReport(period='{p}')"], functionParameters(PERIOD, '|days|Int32|x|'))).toEqual(["/widgets/getReport(period='{p}')"]);
    expect(templates('widget: getReport', ['GET /widgets/getReport', "GET /widgets/getReport(period='{p}')"], functionParameters(PERIOD))).toEqual(['/widgets/getReport', "/widgets/getReport(period='{p}')"]);
    // A `## Function parameters` heading names the call only on a path that calls nothing else.
    expect(templates('Get widget content', ["GET /widgets/range(address='{a}')/content"], functionParameters(PERIOD))).toEqual(["/widgets/range(address='{a}')/content"]);
  });
});

describe('determinism', () => {
  const pages: ParsedPage[] = [
    ENTITY,
    resource('resources/user.md', 'user', ['| id | String | x |', '| mail | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.user", "baseType": "microsoft.graph.entity" }' }),
    resource('resources/intune-a-devicemanagement.md', 'deviceManagement', ['| a | Int32 | x |']),
    resource('resources/intune-b-devicemanagement.md', 'deviceManagement', ['| b | [user](user.md) | x |', '| c | unknownType | x |']),
    resource('resources/callrecords-session.md', 'session', ['| s | String | x |'], { annotation: '{ "blockType": "resource", "@odata.type": "microsoft.graph.callRecords.session" }' }),
    enumPage('resources/widgetstate.md', 'widgetState', [['on', 1], ['off', 2], ['broken', 4]]),
    apiPage('api/user-get.md', 'Get user', ['GET /users/{id | userPrincipalName}'], 'If successful, this method returns a `200 OK` response code and a [user](../resources/user.md) object.'),
    apiPage('api/user-get-2.md', 'Get user', ['GET /me']),
    apiPage('api/user-delete.md', 'Delete user', ['DELETE /users/{id}']),
    page('resources/overview.md', lines('# Overview', '', 'Prose.')),
  ];

  /** A seeded Fisher-Yates shuffle, so failures are reproducible. */
  function shuffled<T>(items: readonly T[], seed: number): T[] {
    const result = [...items];
    let state = seed;
    for (let index = result.length - 1; index > 0; index--) {
      state = (state * 1103515245 + 12345) % 2147483648;
      const other = state % (index + 1);
      [result[index], result[other]] = [result[other]!, result[index]!];
    }
    return result;
  }

  it('gives the same model and diagnostics whatever order the pages come in', () => {
    const reference = buildModel(pages);
    const expectedModel = JSON.stringify(reference.model);
    const expectedDiagnostics = JSON.stringify(reference.diagnostics);
    for (const seed of [1, 2, 3, 42, 1234]) {
      const result = buildModel(shuffled(pages, seed));
      expect(JSON.stringify(result.model)).toBe(expectedModel);
      expect(JSON.stringify(result.diagnostics)).toBe(expectedDiagnostics);
    }
    const reversed = buildModel([...pages].reverse());
    expect(JSON.stringify(reversed.model)).toBe(expectedModel);
  });

  it('sorts namespaces, types within them, and operations by name', () => {
    const { model } = buildModel(shuffled(pages, 7));
    const names = model.namespaces.map((namespace) => namespace.name);
    expect(names).toEqual([...names].sort());
    for (const namespace of model.namespaces) {
      const typeNames = namespace.types.map((type) => type.name);
      expect(typeNames).toEqual([...typeNames].sort());
    }
    expect(model.operations.map((operation) => operation.name)).toEqual(['deleteUser', 'getUser', 'getUser2']);
  });

  it('does not change the parsed pages it is given', () => {
    const before = JSON.stringify(pages);
    buildModel(pages);
    buildModel(shuffled(pages, 9));
    expect(JSON.stringify(pages)).toBe(before);
  });
});
