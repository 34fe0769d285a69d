import { graphql } from '../../gql';

export const UpdateCompanySettingsMutation = graphql(`
  mutation UpdateCompanySettings($input: CompanySettingsInput!) {
    updateCompanySettings(input: $input) {
      settings {
        ...CompanySettingsFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
