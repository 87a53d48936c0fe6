// Facts stated only in a property's description (format guide §5.7).
import { describe, expect, it } from 'vitest';
import { readDescriptionNotes } from '../../generator/model/descriptionNotes.js';

describe('read-only', () => {
  it.each(['Read-only.', 'The id. Read-only. Nullable.', 'READ-ONLY', 'Read-Only; set by the service.', 'Readonly.'])('"%s" is read-only', (text) => {
    expect(readDescriptionNotes(text).readOnly).toBe(true);
  });

  it.each(['', 'The display name.', 'A thread of messages.', 'Reads only the first page.'])('"%s" is not read-only', (text) => {
    expect(readDescriptionNotes(text).readOnly).toBe(false);
  });
});

describe('nullable', () => {
  it.each([
    ['Nullable.', true],
    ['The name. Read-only. Nullable.', true],
    ['Not nullable.', false],
    ['The id. Not Nullable. Read-only.', false],
    ['A non-nullable collection.', false],
    ['This value cannot be null.', false],
    ['Not nullable, although older clients treat it as nullable.', false],
  ])('"%s" gives nullable %s', (text, nullable) => {
    expect(readDescriptionNotes(text).nullable).toBe(nullable);
  });

  it.each(['', 'The display name.', 'A value that can be nulled out by an admin.'])('"%s" says nothing (null)', (text) => {
    expect(readDescriptionNotes(text).nullable).toBeNull();
  });
});

describe('deprecated', () => {
  it.each([
    '[deprecated] Use newProperty instead.',
    '[Deprecated] Use newProperty instead.',
    'Deprecated. Use newProperty.',
    'This property is deprecated. Use newProperty.',
    'These values have been deprecated and will be removed.',
    'The time the app was published. Deprecated.',
  ])('"%s" marks deprecation', (text) => {
    expect(readDescriptionNotes(text).deprecated).toBe(true);
  });

  it.each([
    'Indicates whether the app isDeprecated.',
    'True if the widget isDeprecated; false otherwise.',
    'Lists deprecated apps on the device.',
    'The number of deprecated settings.',
    '',
  ])('"%s" is not a deprecation marker', (text) => {
    expect(readDescriptionNotes(text).deprecated).toBe(false);
  });
});

describe('required (a request body parameter the caller must send)', () => {
  it.each(['The message to send. Required.', 'Required. The message to send.', 'Name of the series. Required. ', 'The policy as JSON; Required;', 'REQUIRED.', 'Required'])('"%s" is required', (text) => {
    expect(readDescriptionNotes(text).required).toBe(true);
  });

  it.each([
    '',
    'Context of the review. Required if justificationRequiredOnApproval is true.',
    'Indicates whether to save it. Optional.',
    'The fields required to create a user.',
    'Required when the type is external.',
    'Not required.',
  ])('"%s" is not', (text) => {
    expect(readDescriptionNotes(text).required).toBe(false);
  });
});

describe('combined notes', () => {
  it('reads all three from one description', () => {
    expect(readDescriptionNotes('[Deprecated] The old id. Read-only. Not nullable.')).toEqual({ readOnly: true, nullable: false, deprecated: true, required: false, queryOptions: [] });
  });

  it('reads none from plain text', () => {
    expect(readDescriptionNotes('The colour of the widget.')).toEqual({ readOnly: false, nullable: null, deprecated: false, required: false, queryOptions: [] });
  });
});

describe('supported query options', () => {
  it.each([
    ['Supports `$filter` (`eq`, `ne`, `not`, `in`).', ['$filter']],
    ['Read-only. Supports $filter and $orderby. Nullable.', ['$filter', '$orderby']],
    ['Supports `$expand` and `$select`.', ['$select', '$expand']],
    ['Returned only on `$select`.', []],
    ['Filtering with `$filter` is not supported.', []],
    ['The display name.', []],
  ])('%j → %j', (text, options) => {
    expect(readDescriptionNotes(text).queryOptions).toEqual(options);
  });
});

