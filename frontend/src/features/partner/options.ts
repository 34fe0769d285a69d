/** Select options for customers or suppliers: "code name"; inactive ones are listed but disabled unless includeInactive. */
export function partnerOptions(nodes: readonly { id: string; code: string; name: string; active: boolean }[], includeInactive?: boolean) {
  return nodes.map((p) => ({ value: p.id, label: `${p.code} ${p.name}`, disabled: !includeInactive && !p.active }));
}
