// A request line that holds an example's id where a parameter belongs
// (`/cases/4c8f8f70-…/custodians`): reported at the id, read as `{caseId}`.
import { describe, expect, it } from 'vitest';
import { buildModel } from '../../generator/model/buildModel.js';
import { FENCE, lines, parseApi, simpleApiPage, withCode } from './helpers.js';

const GUID = '4c8f8f70-7785-4bd4-b296-c98376a2c5e1';
const HEX = '2192ca408ea2410eba3bec8ae873be6b';

function requestPage(...requestLines: string[]) {
  return parseApi('api/case-post-sources.md', simpleApiPage('Create source', requestLines, 'If successful, this method returns a `204 No Content` response code.'));
}

describe('literal ids in request lines', () => {
  it('reads a GUID, with or without dashes, as a parameter named after the collection before it, with a warning at the id', () => {
    const { page, diagnostics } = requestPage(`POST /compliance/cases/${GUID}/custodians/${HEX}/sources`);
    expect(page.requests.map((request) => request.path)).toEqual(['/compliance/cases/{caseId}/custodians/{custodianId}/sources']);
    const warnings = withCode(diagnostics, 'literal-id');
    expect(warnings.map((warning) => [warning.severity, warning.source.line, warning.source.column])).toEqual([
      ['warning', 14, 24],
      ['warning', 14, 72],
    ]);
    expect(warnings[0]!.message).toBe(`\`${GUID}\` in the request line is an example's id where a parameter belongs; it is read as \`{caseId}\`.`);
    expect(warnings[1]).toMatchObject({ expected: 'a `{parameter}` such as `{custodianId}`', found: `the id \`${HEX}\`` });
  });

  it('names the parameter `id` where no collection precedes it, and keeps the query string', () => {
    const { page } = requestPage(`GET /${GUID}/items?$top=1`, `GET /x('a')/${GUID}`);
    expect(page.requests.map((request) => request.path)).toEqual(['/{id}/items?$top=1', "/x('a')/{id}"]);
  });

  it('leaves placeholders, names and ids that are no GUID alone', () => {
    const { page, diagnostics } = requestPage('GET /cases/{caseId}/custodians/2192ca40/sources', 'GET /reports/getOffice365ActivationCounts', `GET /items/${HEX}0`);
    expect(page.requests.map((request) => request.path)).toEqual(['/cases/{caseId}/custodians/2192ca40/sources', '/reports/getOffice365ActivationCounts', `/items/${HEX}0`]);
    expect(withCode(diagnostics, 'literal-id')).toEqual([]);
  });

  it('gives the operation a path parameter a builder can take', () => {
    const { model } = buildModel([requestPage(`DELETE /cases/${GUID}/sources/${GUID}`).page]);
    expect(model.operations[0]!.paths[0]!.parameters.map((parameter) => parameter.name)).toEqual(['caseId', 'sourceId']);
  });

  it('finds the id after a full URL', () => {
    const { diagnostics } = parseApi('api/x.md', lines('# Get x', '', '## HTTP request', '', `${FENCE}http`, `GET https://graph.microsoft.com/beta/cases/${GUID}`, FENCE));
    expect(withCode(diagnostics, 'literal-id')[0]!.source).toEqual({ file: 'api/x.md', line: 6, column: 44 });
  });
});
