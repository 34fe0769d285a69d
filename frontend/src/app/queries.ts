import { graphql } from '../gql';

export const ClockSubscription = graphql(`
  subscription Clock {
    clock
  }
`);
