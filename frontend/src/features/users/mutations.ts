import { graphql } from '../../gql';

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      user {
        id
        username
        displayName
        roles
        active
        createdAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      user {
        id
        username
        displayName
        roles
        active
        createdAt
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      user {
        id
        username
        displayName
        roles
      }
      userErrors {
        code
        field
        message
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
      userErrors {
        code
        field
        message
      }
    }
  }
`);

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
