// @vitest-environment happy-dom
/**
 * Issue 20: the outline any page has, and the fitted item scorer. Each shape is cut from a real
 * page of ../shared/minutes-corpus-2 (named in the case; the words are the page's own), with
 * negatives. The fit step (item-fit.ts) is deterministic and learns what its examples show.
 */
import { describe, expect, it } from 'vitest';
import { headingRole, isDayHeading, itemName } from '@/utils/popup/scan/headings';
import { CUES, itemChoices } from '@/utils/popup/scan/item-cues';
import type { ItemChoice } from '@/utils/popup/scan/item-cues';
import { fitItemModel, modelLoss } from '@/utils/popup/scan/item-fit';
import type { FitExample } from '@/utils/popup/scan/item-fit';
import { FITTED_MODEL, bestChoice, weightVector } from '@/utils/popup/scan/item-model';
import { scanDocument } from '@/utils/popup/scan/scan';
import type { Heading } from '@/utils/popup/scan/headings';

const A = '1s6Te0vckfgRf-1jmF-cgTICGjL_pSSGp8CDj1sunSG0';
const B = '1wz5uoUo9AgKk-DeRZnUTnyfE4HOTOXduK8TbcISC0qw';
const link = (id: string, text = 'Slides') => `<a href="https://docs.google.com/presentation/d/${id}/edit">${text}</a>`;

function workstreams(html: string, title = ''): Array<string | undefined> {
  const d = new DOMParser().parseFromString(`<title>${title}</title>${html}`, 'text/html');
  return scanDocument(d, { url: 'https://example.org/minutes', workstreams: [], today: '2031-01-01' }).candidates.map(
    (c) => c.workstreamName,
  );
}

describe('outline shapes: the named item, not its container', () => {
  it.each([
    [
      'day headings of a two-day summit hold a table of sessions (Bytecode Alliance Plumbers Summit 2026-02)',
      `<h1>Agenda</h1><h2>Wednesday, February 25</h2><table><thead><tr><th>Time</th><th>Session</th><th>Materials</th></tr></thead>
       <tbody><tr><td>10:00</td><td>"Current Plans and Technical Roadmap for Component Model"</td><td>${link(A)}</td></tr>
       <tr><td>11:00</td><td>Tooling Roadmap Discussion</td><td>${link(B)}</td></tr></tbody></table>`,
      ['Current Plans and Technical Roadmap for Component Model', 'Tooling Roadmap Discussion'],
    ],
    [
      'a "Slides" heading over a table whose item column is "Presentation Topic" (Ethereum leanConsensus call #2)',
      `<h2>Slides</h2><table><thead><tr><th>#</th><th>Presentation Topic</th><th>Presenter</th><th>Link</th></tr></thead>
       <tbody><tr><td>2</td><td>Karkot Client</td><td>Elias Tazartes</td><td>${link(A)}</td></tr>
       <tr><td>3</td><td>Poseidon Cryptanalysis Update</td><td>Dmitry Khovratovich</td><td>${link(B)}</td></tr></tbody></table>`,
      ['Karkot Client', 'Poseidon Cryptanalysis Update'],
    ],
    [
      'numbered agenda lines inside a mail paragraph, the link on the item line (ICANN Auction Proceeds CCWG 2017-10-19)',
      `<div>Notes &amp; Action Items – new gTLD Auction Proceeds CCWG Meeting on 19 October 2017<br>1. Roll Call<br>2. Welcome / DOI<br>
       3. Review of open and interoperable Internet description<br>Action item #1: CCWG to review latest version.<br>
       4. Review of examples (see ${link(A, `https://docs.google.com/document/d/${A}/edit`)})<br></div>`,
      ['4. Review of examples'],
    ],
    [
      'a table cell that says "Discussion topic: …"',
      `<table><tr><td>Discussion topic: Survey process</td><td>${link(A)}</td></tr></table>`,
      ['Survey process'],
    ],
    [
      '"Ordre du jour" is an agenda heading: the item under it is the workstream',
      `<h2>Ordre du jour</h2><h3>Budget 2025</h3><p>Le document: ${link(A, 'budget')}</p>`,
      ['Budget 2025'],
    ],
  ])('%s', (_name, html, expected) => {
    expect(workstreams(html)).toEqual(expected);
  });

  it.each([
    [
      'two numbered lines are no agenda: an annex stays text (seed minutes)',
      `<p>Annex 1:</p><p>1. Introduction<br>2. Update ${link(A)}</p>`,
      [undefined],
    ],
    [
      'a numbered paragraph of prose wrapped over lines is no item (seed minutes as text)',
      `<p>1. Roll Call<br>2. The facilitator for each of the above-named work groups, shared written<br>updates on ${link(A)}<br>3. Other</p>`,
      [undefined],
    ],
    [
      'a recording heading holds no item ("🎥 Recording", Open edX CC WG 2025-05-13)',
      `<h1>2025-05-13 CC Working Group Meeting Notes</h1><h2>🎥 Recording</h2><p>${link(A, 'Recording')}</p>`,
      [undefined],
    ],
  ])('negative: %s', (_name, html, expected) => {
    expect(workstreams(html)).toEqual(expected);
  });
});

describe('a list item’s own line', () => {
  it('a loose list item names its item in its first sentence (FORCE11 SCIWG 2019-12-03)', () => {
    const d = new DOMParser().parseFromString(
      `<h2>Agenda and Notes</h2><ul><li>report from Repositories workshop (Alice). Workshop info at the site. Good enough software
       citation workflow. ${link(A, 'the draft')}. Value statement: more work is needed.</li></ul>`,
      'text/html',
    );
    const c = scanDocument(d, { url: 'https://example.org/', workstreams: [], today: '2031-01-01', explain: true }).candidates[0];
    expect(c?.choices?.map((x) => x.heading?.name)).toEqual([
      'Agenda and Notes',
      'report from Repositories workshop (Alice)',
      undefined,
    ]);
  });
});

describe('heading words', () => {
  it.each([
    ['Wednesday, February 25', true],
    ['Day 2', true],
    ['Thursday', true],
    ['Monday review of the budget', false],
    ['February 2025 roadmap', false],
  ])('isDayHeading(%j) = %s', (text, day) => expect(isDayHeading(text)).toBe(day));

  it.each([
    ['Ordre du jour', 'agenda'],
    ['Orden del día', 'agenda'],
    ['Повестка дня', 'agenda'],
    ['议程', 'agenda'],
    ['جدول الأعمال', 'agenda'],
    ['🎥 Recording', 'reset'],
    ['Task Forces', 'container'],
    ['Key materials', 'container'],
    ['Wednesday, February 25', 'container'],
    ['Steering Committee Meeting 12/10/2020', 'title'],
    ['Workshop (China friendly)', 'item'],
  ])('headingRole(%j) = %s', (text, role) => expect(headingRole(text)).toBe(role));

  it('a quoted title loses its quotes', () => {
    expect(itemName('"Tooling Roadmap Discussion" (Alex)')).toBe('Tooling Roadmap Discussion (Alex)');
  });
});

const h = (text: string, role: Heading['role'] = 'item'): Heading => ({
  line: 0,
  text,
  name: text,
  rank: 2,
  kind: 'section',
  role,
  subpoint: false,
  source: 'line',
});

describe('the fit step', () => {
  const cue = (name: string) => CUES.indexOf(name as (typeof CUES)[number]);
  // Toy examples: the accepted choice is always the list item under a heading.
  const examples = (): FitExample[] =>
    Array.from({ length: 12 }, (_, k) => {
      const choices: ItemChoice[] = itemChoices(
        [
          { heading: h(`Heading ${k}`), family: 'h', hLevel: 2, underReset: false, ownLine: false, lineHasLink: false },
          { heading: h(`Item ${k}`), family: 'li', hLevel: 0, underReset: false, ownLine: true, lineHasLink: true, liTop: true },
        ],
        { h1Count: 0, headed: false },
        undefined,
      );
      return { choices, accepted: [1] };
    });

  it('is deterministic: the same examples give the same weights', () => {
    expect(fitItemModel(examples(), { steps: 300 })).toEqual(fitItemModel(examples(), { steps: 300 }));
  });

  it('learns what the examples show, and lowers the loss', () => {
    const model = fitItemModel(examples(), { steps: 300 });
    const w = weightVector(model);
    expect(w[cue('src_li')]!).toBeGreaterThan(w[cue('src_h2')]!);
    for (const ex of examples()) expect(bestChoice(w, ex.choices)).toBe(1);
    expect(modelLoss(model, examples())).toBeLessThan(modelLoss({ cues: [], weights: [] }, examples()));
  });

  it('leaves out the cues a design does without', () => {
    const model = fitItemModel(examples(), { steps: 300, without: ['src_li', 'li_top'] });
    const w = weightVector(model);
    expect(w[cue('src_li')]).toBe(0);
    expect(w[cue('li_top')]).toBe(0);
  });

  it('the shipped model names only known cues', () => {
    expect(FITTED_MODEL.cues.every((c) => (CUES as readonly string[]).includes(c))).toBe(true);
    expect(FITTED_MODEL.weights).toHaveLength(FITTED_MODEL.cues.length);
  });
});
