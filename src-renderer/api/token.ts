import { storedString } from './storedString'

/**
 * The session token of this window. Kept in sessionStorage so a reload keeps the user signed
 * in, while closing the window (or the app) ends it.
 */
const token = storedString('session', 'service-center.token')

export const readToken = token.read
export const saveToken = token.save
