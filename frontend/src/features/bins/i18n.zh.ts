// Simplified Chinese for bins and putaway; i18n.en.ts has the same keys.
export const binsZh = {
  'menu.bins': '库位库存',
  'menu.handheldMove': '移库',
  'menu.handheldMoveHint': '扫描库位和商品，移到另一库位',
  'bins.bin': '库位',
  'bins.zone': '库区',
  'bins.notPutAway': '未上架',
  'bins.empty': '空库位',
  'bins.products': '商品数',
  'bins.holds': '{bin} 存放的商品',
  'bins.scanFrom': '扫描来源库位（留空：未上架）',
  'bins.scanTo': '扫描目标库位',
  'bins.unknownBin': '库位 {code} 不在此仓库',
  'bins.inBin': '库位 {bin} 中',
  'bins.post': '过账移库',
  'bins.moved': '{number}：{sku} {qty} 已从 {from} 移至 {to}',
};
