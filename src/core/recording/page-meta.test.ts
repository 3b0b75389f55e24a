import { describe, expect, it } from 'vitest';
import { readPageMeta } from './page-meta.ts';

const base = { url: 'https://www.example.com/story?utm_source=x', title: 'Story | Example', meta: {}, jsonLd: [], times: [] };

describe('the page as a source', () => {
  it('reads the publication date, outlet, title and language from meta tags, with the evidence', () => {
    const page = readPageMeta({ ...base, lang: 'en-GB', meta: { 'article:published_time': '2023-03-14T09:30:00Z', 'og:site_name': 'Example News', 'og:title': 'Talks stall' } });
    expect(page).toMatchObject({ title: 'Talks stall', outlet: 'Example News', language: 'en', published: { from: '2023-03-14', to: '2023-03-14', precision: 'day' } });
    expect(page.published?.reasoning).toBeTruthy();
  });

  it('falls back to JSON-LD datePublished, then the domain as outlet; a broken JSON-LD block is skipped', () => {
    const page = readPageMeta({ ...base, jsonLd: ['{broken', JSON.stringify({ '@graph': [{ '@type': 'NewsArticle', datePublished: '2022-11-15T08:00:00+02:00' }] })] });
    expect(page.published?.from).toBe('2022-11-15');
    expect(page.outlet).toBe('example.com');
  });

  it('has no date when the page gives none', () => {
    expect(readPageMeta(base).published).toBeNull();
  });
});
