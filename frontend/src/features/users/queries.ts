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

export const MeQuery = graphql(`
  query Me {
    me {
      id
      username
      displayName
      roles
      language
    }
  }
`);

export const MyApiTokensQuery = graphql(`
  query MyApiTokens {
    myApiTokens {
      id
      name
      prefix
      createdAt
      lastUsedAt
      revokedAt
    }
  }
`);

export const SignInLockoutsQuery = graphql(`
  query SignInLockouts {
    signInLockouts {
      scope
      username
      address
      failures
      lockedUntil
    }
  }
`);
