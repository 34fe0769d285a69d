import { graphql } from '../../gql';

/** 资产负债表 (会小企01表) at the end of a month, with each line's accounts for the drill-down. */
export const StatutoryBalanceSheetQuery = graphql(`
  query StatutoryBalanceSheet($year: Int!, $month: Int!) {
    statutoryBalanceSheet(year: $year, month: $month) {
      year
      month
      asOf
      yearOpeningDate
      balanced
      lines {
        lineNo
        labelZh
        labelEn
        kind
        indent
        side
        closing
        yearOpening
        accounts {
          account {
            code
            name
            nameEn
          }
          closing
          yearOpening
        }
      }
    }
  }
`);

/** 利润表 (会小企02表) for a month and the year to date, with each line's accounts. */
export const StatutoryIncomeStatementQuery = graphql(`
  query StatutoryIncomeStatement($year: Int!, $month: Int!) {
    statutoryIncomeStatement(year: $year, month: $month) {
      year
      month
      from
      to
      lines {
        lineNo
        labelZh
        labelEn
        kind
        indent
        month
        yearToDate
        accounts {
          account {
            code
            name
            nameEn
          }
          month
          yearToDate
        }
      }
    }
  }
`);

/** A form's lines as defined, with the account prefixes, signs and rules of its ACCOUNTS lines (the mapping editor). */
export const StatementMappingQuery = graphql(`
  query StatementMapping($form: StatementForm!) {
    statementMapping(form: $form) {
      ...StatementLineDefinitionFields
    }
  }
`);

/** What the mapping editor shows of a line of a form. */
export const StatementLineDefinitionFieldsFragment = graphql(`
  fragment StatementLineDefinitionFields on StatementLineDefinition {
    form
    position
    lineNo
    kind
    labelZh
    labelEn
    indent
    formula
    accounts {
      prefix
      sign
      rule
    }
  }
`);
