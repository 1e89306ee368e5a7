import type { PulledTableApplier } from './pulledTables'

/** The brand's service bulletins, kept as HQ publishes them. */
export const applyServiceBulletins: PulledTableApplier<'serviceBulletins'> = ({ sqlite, at }, changes) => {
  const upsert = sqlite.prepare(
    `INSERT INTO service_bulletins (id, title, body, models_json, published_at, received_at) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (id) DO UPDATE SET title = excluded.title, body = excluded.body, models_json = excluded.models_json,
       published_at = excluded.published_at, received_at = excluded.received_at`
  )
  const remove = sqlite.prepare('DELETE FROM service_bulletins WHERE id = ?')
  for (const change of changes) {
    if (change.operation === 'delete') remove.run(change.key)
    else {
      const bulletin = change.row
      upsert.run(
        bulletin.id,
        bulletin.title,
        bulletin.body,
        JSON.stringify(bulletin.models),
        bulletin.publishedAt,
        at.toISOString()
      )
    }
  }
}
