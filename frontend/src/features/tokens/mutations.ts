import { graphql } from '../../gql';

export const CreateApiTokenMutation = graphql(`
  mutation CreateApiToken($name: String!) {
    createApiToken(name: $name) {
      token {
        id
        name
        prefix
        createdAt
        lastUsedAt
        revokedAt
      }
      secret
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      userErrors {
        code
        field
        message
      }
    }
  }
`);
