import { X509Certificate } from 'node:crypto'
import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs'
import { hostname, networkInterfaces } from 'node:os'
import { join } from 'node:path'
import { generate } from 'selfsigned'
import { HAS_UNIX_MODES, PRIVATE_FILE_MODE } from '../../app/privateFiles'

/** Kept in the data folder beside the database and the passcode key: owner-only, like them. */
export const LAN_KEY_FILE = 'shop-server-tls.key'
export const LAN_CERTIFICATE_FILE = 'shop-server-tls.crt'

export interface LanCertificate {
  key: string
  cert: string
  /** SHA-256 of the certificate, `AB:CD:...`, as browsers and the desk client show it. */
  fingerprint: string
}

/** Ten years: no outside authority renews it, and a desk pins it; a new one means pairing again. */
const VALID_YEARS = 10

/**
 * The shop server's own certificate, made the first time the LAN listener opens (no outside
 * certificate authority). Desks pin its fingerprint at pairing; browsers trust it by hand.
 */
export async function loadOrCreateLanCertificate(dataDir: string, now: Date = new Date()): Promise<LanCertificate> {
  const keyFile = join(dataDir, LAN_KEY_FILE)
  const certFile = join(dataDir, LAN_CERTIFICATE_FILE)
  if (existsSync(keyFile) && existsSync(certFile)) {
    return withFingerprint(readFileSync(keyFile, 'utf8'), readFileSync(certFile, 'utf8'))
  }
  const notAfter = new Date(now)
  notAfter.setFullYear(notAfter.getFullYear() + VALID_YEARS)
  const made = await generate([{ name: 'commonName', value: 'Service Center shop server' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: notAfter,
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: subjectAltNames() }
    ]
  })
  writeFileSync(keyFile, made.private, { mode: PRIVATE_FILE_MODE })
  if (HAS_UNIX_MODES) chmodSync(keyFile, PRIVATE_FILE_MODE)
  writeFileSync(certFile, made.cert, { mode: PRIVATE_FILE_MODE })
  return withFingerprint(made.private, made.cert)
}

/**
 * The names a browser may reach the shop server by: its host name and its addresses as they are
 * now (a browser checks them; a desk pins the fingerprint instead and does not care). A shop gives
 * the shop server a fixed address before turning the listener on.
 */
function subjectAltNames(): { type: 2 | 7; value?: string; ip?: string }[] {
  const addresses = Object.values(networkInterfaces())
    .flat()
    .filter((nic) => nic !== undefined && nic.family === 'IPv4')
    .map((nic) => nic!.address)
  const names = [...new Set(['localhost', hostname()])].filter((name) => /^[A-Za-z0-9.-]+$/.test(name))
  return [
    ...names.map((value) => ({ type: 2 as const, value })),
    ...[...new Set(['127.0.0.1', ...addresses])].map((ip) => ({ type: 7 as const, ip }))
  ]
}

function withFingerprint(key: string, cert: string): LanCertificate {
  return { key, cert, fingerprint: new X509Certificate(cert).fingerprint256 }
}
