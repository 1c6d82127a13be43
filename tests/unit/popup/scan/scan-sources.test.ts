// @vitest-environment happy-dom
/**
 * Issue 14: what "Scan this page" reads when the tab is not a plain page — a PDF (laid out from
 * pdf.js's items and link annotations), a Google document (its export, or Google's refusal), a
 * site Docket may not read — and the scan in slices.
 */
import { describe, expect, it, vi } from 'vitest';
import { exportRefusal, googleDocExportUrl } from '@/utils/popup/scan/gdoc';
import { layoutPdf } from '@/utils/popup/scan/pdf-layout';
import type { PdfItem } from '@/utils/popup/scan/pdf-layout';
import { scanDocument, scanSteps } from '@/utils/popup/scan/scan';
import { runInSlices } from '@/utils/popup/scan/slices';
import { SourceError, readTabSource } from '@/utils/popup/scan/source';
import type { SourceDeps } from '@/utils/popup/scan/source';

const SHEET = '1GCzBaybeqzb-ThPGDj-sI_OX5V1V5lWzlu4aOmpuPCw';
const SPEC = '1PuhmuG_ypy9hazqy7dJJVfhDge2dC3tVtN_-PvEcs1g';

/** One line of text items at `y` (pdf.js: baseline, y up), in the body font unless told. */
function line(y: number, str: string, opts: { x?: number; font?: string; size?: number } = {}): PdfItem[] {
  return [{ str, x: opts.x ?? 72, y, width: str.length * 5, size: opts.size ?? 11, font: opts.font ?? 'body', eol: true }];
}

function scanHtml(html: string) {
  return scanDocument(new DOMParser().parseFromString(html, 'text/html'), {
    url: 'https://example.org/m.pdf',
    workstreams: [],
    today: '2031-01-01',
  });
}

describe('PDF layout (pdf.js items → a page the scanner reads)', () => {
  it('bold headings, bullets, a URL broken across lines joined (LF Energy TAC 2023-05-23)', () => {
    const items = [
      ...line(700, 'LF Energy TAC Shared Minutes | May 23, 2023', { font: 'bold' }),
      ...line(660, 'Smart Grid Plane', { font: 'bold' }),
      ...line(640, 'Mr. Mertic presented the draft. Please share comments as soon as possible.'),
      ...line(626, `https://docs.google.com/spreadsheets/d/${SHEET.slice(0, 30)}`),
      ...line(612, `${SHEET.slice(30)}/edit?usp=sha`),
      ...line(598, 'ring'),
      ...line(560, 'Next meeting', { font: 'bold' }),
      ...line(540, 'The next meeting of the LF Energy TAC is scheduled for 13 June 2023.'),
    ];
    const html = layoutPdf([{ items, links: [] }], 'LF Energy TAC Shared Minutes - May 23 2023');
    expect(html).toContain('<b>Smart Grid Plane</b>');
    const r = scanHtml(html);
    expect(r.meetingDate).toBe('2023-05-23');
    expect(r.candidates.map((c) => [c.id, c.workstreamName, c.deadline])).toEqual([[SHEET, 'Smart Grid Plane', undefined]]);
  });

  it('a link annotation gives the whole id the printed text breaks after a hyphen (OpenHW TWG 2021-04-26)', () => {
    const items = [
      ...line(700, '5. OPENHW “LIGHTWEIGHT” SPECIFICATION PROCESS', { font: 'bold' }),
      ...line(680, 'Proposal: https://docs.google.com/document/d/1PuhmuG_ypy9hazqy7dJJVfhDge2dC3tVtN_-'),
      ...line(666, 'PvEcs1g/edit'),
    ];
    const links = [
      { url: `https://docs.google.com/document/d/${SPEC}/edit`, rect: [60, 675, 500, 695] as [number, number, number, number] },
    ];
    const html = layoutPdf([{ items, links }]);
    expect(html).toContain(`<a href="https://docs.google.com/document/d/${SPEC}/edit">`);
    expect(scanHtml(html).candidates.map((c) => [c.id, c.workstreamName])).toEqual([
      [SPEC, '5. OPENHW “LIGHTWEIGHT” SPECIFICATION PROCESS'],
    ]);
  });

  it('bullets become list items, nested by indentation; a larger font is a heading', () => {
    const items = [
      ...line(720, 'Shared Minutes', { size: 20 }),
      ...line(690, '● Agenda item one', { x: 54 }),
      ...line(676, '○ a sub-point', { x: 90 }),
      ...line(662, '● Agenda item two', { x: 54 }),
    ];
    const html = layoutPdf([{ items, links: [] }]);
    expect(html).toMatch(/<h2>Shared Minutes<\/h2>/);
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect([...doc.querySelectorAll('body > ul > li')].map((li) => li.firstChild?.textContent?.trim())).toEqual([
      'Agenda item one',
      'Agenda item two',
    ]);
  });
});

describe('Google documents in the tab', () => {
  it.each([
    [
      'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/edit',
      'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/export?format=html',
    ],
    [
      'https://docs.google.com/document/u/1/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/edit#heading=h.x',
      'https://docs.google.com/document/u/1/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/export?format=html',
    ],
    ['https://docs.google.com/spreadsheets/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/edit', undefined],
    ['https://docs.google.com.example.net/document/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/edit', undefined],
    ['https://www.intgovforum.org/minutes', undefined],
  ])('%s → %s', (url, exportUrl) => {
    expect(googleDocExportUrl(url)).toBe(exportUrl);
  });

  it.each([
    [
      { ok: true, status: 200, url: 'https://docs.google.com/document/d/x/export?format=html' },
      'text/html; charset=utf-8',
      undefined,
    ],
    [{ ok: true, status: 200, url: 'https://accounts.google.com/ServiceLogin?continue=x' }, 'text/html', /sign in/],
    [{ ok: false, status: 403, url: 'https://docs.google.com/document/d/x/export' }, 'text/html', /no access/],
    [{ ok: false, status: 404, url: 'https://docs.google.com/document/d/x/export' }, 'text/html', /no such document/],
    [{ ok: true, status: 200, url: 'https://docs.google.com/document/d/x/export' }, 'application/zip', /did not answer/],
  ])('export answer %#: refusal %s', (res, type, refusal) => {
    const said = exportRefusal(res, type);
    if (refusal) expect(said).toMatch(refusal);
    else expect(said).toBeUndefined();
  });
});

describe('readTabSource: what the tab shows, and why it cannot be read', () => {
  function deps(over: Partial<SourceDeps> = {}): SourceDeps {
    return {
      snapshot: vi.fn(async () => ({ url: 'https://example.org/a', title: 'A', html: '<p>page</p>', contentType: 'text/html' })),
      fetch: vi.fn(async () => new Response('%PDF-1.4 …', { headers: { 'content-type': 'application/pdf' } })),
      hasOrigin: vi.fn(async () => true),
      readPdf: vi.fn(async () => ({ html: '<p>pdf</p>', title: 'Minutes', pages: 2 })),
      ...over,
    };
  }

  it('a page where Docket runs: the page as it is', async () => {
    const d = deps();
    expect(await readTabSource({ url: 'https://example.org/a', title: 'A' }, d)).toMatchObject({
      kind: 'page',
      html: '<p>page</p>',
    });
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it('a PDF in Chrome’s viewer (the content script sees application/pdf): fetched and read with pdf.js', async () => {
    const d = deps({
      snapshot: vi.fn(async () => ({
        url: 'https://example.org/m',
        title: '',
        html: '<embed type="application/pdf">',
        contentType: 'application/pdf',
      })),
    });
    const progress = vi.fn();
    const s = await readTabSource({ url: 'https://example.org/m', title: 'm' }, d, progress);
    expect(s).toMatchObject({ kind: 'pdf', html: '<p>pdf</p>', title: 'Minutes', pages: 2 });
    expect(d.fetch).toHaveBeenCalledWith('https://example.org/m', expect.objectContaining({ credentials: 'include' }));
    expect(progress).toHaveBeenCalledWith({ phase: 'fetching', done: 0, total: 0 });
  });

  it('a PDF on a site Docket may not read: says how to enable it, with the origin to ask for', async () => {
    const d = deps({ hasOrigin: vi.fn(async () => false) });
    const err = await readTabSource({ url: 'https://lists.example.net/files/minutes.pdf' }, d).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(SourceError);
    expect(err).toMatchObject({ reason: 'no-access', origin: 'https://lists.example.net' });
    expect((err as Error).message).toMatch(/may not read lists\.example\.net.*Enable Docket on lists\.example\.net/);
    expect(d.fetch).not.toHaveBeenCalled();
  });

  it('a page without Docket’s content script, not a PDF: says to enable the site or reload', async () => {
    const d = deps({
      snapshot: vi.fn(async () => Promise.reject(new Error('no receiver'))),
      fetch: vi.fn(async () => new Response('<p>x</p>', { headers: { 'content-type': 'text/html' } })),
    });
    await expect(readTabSource({ url: 'https://example.org/page' }, d)).rejects.toThrow(/does not run here/);
  });

  it('a local PDF file: says it reads PDFs from web sites only', async () => {
    await expect(readTabSource({ url: 'file:///home/me/minutes.pdf' }, deps())).rejects.toThrow(/from web sites only/);
  });

  it('a Google document: its export, or Google’s refusal said plainly', async () => {
    const ok = deps({
      fetch: vi.fn(async () => new Response('<title>T</title><p>x</p>', { headers: { 'content-type': 'text/html' } })),
    });
    const url = 'https://docs.google.com/document/d/1abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG/edit';
    expect(await readTabSource({ url, title: 'T - Google Docs' }, ok)).toMatchObject({
      kind: 'google-doc',
      html: '<title>T</title><p>x</p>',
    });
    expect(ok.snapshot).not.toHaveBeenCalled();
    const refused = deps({
      fetch: vi.fn(async () => new Response('no', { status: 403, headers: { 'content-type': 'text/html' } })),
    });
    await expect(readTabSource({ url }, refused)).rejects.toMatchObject({
      reason: 'refused',
      message: expect.stringMatching(/refused to export/),
    });
  });
});

describe('the scan in slices', () => {
  it('yields between slices and ends with the same result as at once', async () => {
    const parts = ['<h1>Minutes, 1 September 2020</h1>'];
    for (let i = 0; i < 300; i++) {
      parts.push(
        `<h2>${String.fromCharCode(65 + (i % 26))}. Item ${i}</h2><p>Draft: <a href="https://docs.google.com/document/d/1${String(i).padStart(5, '0')}abcdefghijklmnopqrstuvwxyzABCDEFGHIJ/edit">d</a></p>`,
      );
    }
    const html = parts.join('');
    const opts = { url: 'https://x/', workstreams: [], today: '2031-01-01' };
    const progress: number[] = [];
    const sliced = await runInSlices(scanSteps(new DOMParser().parseFromString(html, 'text/html'), opts), {
      sliceMs: 0,
      onProgress: (p) => progress.push(p.done),
    });
    expect(progress.length).toBeGreaterThan(3);
    expect(sliced).toEqual(scanDocument(new DOMParser().parseFromString(html, 'text/html'), opts));
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    const job = (function* () {
      for (;;) yield 1;
    })();
    await expect(runInSlices(job, { sliceMs: 0, signal: controller.signal })).rejects.toMatchObject({ name: 'AbortError' });
  });
});
