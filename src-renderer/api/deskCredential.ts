import { storedString } from './storedString'

/**
 * This desk's credential from pairing with the shop server (browser mode keeps it in
 * localStorage: it belongs to the desk, not to a window or a person). Absent on the shop
 * server's own PC, which needs none.
 */
const credential = storedString('local', 'service-center.desk-credential')

export const readDeskCredential = credential.read
export const saveDeskCredential = credential.save
