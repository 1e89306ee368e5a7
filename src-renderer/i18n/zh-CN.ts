/** Simplified Chinese for the shell and shared texts; each feature keeps its own in `features/<name>/messages.ts`. */
export const coreZhCN = {
  app: { title: '维修服务中心' },
  common: {
    save: '保存',
    cancel: '取消',
    confirm: '确定',
    edit: '编辑',
    search: '搜索',
    actions: '操作',
    all: '全部',
    refresh: '刷新',
    saved: '已保存',
    total: '共 {count} 条'
  },
  lang: { label: '语言', zhCN: '中文', en: 'English' },
  nav: { home: '首页', users: '用户管理', settings: '门店设置', audit: '操作日志' },
  roles: {
    admin: '系统管理员',
    manager: '店长',
    front_desk: '前台接待',
    technician: '维修技师',
    warehouse_clerk: '仓库管理员'
  },
  home: {
    welcome: '{name}，您好',
    roleLine: '当前角色：{role}',
    shopCard: '门店信息',
    shortcuts: '常用功能'
  },
  errors: {
    VALIDATION: '填写的内容有误，请检查标红的项目',
    UNAUTHENTICATED: '登录已失效，请重新登录',
    SESSION_LOCKED: '屏幕已锁定，请输入密码解锁',
    FORBIDDEN: '您的角色无权执行此操作',
    NOT_FOUND: '找不到该记录',
    CONFLICT: '操作与现有数据冲突',
    INVALID_CREDENTIALS: '用户名或密码错误',
    ACCOUNT_LOCKED: '密码错误次数过多，账号已锁定，请稍后再试或联系管理员',
    ACCOUNT_DISABLED: '该账号已停用，请联系管理员',
    ALREADY_INITIALIZED: '门店已经设置过了',
    NOT_INITIALIZED: '门店尚未设置',
    UNKNOWN_OPERATION: '不支持的操作',
    INTERNAL: '系统出错，请重试；如仍失败请联系技术支持',
    connection: '无法连接到应用服务',
    malformedJson: '请求格式错误',
    bodyTooLarge: '提交的内容过大',
    methodNotAllowed: '请求方式不被允许',
    usernameTaken: '该用户名已被使用',
    lastAdmin: '门店至少需要保留一名启用的系统管理员',
    cannotDisableSelf: '不能停用自己的账号',
    userNotFound: '找不到该用户',
    currentPasswordWrong: '当前密码不正确',
    noPermissionPage: '您的角色无权访问该页面'
  },
  validation: {
    required: '必填',
    tooSmall: { string: '至少 {limit} 个字符', number: '不能小于 {limit}', array: '至少 {limit} 项' },
    tooBig: { string: '不能超过 {limit} 个字符', number: '不能大于 {limit}', array: '不能超过 {limit} 项' },
    invalidType: '格式不正确',
    unknownField: '不认识的字段',
    invalidChoice: '请从列表中选择',
    invalid: '内容不正确',
    username: '只能包含字母、数字和 . _ -',
    timeZone: '请选择有效的时区',
    logoTooLarge: '图片过大，请选择小一些的图片',
    logoFormat: '仅支持 PNG、JPG 或 WebP 图片'
  },
}
