import { graphql } from '../gql';

/** The fields of a payload's userErrors, selected the same way by every mutation document. */
export const UserErrorFieldsFragment = graphql(`
  fragment UserErrorFields on UserError {
    code
    field
    message
  }
`);
