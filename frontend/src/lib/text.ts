/** A typed text trimmed, or undefined when it is empty (an optional input left blank). */
export function optionalText(v: string | null | undefined): string | undefined {
  const s = v?.trim();
  return s ? s : undefined;
}
