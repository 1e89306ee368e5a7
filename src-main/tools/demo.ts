import { resolve } from 'node:path'
import { openApp, closeApp } from '../app/openApp'
import { resolveDataDir } from '../app/dataDir'
import { dispatch } from '../rpc/dispatch'
import { handlers } from '../rpc/handlers'
import type { AppContext } from '../app/context'
import type { Input, OperationName, Output } from '../../src-shared/contract'
import type { Role } from '../../src-shared/domain/roles'

/**
 * Fills a fresh data folder with a demo shop, going through the same contract calls as the UI
 * so every record has its audit trail. Demo accounts share one password, printed at the end;
 * they exist only in demo data, never in a real shop.
 */
const DEMO_PASSWORD = 'demo1234'

const SHOP = {
  name: '鑫诚家电手机维修服务中心',
  address: '广州市天河区天河路 385 号太古汇 2 楼 218 室',
  phone: '020-3888 6688',
  taxNumber: '91440106MA5D8XK27Q',
  logo: null,
  timeZone: 'Asia/Shanghai'
}

const STAFF: { username: string; displayName: string; phone: string; role: Role; disabled?: boolean }[] = [
  { username: 'wangfang', displayName: '王芳', phone: '13802256618', role: 'manager' },
  { username: 'liting', displayName: '李婷', phone: '13926083471', role: 'front_desk' },
  { username: 'chenjing', displayName: '陈静', phone: '15013397725', role: 'front_desk' },
  { username: 'zhangwei', displayName: '张伟', phone: '13660412298', role: 'technician' },
  { username: 'liuyang', displayName: '刘洋', phone: '18620935546', role: 'technician' },
  { username: 'huanglei', displayName: '黄磊', phone: '13711870263', role: 'technician' },
  { username: 'zhoumin', displayName: '周敏', phone: '13533651907', role: 'warehouse_clerk' },
  { username: 'sunqiang', displayName: '孙强', phone: '13902871154', role: 'technician', disabled: true }
]

async function must<K extends OperationName>(app: AppContext, operation: K, input: Input<K>, token?: string): Promise<Output<K>> {
  const result = await dispatch(app, handlers, { operation, input, token })
  if (!result.ok) throw new Error(`${operation} failed: ${result.error.code} ${JSON.stringify(result.error.details ?? {})}`)
  return result.data as Output<K>
}

async function main(): Promise<void> {
  const dataDir = resolveDataDir(process.argv, process.env, resolve('demo-data'))
  const app = openApp({ dataDir })
  try {
    if ((await must(app, 'setup.status', {})).initialized) {
      throw new Error(`${dataDir} already holds a shop; point --data-dir at an empty folder.`)
    }
    const { token } = await must(app, 'setup.initialize', {
      shop: SHOP,
      admin: { username: 'admin', displayName: '赵建国', password: DEMO_PASSWORD }
    })
    for (const member of STAFF) {
      const { disabled, ...fields } = member
      const user = await must(app, 'users.create', { ...fields, password: DEMO_PASSWORD }, token)
      if (disabled) await must(app, 'users.setDisabled', { id: user.id, disabled: true }, token)
      else await must(app, 'auth.signIn', { username: member.username, password: DEMO_PASSWORD })
    }
    console.log(`Demo shop "${SHOP.name}" created in ${dataDir}`)
    console.log(`Accounts (password for all: ${DEMO_PASSWORD}): admin, ${STAFF.filter((s) => !s.disabled).map((s) => s.username).join(', ')}`)
    console.log(`Start it with: npm run web -- --data-dir "${dataDir}"`)
  } finally {
    await closeApp(app)
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
