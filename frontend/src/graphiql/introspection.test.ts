import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { getIntrospectionQuery } from 'graphql';
import { describe, expect, it } from 'vitest';

// The server's tests (server/introspection_test.go, cost_test.go) send
// server/testdata/introspection.graphql as "the standard introspection
// query": it must stay exactly what this graphql-js writes with every
// option, so a new graphql-js that asks for more is noticed here.
describe('the standard introspection query the server is tested with', () => {
  it('is graphql-js getIntrospectionQuery with every option', () => {
    const file = readFileSync(join(import.meta.dirname, '../../../server/testdata/introspection.graphql'), 'utf8');
    expect(file).toBe(
      getIntrospectionQuery({
        descriptions: true,
        specifiedByUrl: true,
        directiveIsRepeatable: true,
        schemaDescription: true,
        inputValueDeprecation: true,
      }),
    );
  });
});
