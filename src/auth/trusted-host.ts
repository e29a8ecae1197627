const loopbackNames = new Set(['localhost', '127.0.0.1', '[::1]'])

/**
 * True when the request's Host names this server: a loopback name, or PUBLIC_URL's host.
 * Pages that mint tokens check it so a DNS-rebinding site (its own name, our IP) gets nothing.
 */
export function isTrustedHost(hostHeader: string | undefined, publicUrl: string): boolean {
  if (!hostHeader) return false
  let host: string
  try {
    host = new URL(`http://${hostHeader}`).hostname
  } catch {
    return false
  }
  return loopbackNames.has(host) || host === new URL(publicUrl).hostname
}
