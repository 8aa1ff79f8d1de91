/**
 * Opens a headless host's launch address as the kiosk browser would and answers the
 * Cookie header it received (the launch's bridge secret), for tests that call the bridge
 * from Node rather than from the page.
 */
export async function redeemLaunch(launchUrl: string): Promise<string> {
  const res = await fetch(launchUrl);
  await res.arrayBuffer();
  const cookie = res.headers.get('set-cookie')?.split(';')[0];
  if (!res.ok || !cookie)
    throw new Error(`launch address ${launchUrl} gave no bridge cookie (${res.status})`);
  return cookie;
}
