// The read stage's rules for permission include lines: which lines name an
// include, and where a target leads (never above the input root).
import { describe, expect, it } from 'vitest';
import { permissionIncludeTargets, resolveInclude } from '../../generator/read/includes.js';

describe('permissionIncludeTargets', () => {
  it('finds each permissions-table include line, as written, in order', () => {
    const text = [
      '# Get widget',
      '[!INCLUDE [permissions-table](../includes/permissions/widget-get-permissions.md)]',
      '  [!include[ Permissions-Table ]( ../includes/permissions/widget-get-2-permissions.md )]',
    ].join('\n');
    expect(permissionIncludeTargets(text)).toEqual(['../includes/permissions/widget-get-permissions.md', '../includes/permissions/widget-get-2-permissions.md']);
  });

  it('leaves other includes, and text that only mentions one, alone', () => {
    const text = [
      '[!INCLUDE [beta-disclaimer](../../includes/beta-disclaimer.md)]',
      '[!INCLUDE [sample-code](../includes/snippets/csharp/get-widget-csharp-snippets.md)]',
      'See [!INCLUDE [permissions-table](x.md)] in the middle of a sentence.',
      '[!INCLUDE [permissions-table]]',
    ].join('\n');
    expect(permissionIncludeTargets(text)).toEqual([]);
  });
});

describe('resolveInclude', () => {
  it.each([
    ['api/widget-get.md', '../includes/permissions/widget-get-permissions.md', 'includes/permissions/widget-get-permissions.md'],
    ['api/widget-get.md', './here.md', 'api/here.md'],
    ['widget-get.md', 'includes/x.md', 'includes/x.md'],
    ['api/deep/widget-get.md', '../../includes/x.md#section', 'includes/x.md'],
    ['api/widget-get.md', '../includes/a/../b/x.md', 'includes/b/x.md'],
  ])('from %s, %s is %s', (from, target, resolved) => {
    expect(resolveInclude(from, target)).toBe(resolved);
  });

  it.each([
    ['api/widget-get.md', '../../includes/all-clouds.md'],
    ['widget-get.md', '../x.md'],
    ['api/widget-get.md', '/graph/includes/x.md'],
    ['api/widget-get.md', 'https://example.com/x.md'],
    ['api/widget-get.md', ''],
    ['api/widget-get.md', '../..'],
  ])('from %s, %s leads outside the root (undefined)', (from, target) => {
    expect(resolveInclude(from, target)).toBeUndefined();
  });
});
