/** The popup's width: 420 px in the toolbar, the window's anywhere else (utils/popup/layout.ts). */
import { describe, expect, it } from 'vitest';
import { isToolbarPopup, markFluid } from '@/utils/popup/layout';

describe('isToolbarPopup', () => {
  const me = {} as Window;
  const other = {} as Window;
  it.each<[string, Parameters<typeof isToolbarPopup>[1], boolean]>([
    ['the browser lists this page among its popups', { getViews: () => [other, me] }, true],
    ['a tab or a window: not among the popups', { getViews: () => [other] }, false],
    ['no popup open', { getViews: () => [] }, false],
    // When the browser cannot say, the toolbar's width is kept (a fluid body would shrink a real popup).
    ['no getViews', {}, true],
    ['no extension API', undefined, true],
    [
      'getViews throws',
      {
        getViews: () => {
          throw new Error('no');
        },
      },
      true,
    ],
  ])('%s → %s', (_name, extension, expected) => expect(isToolbarPopup(me, extension)).toBe(expected));
});

describe('markFluid', () => {
  const page = () => {
    const classes: string[] = [];
    const root = { classList: { add: (c: string) => classes.push(c) } };
    return { classes, win: { document: { documentElement: root } } as unknown as Window };
  };
  it('the toolbar popup is marked toolbar: 420 px, however wide the browser first laid it out', () => {
    const { classes, win } = page();
    markFluid(win, { getViews: () => [win] });
    expect(classes).toEqual(['toolbar']);
  });
  it('a tab or a window is marked fluid: the body follows the window', () => {
    const { classes, win } = page();
    markFluid(win, { getViews: () => [] });
    expect(classes).toEqual(['fluid']);
  });
});
