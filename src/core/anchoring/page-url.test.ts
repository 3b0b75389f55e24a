import { describe, expect, it } from 'vitest';
import { isTrackingParam, normalizePageUrl, tryNormalizePageUrl } from './page-url.ts';

describe('normalizePageUrl', () => {
  it('drops the fragment and tracking parameters, keeps the rest in order', () => {
    expect(normalizePageUrl('https://News.example.com/a/b?id=7&utm_source=x&utm_MEDIUM=y&fbclid=z&p=2#section-3')).toBe(
      'https://news.example.com/a/b?id=7&p=2',
    );
  });

  it('drops a query made only of trackers', () => {
    expect(normalizePageUrl('https://example.com/story?gclid=abc&utm_campaign=c')).toBe('https://example.com/story');
  });

  it('leaves an untouched query byte for byte', () => {
    expect(normalizePageUrl('https://example.com/s?q=a%20b&x=1')).toBe('https://example.com/s?q=a%20b&x=1');
  });

  it('refuses non-web URLs', () => {
    expect(() => normalizePageUrl('chrome-extension://abc/page.html')).toThrow(TypeError);
    expect(tryNormalizePageUrl('not a url')).toBeUndefined();
    expect(tryNormalizePageUrl(undefined)).toBeUndefined();
  });

  it('knows the tracking parameters by name and prefix', () => {
    expect(isTrackingParam('utm_content')).toBe(true);
    expect(isTrackingParam('msclkid')).toBe(true);
    expect(isTrackingParam('utmost')).toBe(false);
    expect(isTrackingParam('id')).toBe(false);
  });
});
