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
