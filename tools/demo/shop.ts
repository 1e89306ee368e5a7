import type { AppContext } from '../../src-main/app/context'
import { dispatch } from '../../src-main/rpc/dispatch'
import { handlers } from '../../src-main/rpc/handlers'
import type { Input, OperationName, Output } from '../../src-shared/contract'
import type { Role } from '../../src-shared/domain/roles'

/** Demo accounts share one password; they exist only in demo data, never in a real shop. */
export const DEMO_PASSWORD = 'demo1234'

export const SHOP = {
  name: '鑫诚家电手机维修服务中心',
  address: '广州市天河区天河路 385 号太古汇 2 楼 218 室',
  phone: '020-3888 6688',
  taxNumber: '91440106MA5D8XK27Q',
  logo: null,
  timeZone: 'Asia/Shanghai'
}

export interface StaffMember {
  username: string
  displayName: string
  phone: string
  role: Role
  disabled?: boolean
}

export const STAFF: readonly StaffMember[] = [
  { username: 'wangfang', displayName: '王芳', phone: '13802256618', role: 'manager' },
  { username: 'liting', displayName: '李婷', phone: '13926083471', role: 'front_desk' },
  { username: 'chenjing', displayName: '陈静', phone: '15013397725', role: 'front_desk' },
  { username: 'zhangwei', displayName: '张伟', phone: '13660412298', role: 'technician' },
  { username: 'liuyang', displayName: '刘洋', phone: '18620935546', role: 'technician' },
  { username: 'huanglei', displayName: '黄磊', phone: '13711870263', role: 'technician' },
  { username: 'zhoumin', displayName: '周敏', phone: '13533651907', role: 'warehouse_clerk' },
  { username: 'sunqiang', displayName: '孙强', phone: '13902871154', role: 'technician', disabled: true }
]

/** One contract call; a refusal is a bug in the generator, so it stops the run. */
export async function must<K extends OperationName>(
  app: AppContext,
  operation: K,
  input: Input<K>,
  token?: string
): Promise<Output<K>> {
  const result = await dispatch(app, handlers, { operation, input, token })
  if (!result.ok)
    throw new Error(`${operation} failed: ${result.error.code} ${JSON.stringify(result.error.details ?? {})}`)
  return result.data as Output<K>
}

export interface DemoUser {
  id: string
  username: string
  role: Role
}

/**
 * Sets the shop up and creates its staff through the contract, as the admin would on the first
 * day. Returns the admin's token and every account by user name.
 */
export async function createShop(app: AppContext): Promise<{ token: string; users: Map<string, DemoUser> }> {
  if ((await must(app, 'setup.status', {})).initialized) {
    throw new Error('This data folder already holds a shop; point --data-dir at an empty folder.')
  }
  const setup = await must(app, 'setup.initialize', {
    shop: SHOP,
    admin: { username: 'admin', displayName: '赵建国', password: DEMO_PASSWORD }
  })
  const users = new Map<string, DemoUser>([['admin', { id: setup.user.id, username: 'admin', role: 'admin' }]])
  for (const member of STAFF) {
    const { disabled, ...fields } = member
    const user = await must(app, 'users.create', { ...fields, password: DEMO_PASSWORD }, setup.token)
    if (disabled) await must(app, 'users.setDisabled', { id: user.id, disabled: true }, setup.token)
    users.set(user.username, { id: user.id, username: user.username, role: user.role })
  }
  return { token: setup.token, users }
}
