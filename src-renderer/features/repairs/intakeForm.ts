import { reactive } from 'vue'
import type { Customer, Device, Input, WarrantyVerdict } from '../../../src-shared/contract'
import type { Accessory, IntakeChannel, ServiceType } from '../../../src-shared/domain/repairTypes'
import type { PaymentMethod } from '../../../src-shared/domain/invoice'

/** Everything the check-in form holds, in one object the panels share. */
export function createIntakeForm() {
  return reactive({
    /** The returning customer picked from search, or null while a new one is typed. */
    customer: null as Customer | null,
    customerDevices: [] as Device[],
    newCustomer: { name: '', mobile: '', otherPhone: '', company: '', address: '' },
    /** A known customer with the mobile just typed (offered instead of a duplicate). */
    duplicate: null as Customer | null,
    serial: '',
    /** The device picked from the customer's list or found by its serial. */
    device: null as Device | null,
    /** Owner of a scanned device when it is not the customer at the counter. */
    deviceOwner: null as Customer | null,
    serialChecked: false,
    /** What the warranty registry says of a serial the shop has no device for (brand and model came from it). */
    registryVerdict: null as WarrantyVerdict | null,
    newDevice: { brand: '', model: '', colour: '', purchaseDate: null as string | null },
    /** The desk picked the kind of job themselves; until then it follows the registry's verdict. */
    serviceTypeChosen: false,
    job: {
      serviceType: 'paid_repair' as ServiceType,
      intakeChannel: 'walk_in' as IntakeChannel,
      symptomCode: null as string | null,
      reportedFault: '',
      condition: { scratches: false, cracks: false, liquidMarks: false, serialMismatch: false, note: '' },
      accessories: { items: [] as Accessory[], note: '' },
      passcode: { consent: false, value: '' },
      estimateFen: 0,
      depositFen: 0,
      depositMethod: 'cash' as PaymentMethod,
      promisedDate: null as string | null,
      /** when the fault appeared; null: today */
      faultDate: null as string | null
    }
  })
}

export type IntakeForm = ReturnType<typeof createIntakeForm>

const BLANK_FORM = JSON.stringify(createIntakeForm())

/** Nothing typed or picked yet: the form as a new check-in starts it. */
export function isBlankIntake(form: IntakeForm): boolean {
  return JSON.stringify(form) === BLANK_FORM
}

/** The form as the contract's check-in input. */
export function toIntakeInput(form: IntakeForm): Input<'workOrders.create'> {
  const customer: Input<'workOrders.create'>['customer'] = form.customer
    ? { kind: 'existing', id: form.customer.id }
    : {
        kind: 'new',
        fields: {
          name: form.newCustomer.name,
          mobile: form.newCustomer.mobile,
          otherPhones: form.newCustomer.otherPhone.trim() ? [form.newCustomer.otherPhone] : [],
          company: form.newCustomer.company,
          address: form.newCustomer.address
        }
      }
  const device: Input<'workOrders.create'>['device'] = form.device
    ? { kind: 'existing', id: form.device.id }
    : { kind: 'new', fields: { ...form.newDevice, serial: form.serial } }
  return {
    customer,
    device,
    ...form.job,
    passcode: { consent: form.job.passcode.consent, value: form.job.passcode.consent ? form.job.passcode.value : '' }
  }
}
