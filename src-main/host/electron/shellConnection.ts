import type { AppContext } from '../../app/context'
import type { HandlerTable } from '../../rpc/handler'
import { AppError, type RpcResult } from '../../../src-shared/contract'
import type { DeskSetupRequest, DeskSetupStatus, LiveChangeMessage } from '../../../src-shared/bridge'
import { followShopServerChanges, type ChangeStream } from '../desk/changeStream'
import { forgetDeskConfig, readDeskConfig, saveDeskConfig, type DeskConfig } from '../desk/deskConfig'
import { pairWithShopServer, ShopServerClient } from '../desk/shopServerClient'
import { handleDeskIpcCall } from './deskIpcBridge'
import { handleIpcCall, refuseUntrustedCall, type IpcSender } from './ipcBridge'

export interface ShellConnectionOptions {
  dataDir: string
  handlers: HandlerTable
  appUrlPrefix: string
  /** Opens this PC's own shop (its database and schedules); called when this PC is, or becomes, no desk. */
  openLocal: () => AppContext
  /**
   * Starts the background work of a PC that keeps the data (backups, HQ sync) and returns its stop.
   * Run while this PC is its own shop server, stopped while it is a desk: a desk's copy of the
   * data is left as it was when it was paired, so backing it up or syncing it would be wrong.
   */
  startSchedules?: (app: AppContext) => () => void
  /** Options for the desk client (tests: the loopback address to call from, short retries). */
  client?: { localAddress?: string; retryDelaysMs?: readonly number[] }
}

type Target = { kind: 'desk'; config: DeskConfig; client: ShopServerClient } | { kind: 'local'; app: AppContext }

/**
 * Where the desktop shell sends the renderer's calls: this PC's own services, or, once this PC
 * is paired as a desk (a `desk.json` in its data folder), the shop server over the pinned HTTPS
 * client, with the same sender checks first. Live changes come from the same place. Kept free of
 * Electron so it is tested in plain Node; host/electron/main.ts plugs it into ipcMain.
 */
export class ShellConnection {
  private target: Target
  /** This PC's own shop once opened: kept open while the PC is a desk, so it is never opened twice. */
  private ownShop: AppContext | null = null
  /** Stops the own shop's schedules; set exactly while this PC is its own shop server. */
  private stopSchedules: (() => void) | null = null

  constructor(private readonly options: ShellConnectionOptions) {
    const config = readDeskConfig(options.dataDir)
    this.target = config ? this.deskTarget(config) : this.localTarget()
  }

  /** This PC's own shop, when it keeps the data (print and backup schedules need it); null at a desk. */
  get localApp(): AppContext | null {
    return this.target.kind === 'local' ? this.target.app : null
  }

  status(): DeskSetupStatus {
    return this.target.kind === 'desk'
      ? { mode: 'desk', serverUrl: this.target.config.url }
      : { mode: 'shop-server', serverUrl: null }
  }

  call(sender: IpcSender, payload: unknown): Promise<RpcResult<unknown>> {
    const { appUrlPrefix, handlers } = this.options
    return this.target.kind === 'desk'
      ? handleDeskIpcCall(this.target.client, appUrlPrefix, sender, payload)
      : handleIpcCall(this.target.app, handlers, appUrlPrefix, sender, payload)
  }

  /** The live changes a session sees: the shop server's stream at a desk, this PC's own otherwise. */
  watchChanges(token: string, listen: (message: LiveChangeMessage) => void): ChangeStream {
    if (this.target.kind === 'desk') return followShopServerChanges(this.target.client, token, listen)
    const app = this.target.app
    if (!app.sessions.get(token)) {
      listen({ kind: 'refused', status: 401 })
      return { close: () => undefined }
    }
    listen({ kind: 'open' })
    const stop = app.changes.subscribe((changes) => {
      if (app.sessions.get(token)) listen({ kind: 'changes', batch: { changes } })
    })
    return { close: () => void stop() }
  }

  /** Pairing with a shop server, forgetting it, or asking which of the two this PC is. */
  async deskSetup(sender: IpcSender, payload: unknown): Promise<RpcResult<DeskSetupStatus>> {
    const refused = refuseUntrustedCall(this.options.appUrlPrefix, sender, payload)
    if (refused) return refused as RpcResult<DeskSetupStatus>
    const request = payload as DeskSetupRequest
    if (request.action === 'pair') return this.pair(request)
    if (request.action === 'forget') {
      forgetDeskConfig(this.options.dataDir)
      this.useTarget(this.localTarget())
    } else if (request.action !== 'status') {
      return { ok: false, error: new AppError('VALIDATION').toData() }
    }
    return { ok: true, data: this.status() }
  }

  close(): void {
    this.stopOwnSchedules()
    if (this.target.kind === 'desk') this.target.client.close()
  }

  private async pair(request: Extract<DeskSetupRequest, { action: 'pair' }>): Promise<RpcResult<DeskSetupStatus>> {
    let url: string
    try {
      url = new URL(request.url).href
      if (!url.startsWith('https://')) throw new Error('not https')
    } catch {
      return { ok: false, error: new AppError('VALIDATION', 'errors.VALIDATION', { url: request.url }).toData() }
    }
    const input = { code: String(request.code), ...(request.deskName ? { deskName: String(request.deskName) } : {}) }
    const paired = await pairWithShopServer(url, input, this.options.client?.localAddress)
    if (!paired.ok) return paired
    const config: DeskConfig = {
      url,
      fingerprint: paired.fingerprint,
      credential: paired.pairing.credential,
      deskId: paired.pairing.deskId
    }
    saveDeskConfig(this.options.dataDir, config)
    this.useTarget(this.deskTarget(config))
    return { ok: true, data: this.status() }
  }

  private useTarget(next: Target): void {
    if (this.target.kind === 'desk' && this.target !== next) this.target.client.close()
    if (next.kind === 'desk') this.stopOwnSchedules()
    this.target = next
  }

  private localTarget(): Target {
    const app = (this.ownShop ??= this.options.openLocal())
    this.stopSchedules ??= this.options.startSchedules?.(app) ?? null
    return { kind: 'local', app }
  }

  private stopOwnSchedules(): void {
    this.stopSchedules?.()
    this.stopSchedules = null
  }

  private deskTarget(config: DeskConfig): Target {
    const { client } = this.options
    const clientOptions = {
      url: config.url,
      fingerprint: config.fingerprint,
      credential: config.credential,
      ...(client?.localAddress ? { localAddress: client.localAddress } : {}),
      ...(client?.retryDelaysMs ? { retryDelaysMs: client.retryDelaysMs } : {})
    }
    return { kind: 'desk', config, client: new ShopServerClient(clientOptions) }
  }
}
