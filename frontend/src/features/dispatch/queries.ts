import { graphql } from '../../gql';

export const PickListRowFieldsFragment = graphql(`
  fragment PickListRowFields on PickList {
    id
    number
    status
    createdAt
    confirmedAt
    warehouse {
      id
      code
      name
    }
    shipments {
      id
      number
      customer {
        id
        code
        name
      }
    }
    lines {
      id
      quantity
      picked
    }
  }
`);

export const PickListsQuery = graphql(`
  query PickLists($first: Int, $after: String, $filter: PickListFilter, $orderBy: PickListOrder) {
    pickLists(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      pageInfo {
        ...PageInfoFields
      }
      nodes {
        ...PickListRowFields
      }
    }
  }
`);

export const PickListFieldsFragment = graphql(`
  fragment PickListFields on PickList {
    id
    number
    status
    createdAt
    confirmedAt
    warehouse {
      id
      code
      name
    }
    lines {
      id
      seq
      shipmentNumber
      product {
        id
        sku
        name
        nameEn
        unit
      }
      location {
        id
        code
      }
      batch {
        id
        number
        expiryDate
      }
      quantity
      picked
    }
    shipments {
      id
      number
      status
      postingDate
      order {
        id
        number
      }
      customer {
        id
        code
        name
        defaultAddress {
          address
          contact
          phone
        }
      }
      lines {
        id
        lineNo
        product {
          id
          sku
          name
          nameEn
          unit
        }
        quantity
      }
    }
  }
`);

export const PickListQuery = graphql(`
  query PickList($number: String!) {
    pickList(number: $number) {
      ...PickListFields
    }
  }
`);

export const ShipmentTrackingFieldsFragment = graphql(`
  fragment ShipmentTrackingFields on ShipmentTracking {
    shipmentNumber
    carrier
    trackingNumber
    dispatchedAt
    status
    parcels {
      parcelNo
      weightKg
      lengthCm
      widthCm
      heightCm
      contents
    }
    events {
      status
      at
      note
      recordedAt
    }
  }
`);

export const ShipmentTrackingQuery = graphql(`
  query ShipmentTracking($shipmentNumber: String!) {
    shipmentTracking(shipmentNumber: $shipmentNumber) {
      ...ShipmentTrackingFields
    }
  }
`);

export const DeliveryStatusChangedSubscription = graphql(`
  subscription DeliveryStatusChanged($trackingNumber: String) {
    deliveryStatusChanged(trackingNumber: $trackingNumber) {
      shipmentNumber
      trackingNumber
      status
      at
      note
    }
  }
`);
