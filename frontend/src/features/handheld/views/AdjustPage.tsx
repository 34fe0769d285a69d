import { StockTask } from '../components/StockTask';

/** A stock adjustment (count variance or scrap) of one product on a handheld. */
export default function AdjustPage() {
  return <StockTask mode="adjust" />;
}
