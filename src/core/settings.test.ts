import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, isSiteOn, readSettings, siteOf, tabSettings, withSite, type Settings } from './settings.ts';

describe('settings', () => {
  it('defaults: on for all sites, not paused, every type, the reader\'s dwell', () => {
    expect(DEFAULT_SETTINGS).toMatchObject({ mode: 'all', paused: false, disabledSites: [], hoverDelayMs: 300, highlightStyle: 'underline' });
    expect(DEFAULT_SETTINGS.enabledTypes).toHaveLength(6);
    expect(readSettings(undefined)).toEqual(DEFAULT_SETTINGS);
  });

  it('a damaged field falls back to its default and keeps the others', () => {
    const s = readSettings({ mode: 'allowlist', hoverDelayMs: 'soon', allowedSites: ['bbc.com'], highlightStyle: 'blink' });
    expect(s.mode).toBe('allowlist');
    expect(s.allowedSites).toEqual(['bbc.com']);
    expect(s.hoverDelayMs).toBe(300);
    expect(s.highlightStyle).toBe('underline');
    expect(readSettings({ hoverDelayMs: 5 }).hoverDelayMs).toBe(300);
    expect(readSettings('garbage')).toEqual(DEFAULT_SETTINGS);
  });

  it('a site is its lower-cased host without "www."; only http(s) pages have one', () => {
    expect(siteOf('https://WWW.BBC.co.uk/news/1?x')).toBe('bbc.co.uk');
    expect(siteOf('http://127.0.0.1:4173/a.html')).toBe('127.0.0.1');
    expect(siteOf('chrome://extensions')).toBeUndefined();
    expect(siteOf('not a url')).toBeUndefined();
  });

  it('mode "all": on unless switched off; pause stops everything', () => {
    let s = withSite(DEFAULT_SETTINGS, 'bbc.com', false);
    expect(s.disabledSites).toEqual(['bbc.com']);
    expect(isSiteOn(s, 'bbc.com')).toBe(false);
    expect(isSiteOn(s, 'rt.com')).toBe(true);
    expect(isSiteOn({ ...s, paused: true }, 'rt.com')).toBe(false);
    s = withSite(s, 'bbc.com', true);
    expect(s.disabledSites).toEqual([]);
    expect(isSiteOn(s, 'bbc.com')).toBe(true);
    expect(isSiteOn(s, undefined)).toBe(false);
  });

  it('mode "allowlist": off unless allowed; switching twice lists a site once', () => {
    let s: Settings = { ...DEFAULT_SETTINGS, mode: 'allowlist' };
    expect(isSiteOn(s, 'bbc.com')).toBe(false);
    s = withSite(withSite(s, 'bbc.com', true), 'bbc.com', true);
    expect(s.allowedSites).toEqual(['bbc.com']);
    expect(tabSettings(s, 'bbc.com').on).toBe(true);
    expect(tabSettings(s, 'rt.com').on).toBe(false);
  });
});
