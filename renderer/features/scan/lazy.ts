/**
 * The camera scan, with its QR decoder (a large package): only the screens that open the
 * camera load it, and they are themselves loaded on demand.
 */
export { CameraScanDialog } from './CameraScanDialog.tsx';
