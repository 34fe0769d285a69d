import { graphql } from '../../gql';

export const SalesByMonthQuery = graphql(`
  query SalesByMonth($from: Date!, $to: Date!) {
    salesByMonth(from: $from, to: $to) {
      month
      sales
      cogs
      grossProfit
      grossMargin
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
