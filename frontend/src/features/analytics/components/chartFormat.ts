/** A compact axis number in the screen's language (1.2万, 1.2M): the one value-axis format of every dashboard chart. */
export function compact(locale: string): (v: number) => string {
  const f = new Intl.NumberFormat(locale, { notation: 'compact' });
  return (v: number) => f.format(v);
}
