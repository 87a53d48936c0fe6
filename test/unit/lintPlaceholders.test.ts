// Placeholders in JSON examples: which values are stand-ins for a type, and
// which stand-ins fit the documented type.
import { describe, expect, it } from 'vitest';
import { collectionPlaceholder, placeholderFits, primitivePlaceholder, recognisePlaceholder } from '../../generator/lint/placeholders.js';
import { type Expected, indexModel } from '../../generator/lint/typeIndex.js';
import type { Model, PrimitiveName } from '../../generator/model/types.js';
import { lintDocsModel } from '../helpers/lintDocs.js';

const model: Model = lintDocsModel();
const index = indexModel(model);
const primitive = (name: PrimitiveName): Expected => ({ kind: 'primitive', name });
const named = (fullName: string): Expected => index.expected({ kind: 'named', fullName });
const COLOR = named('microsoft.graph.color');
const PERSON = named('microsoft.graph.person');
const ENTITY = named('microsoft.graph.entity');

describe('primitive placeholders', () => {
  it.each([
    ['String', 'String'],
    ['string', 'String'],
    ['Edm.String', 'String'],
    ['String (identifier)', 'String'],
    ['String (timestamp)', 'DateTimeOffset'],
    ['string (timestamp)', 'DateTimeOffset'],
    ['String (ISO 8601 duration)', 'Duration'],
    ['String (duration)', 'Duration'],
    ['String (time of day)', 'TimeOfDay'],
    ['String (Date)', 'Date'],
    ['String (binary)', 'Binary'],
    ['Int32', 'Int32'],
    ['Integer', 'Int32'],
    ['Int64', 'Int64'],
    ['Double', 'Double'],
    ['Boolean', 'Boolean'],
    ['Guid', 'Guid'],
    ['DateTimeOffset', 'DateTimeOffset'],
    ['datetime', 'DateTimeOffset'],
    ['Date', 'Date'],
    ['binary', 'Binary'],
    ['Json', 'Untyped'],
    ['<Unknown Primitive Type Edm.Stream>', 'Stream'],
    ['datetime-value', 'DateTimeOffset'],
    ['id-value', 'String'],
  ] as const)('%j names %s', (text, name) => {
    expect(primitivePlaceholder(text)).toBe(name);
  });

  it.each(['Sprocket', 'red', 'String value here', 'Int32 or Int64', '2021-07-16', '', 'number', 'object', 'constructor'])('%j is data', (text) => {
    expect(primitivePlaceholder(text)).toBeUndefined();
  });

  it.each([
    ['Collection(microsoft.graph.person)', 'microsoft.graph.person'],
    ['collection(string)', 'string'],
    ['[String]', 'String'],
  ])('%j stands for a collection of %s', (text, items) => {
    expect(collectionPlaceholder(text)).toBe(items);
  });
});

describe('recognising placeholders', () => {
  it('recognises type-name strings and @odata.type-only objects', () => {
    expect(recognisePlaceholder('String', 'representation', primitive('String'), index)).toMatchObject({ kind: 'primitive', name: 'String', text: '"String"' });
    expect(recognisePlaceholder({ '@odata.type': 'microsoft.graph.person' }, 'example', PERSON, index)).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.person' });
    expect(recognisePlaceholder('#microsoft.graph.person', 'representation', PERSON, index)).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.person' });
    expect(recognisePlaceholder('@odata.type: microsoft.graph.color', 'representation', COLOR, index)).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.color' });
    expect(recognisePlaceholder({ '@odata.type': 'Edm.Stream' }, 'representation', primitive('Stream'), index)).toMatchObject({ kind: 'primitive', name: 'Stream' });
  });

  it("recognises the enum's name, and a list of its members", () => {
    expect(recognisePlaceholder('color', 'example', COLOR, index)).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.color' });
    expect(recognisePlaceholder('red | green', 'representation', COLOR, index)).toMatchObject({ kind: 'members', members: ['red', 'green'] });
  });

  it('recognises a type named by its bare name in a representation, not in an example', () => {
    expect(recognisePlaceholder('person', 'representation', ENTITY, index)).toMatchObject({ kind: 'type', fullName: 'microsoft.graph.person' });
    expect(recognisePlaceholder('person', 'example', ENTITY, index)).toBeUndefined();
  });

  it('names a type no page defines without a full name', () => {
    const placeholder = recognisePlaceholder({ '@odata.type': 'microsoft.graph.nothing' }, 'representation', PERSON, index);
    expect(placeholder).toEqual({ kind: 'type', name: 'microsoft.graph.nothing', text: '{"@odata.type":"microsoft.graph.nothing"}' });
  });

  it('takes numbers and booleans for placeholders only in a representation', () => {
    expect(recognisePlaceholder(1024, 'representation', primitive('Int32'), index)).toMatchObject({ kind: 'primitive', name: 'Int64', text: '1024' });
    expect(recognisePlaceholder(4.2, 'representation', primitive('Double'), index)).toMatchObject({ kind: 'primitive', name: 'Double' });
    expect(recognisePlaceholder(true, 'representation', primitive('Boolean'), index)).toMatchObject({ kind: 'primitive', name: 'Boolean' });
    expect(recognisePlaceholder(1024, 'example', primitive('Int32'), index)).toBeUndefined();
    expect(recognisePlaceholder(true, 'example', primitive('String'), index)).toBeUndefined();
  });

  it('leaves data alone: enum members, strings of a String property in an example, ordinary text and objects', () => {
    expect(recognisePlaceholder('red', 'representation', COLOR, index)).toBeUndefined();
    expect(recognisePlaceholder('Int32', 'example', primitive('String'), index)).toBeUndefined();
    expect(recognisePlaceholder('Int32', 'example', { kind: 'any' }, index)).toBeUndefined();
    expect(recognisePlaceholder('Sprocket', 'representation', primitive('String'), index)).toBeUndefined();
    expect(recognisePlaceholder('user', 'representation', primitive('String'), index)).toBeUndefined();
    expect(recognisePlaceholder({ '@odata.type': 'microsoft.graph.person', displayName: 'Ada' }, 'representation', PERSON, index)).toBeUndefined();
    expect(recognisePlaceholder(null, 'representation', PERSON, index)).toBeUndefined();
  });
});

describe('placeholders that fit the documented type', () => {
  const fits = (value: unknown, expected: Expected, context: 'representation' | 'example' = 'representation') => {
    const placeholder = recognisePlaceholder(value, context, expected, index);
    if (!placeholder) throw new Error(`${JSON.stringify(value)} is not a placeholder`);
    return placeholderFits(placeholder, expected, index);
  };

  it.each([
    ['"String" for a String', 'String', primitive('String')],
    ['"String (timestamp)" for a String', 'String (timestamp)', primitive('String')],
    ['"String" for a DateTimeOffset', 'String', primitive('DateTimeOffset')],
    ['"String (timestamp)" for a DateTimeOffset', 'String (timestamp)', primitive('DateTimeOffset')],
    ['"String (timestamp)" for a Date', 'String (timestamp)', primitive('Date')],
    ['"Guid" for a Guid', 'Guid', primitive('Guid')],
    ['"String (identifier)" for a Guid', 'String (identifier)', primitive('Guid')],
    ['"Int32" for an Int64', 'Int32', primitive('Int64')],
    ['1024 for an Int32', 1024, primitive('Int32')],
    ['1024 for a Double', 1024, primitive('Double')],
    ['"Boolean" for a Boolean', 'Boolean', primitive('Boolean')],
    ['"binary" for a Stream', 'binary', primitive('Stream')],
    ['"Json" for anything', 'Json', primitive('Int32')],
    ['"String" for an enum', 'String', COLOR],
    ['the enum name for the enum', 'color', COLOR],
    ['its members for the enum', 'red | green', COLOR],
    ['the type for the type', { '@odata.type': 'microsoft.graph.person' }, PERSON],
    ['a subtype for its base', { '@odata.type': '#microsoft.graph.widget' }, ENTITY],
    ['anything for an undocumented type', 'Int32', { kind: 'any' } as Expected],
  ])('%s fits', (_label, value, expected) => {
    expect(fits(value, expected)).toBe(true);
  });

  it.each([
    ['"Int32" for a String', 'Int32', primitive('String')],
    ['1024 for a String', 1024, primitive('String')],
    ['true for a String', true, primitive('String')],
    ['"String (timestamp)" for a Duration', 'String (timestamp)', primitive('Duration')],
    ['"Guid" for a DateTimeOffset', 'Guid', primitive('DateTimeOffset')],
    ['"Boolean" for an Int32', 'Boolean', primitive('Int32')],
    ['"String" for a Boolean', 'String', primitive('Boolean')],
    ['"String" for a structured type', 'String', PERSON],
    ['a base for its subtype', { '@odata.type': 'microsoft.graph.entity' }, named('microsoft.graph.widget')],
    ['another type', { '@odata.type': 'microsoft.graph.person' }, named('microsoft.graph.gadget')],
    ['a type no page defines', { '@odata.type': 'microsoft.graph.nothing' }, PERSON],
    ['a member the enum does not list', 'red | blue', COLOR],
    ['an enum for a String', 'microsoft.graph.color', primitive('String')],
  ])('%s does not fit', (_label, value, expected) => {
    expect(fits(value, expected)).toBe(false);
  });
});
