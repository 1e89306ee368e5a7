import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { X509Certificate } from 'node:crypto'
import path from 'node:path'
import { generate } from 'selfsigned'

export interface HqTls {
  key: string
  cert: string
  /** SHA-256 of the certificate, as Node's `fingerprint256` shows it (AA:BB:…): what shops pin. */
  fingerprint: string
}

export function fingerprintOf(certPem: string): string {
  return new X509Certificate(certPem).fingerprint256
}

/**
 * HQ's TLS identity. A brand with a real certificate passes its files; otherwise HQ makes its own
 * once, keeps it in the data folder (so the fingerprint shops pinned stays valid across restarts)
 * and shows its fingerprint for shops to pin at enrolment.
 */
export async function loadHqTls(options: { dataDir: string; certFile?: string; keyFile?: string }): Promise<HqTls> {
  if (options.certFile && options.keyFile) {
    const [cert, key] = await Promise.all([readFile(options.certFile, 'utf8'), readFile(options.keyFile, 'utf8')])
    return { cert, key, fingerprint: fingerprintOf(cert) }
  }
  const certFile = path.join(options.dataDir, 'hq-tls-cert.pem')
  const keyFile = path.join(options.dataDir, 'hq-tls-key.pem')
  if (existsSync(certFile) && existsSync(keyFile)) {
    const [cert, key] = await Promise.all([readFile(certFile, 'utf8'), readFile(keyFile, 'utf8')])
    return { cert, key, fingerprint: fingerprintOf(cert) }
  }
  const made = await makeSelfSignedTls()
  await mkdir(options.dataDir, { recursive: true })
  await writeFile(keyFile, made.key, { mode: 0o600 })
  await writeFile(certFile, made.cert)
  return made
}

/** A fresh self-made certificate (ten years: shops pin it, so it must not expire under them). */
export async function makeSelfSignedTls(): Promise<HqTls> {
  const now = new Date()
  const pems = await generate([{ name: 'commonName', value: 'service-center-hq' }], {
    keyType: 'ec',
    notBeforeDate: now,
    notAfterDate: new Date(now.getTime() + 3650 * 86_400_000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 7, ip: '127.0.0.1' }
        ]
      }
    ]
  })
  return { key: pems.private, cert: pems.cert, fingerprint: fingerprintOf(pems.cert) }
}
