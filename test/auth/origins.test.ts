import { describe, expect, it } from 'vitest'
import { frameAncestors, isAllowedOrigin, parseOrigin, parseOriginList } from '../../src/auth/origins.js'
import { isTrustedHost } from '../../src/auth/trusted-host.js'
import { loadConfig } from '../../src/config.js'

describe('origin allow-list', () => {
  it('canonicalises entries and refuses paths, wildcards, credentials and other schemes', () => {
    expect(parseOrigin('https://Portal.Example.com:443/')).toBe('https://portal.example.com')
    expect(parseOrigin('http://127.0.0.1:3000')).toBe('http://127.0.0.1:3000')
    expect(() => parseOrigin('https://portal.example.com/app')).toThrow(/origin only/)
    expect(() => parseOrigin('https://*.example.com')).toThrow()
    expect(() => parseOrigin('https://user:pw@portal.example.com')).toThrow(/origin only/)
    expect(() => parseOrigin('ftp://portal.example.com')).toThrow(/https:\/\//)
    expect(() => parseOrigin('portal.example.com')).toThrow(/not an origin/)
    expect(parseOriginList(' https://a.example.com, https://b.example.com ,https://a.example.com/ ')).toEqual(['https://a.example.com', 'https://b.example.com'])
  })

  it('matches exactly: scheme, host and port all count; "null" and junk never match', () => {
    const allowed = ['https://portal.example.com', 'http://127.0.0.1:3000']
    expect(isAllowedOrigin('https://portal.example.com', allowed)).toBe(true)
    expect(isAllowedOrigin('https://PORTAL.example.com:443', allowed)).toBe(true)
    expect(isAllowedOrigin('http://portal.example.com', allowed)).toBe(false)
    expect(isAllowedOrigin('https://portal.example.com.evil.test', allowed)).toBe(false)
    expect(isAllowedOrigin('https://evil-portal.example.com', allowed)).toBe(false)
    expect(isAllowedOrigin('http://127.0.0.1:3001', allowed)).toBe(false)
    expect(isAllowedOrigin('null', allowed)).toBe(false)
    expect(isAllowedOrigin('', allowed)).toBe(false)
    expect(isAllowedOrigin(undefined, allowed)).toBe(false)
    expect(isAllowedOrigin('javascript:alert(1)', allowed)).toBe(false)
  })

  it("builds frame-ancestors from the list, 'none' when empty", () => {
    expect(frameAncestors(['https://a.example.com', 'https://b.example.com'])).toBe('frame-ancestors https://a.example.com https://b.example.com')
    expect(frameAncestors([])).toBe("frame-ancestors 'none'")
  })

  it('config: WIDGET_ORIGINS is parsed, and a bad entry stops start-up with a readable message', () => {
    expect(loadConfig({ WIDGET_ORIGINS: 'https://portal.example.com/' }).widget.origins).toEqual(['https://portal.example.com'])
    expect(() => loadConfig({ WIDGET_ORIGINS: 'https://ok.example.com,https://portal.example.com/app' })).toThrow(/WIDGET_ORIGINS: "https:\/\/portal.example.com\/app" must be an origin only/)
  })

  it('config: the chat page is open on loopback by default and off on other addresses unless WEB_PAGE says so', () => {
    expect(loadConfig({}).web.page).toBe('open')
    expect(loadConfig({ HOST: '0.0.0.0' }).web.page).toBe('off')
    expect(loadConfig({ HOST: '0.0.0.0', WEB_PAGE: 'open' }).web.page).toBe('open')
    expect(loadConfig({ WEB_PAGE: 'off' }).web.page).toBe('off')
  })
})

describe('isTrustedHost (DNS-rebinding guard for pages that mint tokens)', () => {
  it('accepts loopback names and the PUBLIC_URL host, nothing else', () => {
    const pub = 'https://churn.example.com'
    expect(isTrustedHost('localhost:8787', pub)).toBe(true)
    expect(isTrustedHost('127.0.0.1:8787', pub)).toBe(true)
    expect(isTrustedHost('[::1]:8787', pub)).toBe(true)
    expect(isTrustedHost('churn.example.com', pub)).toBe(true)
    expect(isTrustedHost('attacker.test:8787', pub)).toBe(false)
    expect(isTrustedHost('churn.example.com.attacker.test', pub)).toBe(false)
    expect(isTrustedHost(undefined, pub)).toBe(false)
  })
})
