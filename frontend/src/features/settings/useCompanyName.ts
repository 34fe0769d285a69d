import { useQuery } from 'urql';
import { CompanyQuery } from './queries';

/** The company's name (核算单位) for a printed head; '' until it is loaded or named. */
export function useCompanyName(): string {
  const [{ data }] = useQuery({ query: CompanyQuery });
  return data?.company.name ?? '';
}
