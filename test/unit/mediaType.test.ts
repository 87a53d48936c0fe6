// The Content-Type a file upload's builder sends: the media type its header cell
// opens with, however the cell goes on; prose is no media type.
import { describe, expect, it } from 'vitest';
import { mediaTypeOf } from '../../generator/emit/requests.js';

describe('mediaTypeOf', () => {
  it.each([
    ['text/plain', 'text/plain'],
    ['text/plain. Required.', 'text/plain'],
    ['application/json. Required.', 'application/json'],
    ['`image/jpeg`', 'image/jpeg'],
    ['image/svg+xml; charset=utf-8', 'image/svg+xml'],
    [' application/octet-stream, or the file type', 'application/octet-stream'],
    ['application/vnd.ms-excel.', 'application/vnd.ms-excel'],
  ])('"%s" gives %s', (cell, type) => {
    expect(mediaTypeOf(cell)).toBe(type);
  });

  it.each(['', 'The content type of the file. Required.', 'Nature of the data in the body of an entity.', 'text', 'text/plain/extra', 'see text/plain'])('"%s" gives none', (cell) => {
    expect(mediaTypeOf(cell)).toBeUndefined();
  });
});
