import { graphql } from '../../gql';

/** Replaces the account prefixes of an ACCOUNTS line of a statutory form (finance only). */
export const UpdateStatementLineMutation = graphql(`
  mutation UpdateStatementLine($input: UpdateStatementLineInput!) {
    updateStatementLine(input: $input) {
      line {
        ...StatementLineDefinitionFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
