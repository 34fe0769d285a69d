import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations for every graphql(`...`) document under src/. The output in
// src/gql/ is committed; CI regenerates it and fails on a diff.
const config: CodegenConfig = {
  // The root schema and every module's file, as gqlgen.yml lists them.
  schema: ['../schema.graphqls', '../graph/schema/*.graphqls'],
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        scalars: { Decimal: 'string', Date: 'string', Time: 'string', ID: 'string', JSON: 'Record<string, unknown>' },
        enumsAsTypes: true,
        onlyOperationTypes: true,
        useTypeImports: true,
        skipTypename: false,
      },
    },
  },
  hooks: {},
};

export default config;
