/** "code name" for an account in the current language. */
export function accountLabel(a: { code: string; name: string; nameEn?: string | null }, localName: (o: { name: string; nameEn?: string | null }) => string): string {
  return `${a.code} ${localName(a)}`;
}
