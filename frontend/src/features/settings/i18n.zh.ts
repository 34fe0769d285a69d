// Simplified Chinese for the company settings module; i18n.en.ts has the same keys.
export const settingsZh = {
  'menu.companySettings': '职责分离',
  'settings.title': '职责分离设置',
  'settings.intro': '每项控制默认开启：开启时由系统拒绝同一人完成两个环节，或拒绝无权限角色的操作，并说明原因。只有管理员或经理可以修改。',
  'settings.creditLimitRaiseByFinance': '提高客户信用额度须由财务或经理操作（销售只能调低）',
  'settings.mismatchApprovalByOther': '录入供应商发票的人不能审批其三单匹配差异',
  'settings.orderApprovalByOther': '采购订单创建人不能审批超过限额的订单',
  'settings.orderSelfApprovalLimit': '自审限额（不含税金额，超过即须他人审批；0 表示一律须他人审批）',
  'settings.openingStockByFinance': '期初库存仅限财务或管理员录入，且只能用于尚无库存变动的商品/仓库',
  'settings.postingAccountsProtected': '过账规则使用的科目或有余额的科目不能停用',
  'settings.belowCostSaleByManager': '低于平均成本销售须由经理确认订单',
  'settings.save': '保存',
  'settings.saved': '职责分离设置已保存',
  'settings.updatedAt': '最近修改：{at}',
  'settings.limitInvalid': '请输入不小于 0、最多两位小数的金额',
};
