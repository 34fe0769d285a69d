// Simplified Chinese, the default language: the app shell's messages here, each module's
// in features/<module>/i18n.zh.ts. en.ts must have the same keys (a unit test checks it).
import { usersZh } from '../features/users/i18n.zh';
import { catalogZh } from '../features/catalog/i18n.zh';
import { stockZh } from '../features/stock/i18n.zh';
import { transfersZh } from '../features/transfers/i18n.zh';
import { dispatchZh } from '../features/dispatch/i18n.zh';
import { countsZh } from '../features/counts/i18n.zh';
import { scrapZh } from '../features/scrap/i18n.zh';
import { batchesZh } from '../features/batches/i18n.zh';
import { binsZh } from '../features/bins/i18n.zh';
import { ledgerZh } from '../features/ledger/i18n.zh';
import { partnerZh } from '../features/partner/i18n.zh';
import { salesZh } from '../features/sales/i18n.zh';
import { purchasingZh } from '../features/purchasing/i18n.zh';
import { supplierReturnsZh } from '../features/supplierReturns/i18n.zh';
import { budgetZh } from '../features/budget/i18n.zh';
import { analyticsZh } from '../features/analytics/i18n.zh';
import { alertsZh } from '../features/alerts/i18n.zh';
import { workbenchZh } from '../features/workbench/i18n.zh';
import { auditZh } from '../features/audit/i18n.zh';
import { settingsZh } from '../features/settings/i18n.zh';
import { enumsZh } from './enums.zh';
import { exportZh } from '../features/export/i18n.zh';
import { handheldZh } from '../features/handheld/i18n.zh';

export const zh = {
  ...enumsZh,
  'app.name': 'JXC 进销存',
  'app.loading': '加载中…',
  'app.error': '出错了',
  'app.internalError': '内部错误，请稍后重试',
  'app.forbidden': '您的角色无权执行此操作',
  'app.notFound': '页面不存在',
  'app.retry': '重试',
  'app.backHome': '返回首页',
  'lang.switch': 'English',
  'menu.home': '首页',
  'menu.graphiql': 'GraphiQL',
  'header.menu': '菜单',
  'header.logout': '退出登录',
  'home.welcome': '欢迎，{name}',
  'home.user': '用户',
  'home.username': '用户名',
  'home.roles': '角色',
  'home.live': '实时连接',
  'home.serverTime': '服务器时间',
  'live.live': '已连接',
  'live.connecting': '连接中',
  'live.offline': '已断开',
  'graphiql.hint': '需要先登录（使用会话 Cookie），或在 Headers 中加入',
  'menuGroup.stock': '仓储',
  'menuGroup.finance': '财务',
  'menuGroup.account': '账户',
  'common.actions': '操作',
  'common.active': '启用',
  'common.inactive': '停用',
  'common.all': '全部',
  'common.cancel': '取消',
  'common.save': '保存',
  'common.edit': '编辑',
  'common.delete': '删除',
  'common.createdAt': '创建时间',
  'common.description': '说明',
  'common.postingDate': '记账日期',
  'common.required': '必填',
  'common.status': '状态',
  'common.total': '共 {n} 条',
  'common.decimalInvalid': '请输入数字（小数位数不超过允许值）',
  'list.search': '搜索单号、名称、编码…',
  'list.columns': '列',
  'list.selected': '已选 {n} 项',
  'list.clearSelection': '取消选择',
  'export.xlsx': '导出 Excel',
  'export.totalRow': '合计',
  'export.done': '已导出 {n} 行',
  'export.capped': '只导出了前 {n} 行（共 {total} 行，上限 {cap}）；请缩小筛选范围',
  'export.failed': '导出失败：{error}',
  'menuGroup.purchasing': '采购',
  'menuGroup.sales': '销售',
  ...usersZh,
  ...catalogZh,
  ...stockZh,
  ...transfersZh,
  ...dispatchZh,
  ...countsZh,
  ...scrapZh,
  ...batchesZh,
  ...binsZh,
  ...ledgerZh,
  ...partnerZh,
  ...salesZh,
  ...purchasingZh,
  ...supplierReturnsZh,
  ...budgetZh,
  ...analyticsZh,
  ...alertsZh,
  ...workbenchZh,
  ...auditZh,
  ...settingsZh,
  ...exportZh,
  ...handheldZh,
} as const;

export type MessageKey = keyof typeof zh;
