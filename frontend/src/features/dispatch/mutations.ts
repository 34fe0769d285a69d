import { graphql } from '../../gql';

export const CreatePickListMutation = graphql(`
  mutation CreatePickList($input: CreatePickListInput!) {
    createPickList(input: $input) {
      pickList {
        ...PickListFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const RecordPickMutation = graphql(`
  mutation RecordPick($input: RecordPickInput!) {
    recordPick(input: $input) {
      pickList {
        ...PickListFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const ConfirmPickListMutation = graphql(`
  mutation ConfirmPickList($number: String!) {
    confirmPickList(number: $number) {
      pickList {
        ...PickListFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const PackShipmentMutation = graphql(`
  mutation PackShipment($input: PackShipmentInput!) {
    packShipment(input: $input) {
      tracking {
        ...ShipmentTrackingFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);

export const DispatchShipmentMutation = graphql(`
  mutation DispatchShipment($input: DispatchShipmentInput!) {
    dispatchShipment(input: $input) {
      tracking {
        ...ShipmentTrackingFields
      }
      userErrors {
        ...UserErrorFields
      }
    }
  }
`);
