import { graphql } from '../../gql';

/** The signed-in user's to-do sections; amounts only of the classes the caller may read. */
export const WorkbenchQuery = graphql(`
  query Workbench($limit: Int, $withCustomerMoney: Boolean!, $withSupplierMoney: Boolean!) {
    workbench(limit: $limit) {
      sections {
        key
        count
        items {
          kind
          id
          number
          partner
          title
          date
          quantity
          customerAmount @include(if: $withCustomerMoney)
          supplierAmount @include(if: $withSupplierMoney)
          purchaseAmount
          reason
        }
      }
    }
  }
`);

/** Any stock change (a shipment shipped, goods received, an order reserving): only its position in the stream. */
export const WorkbenchStockSubscription = graphql(`
  subscription WorkbenchStock($after: String) {
    stockLevelChanged(after: $after) {
      seq
      resync
    }
  }
`);

/** Any alert raised for the caller (credit holds, shortages, low stock, price rises). */
export const WorkbenchAlertSubscription = graphql(`
  subscription WorkbenchAlerts($after: String) {
    alertRaised(after: $after) {
      seq
      resync
    }
  }
`);
