import { StockTask } from '../components/StockTask';

/** Count a product in a warehouse on a handheld; the difference is posted as a stock adjustment. */
export default function CountPage() {
  return <StockTask mode="count" />;
}
