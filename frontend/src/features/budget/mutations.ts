import { graphql } from '../../gql';

/** What createBudgetLine and updateBudgetLine read back of the BudgetLinePayload. */
export const BudgetLinePayloadFieldsFragment = graphql(`
  fragment BudgetLinePayloadFields on BudgetLinePayload {
    budgetLine {
      ...BudgetLineFields
    }
    userErrors {
      ...UserErrorFields
    }
  }
`);

export const CreateBudgetLineMutation = graphql(`
  mutation CreateBudgetLine($input: CreateBudgetLineInput!) {
    createBudgetLine(input: $input) {
      ...BudgetLinePayloadFields
    }
  }
`);

export const UpdateBudgetLineMutation = graphql(`
  mutation UpdateBudgetLine($input: UpdateBudgetLineInput!) {
    updateBudgetLine(input: $input) {
      ...BudgetLinePayloadFields
    }
  }
`);

export const PostOperatingCostMutation = graphql(`
  mutation PostOperatingCost($input: OperatingCostInput!) {
    postOperatingCost(input: $input) {
      operatingCost {
        id
        number
      }
      warnings
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const CancelOperatingCostMutation = graphql(`
  mutation CancelOperatingCost($input: CancelOperatingCostInput!) {
    cancelOperatingCost(input: $input) {
      operatingCost {
        id
        number
        status
        cancelledOn
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
