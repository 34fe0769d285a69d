// A graphql-codegen output plugin that writes the schema codegen loaded as
// introspection JSON ({ "__schema": ... }), with descriptions and every
// deprecation: what @graphql-codegen/introspection writes, without adding
// a package for one test (codegen-introspection.test.mjs).
const { introspectionFromSchema } = require('graphql');

module.exports = {
  plugin(schema) {
    const result = introspectionFromSchema(schema, {
      descriptions: true,
      schemaDescription: true,
      specifiedByUrl: true,
      directiveIsRepeatable: true,
      inputValueDeprecation: true,
    });
    return JSON.stringify(result, null, 2);
  },
  validate(_schema, _documents, _config, outputFile) {
    if (!outputFile.endsWith('.json')) throw new Error('the introspection plugin writes .json files');
  },
};
