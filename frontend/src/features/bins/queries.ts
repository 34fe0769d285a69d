import { graphql } from '../../gql';

/** The warehouses with their bins (zones), for the bin screens. */
export const BinWarehousesQuery = graphql(`
  query BinWarehouses {
    warehouses(first: 200) {
      nodes {
        id
        code
        name
        active
        locations {
          id
          code
          name
          zone
          active
        }
      }
    }
  }
`);

/** What each bin of a warehouse holds (a null location: not yet put away). */
export const BinStockQuery = graphql(`
  query BinStock($warehouseId: ID, $locationId: ID, $productId: ID) {
    binStock(warehouseId: $warehouseId, locationId: $locationId, productId: $productId) {
      locationId
      quantity
      value
      product {
        id
        sku
        name
        nameEn
        unit
      }
    }
  }
`);

/** One bin move by its number (YK-000001). */
export const BinMoveQuery = graphql(`
  query BinMove($number: String) {
    binMove(number: $number) {
      id
      number
      postingDate
      note
      warehouse {
        id
        code
        name
      }
      lines {
        lineNo
        quantity
        value
        product {
          id
          sku
          name
          nameEn
          unit
        }
        fromLocation {
          id
          code
        }
        toLocation {
          id
          code
        }
      }
    }
  }
`);
