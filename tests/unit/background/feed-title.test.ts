import { describe, expect, it } from 'vitest';
import { MAX_TITLE, feedTitle } from '@/utils/background/feed-title';

describe('feedTitle: a shared sheet’s name from Content-Disposition', () => {
  it.each<[string | null, string | undefined]>([
    ['attachment; filename="WG-Strategy - Sheet1.csv"', 'WG-Strategy - Sheet1'],
    ['attachment; filename=index.json', 'index'],
    ["attachment; filename*=UTF-8''Stratégie%20MAG.csv", 'Stratégie MAG'],
    [
      'attachment; filename="fallback.csv"; filename*=UTF-8\'\'%D8%A7%D8%B3%D8%AA%D8%B1%D8%A7%D8%AA%D9%8A%D8%AC%D9%8A%D8%A9.csv',
      'استراتيجية',
    ],
    ['attachment; filename="a \\"quoted\\" name.csv"', 'a "quoted" name'],
    ['attachment; filename="../../etc/passwd"', 'passwd'],
    ['attachment; filename="Evil\u202eVSC.csv"', 'Evil VSC'],
    ['attachment; filename="  spaced \t out  .csv"', 'spaced out'],
    ['attachment; filename=".csv"', undefined],
    ['attachment', undefined],
    ['inline', undefined],
    ['', undefined],
    [null, undefined],
    ["attachment; filename*=UTF-8''%E0%A4%A", undefined],
  ])('%j → %j', (header, title) => {
    expect(feedTitle(header)).toBe(title);
  });

  it('keeps a title, not a paragraph', () => {
    const title = feedTitle(`attachment; filename="${'x'.repeat(300)}.csv"`)!;
    expect(title.length).toBe(MAX_TITLE);
    expect(title.endsWith('…')).toBe(true);
  });
});
