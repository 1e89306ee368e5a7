export interface ShopSettingsTable {
  key: string
  /** JSON text. */
  value: string
  updatedAt: string
  updatedBy: string | null
}

export interface SettingsTables {
  shopSettings: ShopSettingsTable
}
