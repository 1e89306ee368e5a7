import type { coreZhCN } from './zh-CN'

export const coreEn: typeof coreZhCN = {
  app: { title: 'Service Center' },
  common: {
    save: 'Save',
    cancel: 'Cancel',
    confirm: 'OK',
    edit: 'Edit',
    search: 'Search',
    actions: 'Actions',
    all: 'All',
    refresh: 'Refresh',
    saved: 'Saved',
    total: '{count} in total'
  },
  lang: { label: 'Language', zhCN: '中文', en: 'English' },
  nav: { home: 'Home', users: 'Users', settings: 'Shop settings', audit: 'Audit log' },
  roles: {
    admin: 'Administrator',
    manager: 'Shop manager',
    front_desk: 'Front desk',
    technician: 'Technician',
    warehouse_clerk: 'Warehouse clerk'
  },
  home: {
    welcome: 'Hello, {name}',
    roleLine: 'Your role: {role}',
    shopCard: 'Shop',
    shortcuts: 'Shortcuts'
  },
  errors: {
    VALIDATION: 'Some fields need attention; check the ones marked in red',
    UNAUTHENTICATED: 'Your session has ended; please sign in again',
    SESSION_LOCKED: 'The screen is locked; enter your password to unlock',
    FORBIDDEN: 'Your role is not allowed to do this',
    NOT_FOUND: 'Record not found',
    CONFLICT: 'This conflicts with existing data',
    INVALID_CREDENTIALS: 'Wrong user name or password',
    ACCOUNT_LOCKED: 'Too many wrong passwords; the account is locked. Try again later or ask an administrator',
    ACCOUNT_DISABLED: 'This account is disabled; ask an administrator',
    ALREADY_INITIALIZED: 'The shop has already been set up',
    NOT_INITIALIZED: 'The shop has not been set up yet',
    UNKNOWN_OPERATION: 'Unsupported operation',
    INTERNAL: 'Something went wrong; please try again, and call support if it persists',
    connection: 'Cannot reach the application service',
    malformedJson: 'Malformed request',
    bodyTooLarge: 'The submitted content is too large',
    methodNotAllowed: 'Request method not allowed',
    usernameTaken: 'This user name is already taken',
    lastAdmin: 'The shop must keep at least one active administrator',
    cannotDisableSelf: 'You cannot disable your own account',
    userNotFound: 'User not found',
    currentPasswordWrong: 'The current password is wrong',
    noPermissionPage: 'Your role cannot open that page'
  },
  validation: {
    required: 'Required',
    tooSmall: { string: 'At least {limit} characters', number: 'Must be at least {limit}', array: 'At least {limit} items' },
    tooBig: { string: 'At most {limit} characters', number: 'Must be at most {limit}', array: 'At most {limit} items' },
    invalidType: 'Wrong format',
    unknownField: 'Unknown field',
    invalidChoice: 'Choose one from the list',
    invalid: 'Not valid',
    username: 'Letters, digits and . _ - only',
    timeZone: 'Choose a valid time zone',
    logoTooLarge: 'The image is too large; choose a smaller one',
    logoFormat: 'Only PNG, JPG or WebP images'
  },
}
