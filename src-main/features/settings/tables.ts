export interface ShopSettingsTable {
  key: string
  /** JSON text. */
  value: string
  updatedAt: string
  updatedBy: string | null
}

/** A setting of one desk (features/settings/deskSettings.ts), keyed by the desk id of the call. */
export interface DeskSettingsTable {
  deskId: string
  key: string
  /** JSON text. */
  value: string
  updatedAt: string
  updatedBy: string | null
}

export interface SettingsTables {
  shopSettings: ShopSettingsTable
  deskSettings: DeskSettingsTable
}
