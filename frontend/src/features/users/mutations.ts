import { graphql } from '../../gql';

/** What createUser and updateUser read back of the UserPayload. */
export const UserPayloadFieldsFragment = graphql(`
  fragment UserPayloadFields on UserPayload {
    user {
      id
      username
      displayName
      roles
      active
      createdAt
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateUserMutation = graphql(`
  mutation CreateUser($input: CreateUserInput!) {
    createUser(input: $input) {
      ...UserPayloadFields
    }
  }
`);

export const UpdateUserMutation = graphql(`
  mutation UpdateUser($input: UpdateUserInput!) {
    updateUser(input: $input) {
      ...UserPayloadFields
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
        language
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const LogoutMutation = graphql(`
  mutation Logout {
    logout {
      ok
      userErrors {
        ...UserErrorFields
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
        ...UserErrorFields
      }
    }
  }
`);

export const RevokeApiTokenMutation = graphql(`
  mutation RevokeApiToken($id: ID!) {
    revokeApiToken(id: $id) {
      id
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

/** Sets a password: one's own (with currentPassword) or, for admins, another user's. */
export const SetPasswordMutation = graphql(`
  mutation SetPassword($input: SetPasswordInput!) {
    setPassword(input: $input) {
      ok
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ClearSignInLockoutMutation = graphql(`
  mutation ClearSignInLockout($input: ClearSignInLockoutInput!) {
    clearSignInLockout(input: $input) {
      cleared
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateMyLanguageMutation = graphql(`
  mutation UpdateMyLanguage($language: Language) {
    updateMyLanguage(language: $language) {
      user {
        id
        language
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
