import type { Catalogue } from '../../shared/domain/procedure.ts';
import type { OfficeProfile } from '../../shared/domain/office-profile.ts';
import type { BridgeImplementation } from './bridge-handlers.ts';

export interface KioskServiceDeps {
  profile: OfficeProfile;
  catalogue: Catalogue;
  appVersion: string;
  host: 'electron' | 'headless';
}

/**
 * The implementations behind the bridge methods. Hosts build this once at start with
 * the validated profile; later services (printing, sync transport) join here with
 * their own injected collaborators.
 */
export function createKioskServices(deps: KioskServiceDeps): BridgeImplementation {
  return {
    getKioskConfig: () => ({
      profile: deps.profile,
      catalogue: deps.catalogue,
      appVersion: deps.appVersion,
      host: deps.host,
    }),
  };
}
