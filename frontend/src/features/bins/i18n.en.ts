import type { binsZh } from './i18n.zh';

// English for bins and putaway; the same keys as i18n.zh.ts.
export const binsEn: Record<keyof typeof binsZh, string> = {
  'menu.bins': 'Stock by bin',
  'menu.handheldMove': 'Bin move',
  'menu.handheldMoveHint': 'Scan a bin and a product, move it to another bin',
  'bins.bin': 'Bin',
  'bins.zone': 'Zone',
  'bins.notPutAway': 'Not put away',
  'bins.empty': 'Empty bin',
  'bins.products': 'Products',
  'bins.holds': 'What {bin} holds',
  'bins.scanFrom': 'Scan the source bin (empty: not put away)',
  'bins.scanTo': 'Scan the target bin',
  'bins.unknownBin': 'Bin {code} is not in this warehouse',
  'bins.inBin': 'In bin {bin}',
  'bins.post': 'Post the bin move',
  'bins.moved': '{number}: {sku} {qty} moved from {from} to {to}',
};
