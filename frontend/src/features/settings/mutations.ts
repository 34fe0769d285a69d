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

export const UpdateNumberingRuleMutation = graphql(`
  mutation UpdateNumberingRule($input: NumberingRuleInput!) {
    updateNumberingRule(input: $input) {
      rule {
        ...NumberingRuleFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
