// `docgen openapi`: the docs as one OpenAPI 3.1 document, on stdout (the work: actions/openapi.ts).
import type { Command } from 'commander';
import { type CommonOptions, lazyAction, withCommonOptions } from '../options.js';

export function addOpenApiCommand(program: Command): void {
  withCommonOptions(program.command('openapi').description('Print the docs as an OpenAPI 3.1 document (openapi.json) on stdout.'), false).action(
    lazyAction<CommonOptions>(() => import('../actions/openapi.js')),
  );
}
