import { graphql } from '../../gql';

export const CreateBudgetLineMutation = graphql(`
  mutation CreateBudgetLine($input: CreateBudgetLineInput!) {
    createBudgetLine(input: $input) {
      budgetLine {
        ...BudgetLineFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const UpdateBudgetLineMutation = graphql(`
  mutation UpdateBudgetLine($input: UpdateBudgetLineInput!) {
    updateBudgetLine(input: $input) {
      budgetLine {
        ...BudgetLineFields
      }
      userErrors {
        ...UserErrorFields
      }
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
