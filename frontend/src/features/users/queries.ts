import { graphql } from '../../gql';

export const UsersQuery = graphql(`
  query Users {
    users {
      id
      username
      displayName
      roles
      active
      createdAt
    }
  }
`);
