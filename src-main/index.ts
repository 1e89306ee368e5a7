import { startElectronShell } from './host/electron/main'

startElectronShell()
