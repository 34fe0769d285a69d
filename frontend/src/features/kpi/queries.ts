import { graphql } from '../../gql';

export const KpiSetFieldsFragment = graphql(`
  fragment KpiSetFields on KpiSet {
    from
    to
    sales
    cogs
    grossProfit
    grossMargin
    netIncome
    netMargin
    averageInventory
    averageReceivables
    averagePayables
    inventoryTurnover
    dio
    dso
    dpo
    cashConversionCycle
    unitsSold
    unitCost
    ratedDeliveries
    customerSatisfaction
    linesDue
    fulfilmentRate
  }
`);

export const KpisQuery = graphql(`
  query Kpis($from: Date!, $to: Date!, $compareFrom: Date, $compareTo: Date) {
    kpis(from: $from, to: $to, compareFrom: $compareFrom, compareTo: $compareTo) {
      current {
        ...KpiSetFields
      }
      comparison {
        ...KpiSetFields
      }
      salesGrowth
    }
  }
`);

export const PeriodSummaryQuery = graphql(`
  query PeriodSummary($year: Int!, $month: Int!) {
    periodSummary(year: $year, month: $month) {
      year
      month
      computedAt
      kpis {
        ...KpiSetFields
      }
    }
  }
`);
