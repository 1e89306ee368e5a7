import { AppError, type PolicyVersion, type WarrantyUnit } from '../../../src-shared/contract'
import { withLegalMinimum, type CategoryKey, type WarrantyPolicy } from '../../../src-shared/domain/warranty/policy'
import { seededPolicyNote } from '../../../src-shared/domain/warranty/seededNotes'
import type { ProductModelsTable, WarrantyPoliciesTable, WarrantyUnitsTable } from './tables'

export type UnitRow = WarrantyUnitsTable &
  Pick<ProductModelsTable, 'brand' | 'model' | 'categoryKey'> & {
    exchangedFromSerial: string | null
    exchangedToId: string | null
    exchangedToSerial: string | null
  }

export function toUnit(row: UnitRow): WarrantyUnit {
  return {
    id: row.id,
    serial: row.serial,
    brand: row.brand,
    model: row.model,
    categoryKey: row.categoryKey as CategoryKey,
    cardNumber: row.cardNumber,
    purchaseDate: row.purchaseDate,
    invoiceNumber: row.invoiceNumber,
    dealer: row.dealer,
    productionDate: row.productionDate,
    buyerName: row.buyerName,
    buyerPhone: row.buyerPhone,
    activationDate: row.activationDate,
    exchangedFrom:
      row.exchangedFromId && row.exchangedFromSerial
        ? { id: row.exchangedFromId, serial: row.exchangedFromSerial }
        : null,
    exchangedOn: row.exchangedOn,
    exchangedTo:
      row.exchangedToId && row.exchangedToSerial ? { id: row.exchangedToId, serial: row.exchangedToSerial } : null,
    exchangeRule: row.exchangeRule ?? null,
    refundedOn: row.refundedOn ?? null,
    refundRule: row.refundRule ?? null,
    source: row.source,
    createdAt: row.createdAt
  }
}

export function toPolicyVersion(
  row: WarrantyPoliciesTable & { brand: string | null; model: string | null; modelCategoryKey?: string | null }
): PolicyVersion {
  return {
    id: row.id,
    categoryKey: row.categoryKey,
    model:
      row.modelId && row.brand !== null && row.model !== null
        ? { id: row.modelId, brand: row.brand, model: row.model }
        : null,
    effectiveFrom: row.effectiveFrom,
    // What a version saved before these settings existed does not say is its category's legal minimum.
    policy: withLegalMinimum(
      JSON.parse(row.policyJson) as WarrantyPolicy,
      row.categoryKey ?? row.modelCategoryKey ?? ''
    ),
    note: row.note,
    seededNote: seededPolicyNote(row.id, row.note),
    createdAt: row.createdAt
  }
}

/** A unit is given back once: by a refund or by an exchange, never both. */
export function refuseGivenBack(unit: WarrantyUnit): void {
  if (unit.refundedOn) throw new AppError('CONFLICT', 'errors.alreadyRefunded', { refundedOn: unit.refundedOn })
  if (unit.exchangedTo) throw new AppError('CONFLICT', 'errors.alreadyExchanged', { serial: unit.exchangedTo.serial })
}
