/**
 * The kinds of job the counter takes in. A shop-warranty repair is the shop's own repair warranty
 * on its earlier paid work (a comeback within the repair-warranty days): free to the customer,
 * borne by the shop, never claimed from the brand and no 三包 repair of the unit.
 */
export const SERVICE_TYPES = [
  'warranty_repair',
  'paid_repair',
  'installation',
  'inspection',
  'shop_warranty_repair'
] as const
export type ServiceType = (typeof SERVICE_TYPES)[number]

/**
 * The kinds a check-in may choose. A shop-warranty repair is opened only as a comeback of the
 * shop's own earlier job, by a manager's reopen that checks the repair-warranty days: at the
 * counter it would be a whole repair given away without anyone's approval.
 */
export const CHECK_IN_SERVICE_TYPES: readonly ServiceType[] = SERVICE_TYPES.filter(
  (type) => type !== 'shop_warranty_repair'
)

/** How the job reached the shop. */
export const INTAKE_CHANNELS = ['walk_in', 'phone_booking', 'mail_in'] as const
export type IntakeChannel = (typeof INTAKE_CHANNELS)[number]

/** Accessories the customer left with the device, ticked at intake. */
export const ACCESSORIES = ['charger', 'cable', 'box', 'case', 'sim_card', 'memory_card', 'remote_control'] as const
export type Accessory = (typeof ACCESSORIES)[number]

/** The configurable code lists; fault location and cause are the failure data the brand analyses. */
export const CODE_LISTS = ['symptom', 'fault_location', 'fault_cause'] as const
export type CodeList = (typeof CODE_LISTS)[number]

/** How the customer gave their answer to a quote. */
export const DECISION_CHANNELS = ['in_person', 'phone'] as const
export type DecisionChannel = (typeof DECISION_CHANNELS)[number]
