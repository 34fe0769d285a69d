import { graphql } from '../../gql';

export const SalesByMonthQuery = graphql(`
  query SalesByMonth($from: Date!, $to: Date!, $withMargins: Boolean = false) {
    salesByMonth(from: $from, to: $to) {
      month
      sales
      cogs @include(if: $withMargins)
      grossProfit @include(if: $withMargins)
      grossMargin @include(if: $withMargins)
    }
  }
`);

export const TopSellersQuery = graphql(`
  query TopSellers($from: Date!, $to: Date!, $by: TopSellersBy!, $limit: Int!) {
    topSellers(from: $from, to: $to, by: $by, limit: $limit) {
      key
      label
      labelEn
      units
      revenue
    }
  }
`);

export const SlowMovingStockQuery = graphql(`
  query SlowMovingStock($days: Int!, $first: Int!) {
    slowMovingStock(days: $days, first: $first) {
      productId
      warehouseId
      sku
      name
      warehouse
      onHand
      value
      lastSaleDate
    }
  }
`);

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
      stale
      kpis {
        ...KpiSetFields
      }
    }
  }
`);
