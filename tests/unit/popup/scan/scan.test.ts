// @vitest-environment happy-dom
/**
 * The scanner ("Scan this page", issue 3) on real minutes and on the places they travel:
 * every fixture has an explicit table of what must be proposed — document ids in page order,
 * workstream name, deadline, status — and nothing else.
 *
 * Deadline decisions (read from the seeds; the rules are in utils/popup/scan/deadlines.ts):
 * - seed 004, B. Improvements to the IGF: "Next Steps: In the next 10 days, the group should
 *   provide feedback on both documents" → 27 August + 10 = 2020-09-06. The later "the
 *   facilitator will then integrate these … by the next WG’s meeting (10 September)" is the
 *   facilitator's own task after the comments close, not the members' deadline on the
 *   documents; the Next Steps sentence about the documents wins.
 * - seed 004, Forming a response…: "invited to coment within the next seven days (by 4
 *   September)" → the date written out (2020-09-04) wins over the span (would be 09-03).
 * - seed 000, A.: "was supposed to be delivered … by September 25" is what had been planned;
 *   the Next Steps sentence gives 2020-09-28. B.: "After this deadline (October 1)" → 2020-10-01
 *   (= "one more week" from 24 September too). "Next meeting is planned for October 15th" is
 *   no deadline.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR, seedPages } from '@/scripts/lib/seed-pages.mjs';
import type { Status, Workstream } from '@/utils/shared/model';
import { addDays } from '@/utils/shared/calendar';
import { inferYear } from '@/utils/popup/scan/dates';
import {
  cleanSentence,
  deadlinePhrases,
  isMeetingAnnouncement,
  sentenceDeadline,
  splitSentences,
} from '@/utils/popup/scan/deadlines';
import { flowOf } from '@/utils/popup/scan/flow';
import { findFullDates, findMeetingDate } from '@/utils/popup/scan/meeting-date';
import { scanDocument } from '@/utils/popup/scan/scan';
import type { ScanResult } from '@/utils/popup/scan/scan';
import { proposeStatus } from '@/utils/popup/scan/status';
import { buildOutline } from '@/utils/popup/scan/structure';
import { headingKind } from '@/utils/popup/scan/headings';
import { continues, findDocLinks, findTextUrls } from '@/utils/popup/scan/text-links';
import { matchWorkstream, nameSimilarity, nameTokens } from '@/utils/popup/scan/workstreams';

const FIXTURES = join(__dirname, '../../../fixtures/minutes');

const MHLB = '1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI';
const IMPROVE = '1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y';
const PROPOSALS = '1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms';
const OUTCOMES = '1_DIq4a6D3lvv89QGbCpbd36kos4KyD6iGc_w4w_RAO4';
const RESPONSE_DRAFT = '1eVwoVFoch6id-SzT9EXd7etofFsjAeU1';
const RESPONSE = '1Bmfp_U-PnPnB8ZK6jNfhA8okvkR-s6Nd';
const SELECTION = '1SL6p90qWtys9pwkg9rkgCowKD0YdFiBW';
const PRIORITIES = '1Qx9bT2rWm5YpE8hVn3cKd7LfJ0sAz6GuH4oRi1NeXyI';
const SIGNATURE_DOC = '1SigNaTuReWoRkInGmEtHoDs2020xYz0123456789ab';

const HLB = 'A. Possible implementation models for the Roadmap’s High-level body';
const HLB_STRAIGHT = "A. Possible implementation models for the Roadmap's High-level body";
const IMPROVEMENTS = 'B. Improvements to the IGF';
const OUTCOMES_WS = 'C. Strengthening the IGF outcomes';
const FORMING = 'Forming a response to the Options Paper document';

function parse(file: string): Document {
  return new DOMParser().parseFromString(readFileSync(join(FIXTURES, file), 'utf8'), 'text/html');
}

function scanFixture(file: string, workstreams: Workstream[] = []): ScanResult {
  return scanDocument(parse(file), { url: `https://www.intgovforum.org/wg-strategy/${file}`, workstreams, today: '2031-01-01' });
}

type Row = [id: string, workstream: string | undefined, deadline: string | undefined, status: Status];

/** The five documents of seed 004 (27 August 2020), whichever way the page shows them. */
const SEED_004: Row[] = [
  [MHLB, HLB, '2020-09-10', 'open-for-comments'],
  [IMPROVE, IMPROVEMENTS, '2020-09-06', 'open-for-comments'],
  [PROPOSALS, IMPROVEMENTS, '2020-09-06', 'open-for-comments'],
  [OUTCOMES, OUTCOMES_WS, '2020-09-07', 'open-for-comments'],
  [RESPONSE_DRAFT, FORMING, '2020-09-04', 'open-for-comments'],
];

const EXPECTED: Record<string, { meetingDate: string | undefined; rows: Row[] }> = {
  'seed-000.html': {
    meetingDate: '2020-09-24',
    rows: [
      // "It was decided … to freeze the response document": final; delivered by 28 September.
      [RESPONSE, 'A. Response document to the Options Paper', '2020-09-28', 'final'],
      [SELECTION, IMPROVEMENTS, '2020-10-01', 'open-for-comments'],
    ],
  },
  // Seeds 001–003 link nothing but `[x](#)` placeholders: nothing to propose.
  'seed-001.html': { meetingDate: '2021-05-20', rows: [] },
  'seed-002.html': { meetingDate: undefined, rows: [] },
  'seed-003.html': { meetingDate: '2023-12-14', rows: [] },
  'seed-004.html': { meetingDate: '2020-08-27', rows: SEED_004 },
  // The PDF copy as a text archive shows it: links broken across lines, not linked.
  'seed-004-text.html': { meetingDate: '2020-08-27', rows: SEED_004 },
  // The PDF copy pasted into a rich-text editor: one <div> per line.
  'seed-004-lines.html': { meetingDate: '2020-08-27', rows: SEED_004 },
  'gmail-message.html': {
    meetingDate: '2020-08-27',
    rows: [
      [MHLB, HLB_STRAIGHT, '2020-09-10', 'open-for-comments'],
      [PROPOSALS, IMPROVEMENTS, '2020-09-06', 'open-for-comments'],
      [OUTCOMES, OUTCOMES_WS, '2020-09-07', 'draft'],
      // In the quoted message: no item above it there; its own deadline.
      [RESPONSE_DRAFT, undefined, '2020-09-04', 'open-for-comments'],
      // Not SIGNATURE_DOC: signatures are left out.
    ],
  },
  'mailing-list-archive.html': {
    meetingDate: '2020-09-10',
    rows: [
      [MHLB, HLB_STRAIGHT, '2020-09-17', 'open-for-comments'],
      [OUTCOMES, 'B. Strengthening IGF outcomes', '2020-09-24', 'final'],
      [PRIORITIES, 'C. Improvements to the IGF', '2020-09-17', 'draft'],
      // Quoted from the 27 August mail; "by 4 September" seen from 10 September stays 2020.
      [RESPONSE_DRAFT, FORMING, '2020-09-04', 'open-for-comments'],
    ],
  },
};

describe('scanDocument on the fixtures: the expected table, and nothing else', () => {
  for (const [file, expected] of Object.entries(EXPECTED)) {
    it(file, () => {
      const result = scanFixture(file);
      expect(result.meetingDate).toBe(expected.meetingDate);
      expect(result.candidates.map((c) => [c.id, c.workstreamName, c.deadline, c.status])).toEqual(expected.rows);
      for (const c of result.candidates) {
        expect(c.workstreamId).toBeUndefined(); // no workstreams in the index: all proposed as new
        expect(c.title.trim()).not.toBe('');
        if (c.deadline) expect(c.deadlineSentence).toBeTruthy();
        expect(c.url).toMatch(/^https:\/\/(?:docs|drive)\.google\.com\//);
        expect(c.url).toContain(c.id);
      }
      expect(result.candidates.some((c) => c.id === SIGNATURE_DOC)).toBe(false);
    });
  }

  it('every fixture in the folder has a table', () => {
    const files = ['seed-000', 'seed-001', 'seed-002', 'seed-003', 'seed-004', 'seed-004-text', 'seed-004-lines'];
    for (const f of files) expect(EXPECTED[`${f}.html`]).toBeDefined();
  });

  it('keeps the sentence each deadline came from', () => {
    const byId = new Map(scanFixture('seed-004.html').candidates.map((c) => [c.id, c]));
    expect(byId.get(MHLB)?.deadlineSentence).toBe(
      'Next Steps: By the next WG’s meeting (10 September), WG group members to provide feedback directly to the document for further consideration for integration.',
    );
    expect(byId.get(IMPROVE)?.deadlineSentence).toMatch(
      /^Next Steps: In the next 10 days, the group should provide feedback on both documents/,
    );
    expect(byId.get(OUTCOMES)?.deadlineSentence).toMatch(/^Next Steps: By 7 September, participants to provide feedback/);
    expect(byId.get(RESPONSE_DRAFT)?.deadlineSentence).toBe(
      'Participant were invited to coment within the next seven days (by 4 September), on the output document.',
    );
    const s000 = new Map(scanFixture('seed-000.html').candidates.map((c) => [c.id, c]));
    expect(s000.get(RESPONSE)?.deadlineSentence).toMatch(
      /^Next Steps: the WG group members will deliver the response document .* by September 28\.$/,
    );
    expect(s000.get(SELECTION)?.deadlineSentence).toBe(
      'After this deadline (October 1), Flavio will share the final selection of the priorities.',
    );
  });

  it('prefers the Next Steps sentence of the item, and leaves other items’ dates alone', () => {
    const doc = new DOMParser().parseFromString(
      `<p>The meeting was held on 27 August 2020.</p>
       <h2>A. First item</h2><p>Output document: <a href="https://docs.google.com/document/d/${MHLB}/edit">link</a></p>
       <p>The facilitator will share the comments received by 3 September.</p><p>Some discussion.</p>
       <p>Next Steps: members to send comments on the document by 10 September.</p>
       <h2>B. Second item</h2><p>Output document: <a href="https://docs.google.com/document/d/${OUTCOMES}/edit">link</a></p>
       <p>Nothing decided.</p><p>The next meeting is planned for 10 September.</p>
       <h2>C. Third item</h2><p>Comments by 1 September.</p>`,
      'text/html',
    );
    const r = scanDocument(doc, { url: 'https://x.org/', workstreams: [] });
    expect(r.candidates.map((c) => [c.id, c.workstreamName, c.deadline])).toEqual([
      [MHLB, 'A. First item', '2020-09-10'],
      [OUTCOMES, 'B. Second item', undefined],
    ]);
  });

  it('does not start a deadline sentence with the link line before it (mail, archive)', () => {
    const gmail = new Map(scanFixture('gmail-message.html').candidates.map((c) => [c.id, c]));
    expect(gmail.get(MHLB)?.deadlineSentence).toBe(
      'Please provide feedback directly in the document by the next WG meeting (10 September).',
    );
    const archive = new Map(scanFixture('mailing-list-archive.html').candidates.map((c) => [c.id, c]));
    expect(archive.get(MHLB)?.deadlineSentence).toBe('Next steps: comments on option C are welcome until 17 September.');
    expect(archive.get(PRIORITIES)?.deadlineSentence).toBe(
      'Members are invited to indicate their top three priorities within the next week.',
    );
  });

  it('proposes titles from the link text or the item', () => {
    const s004 = new Map(scanFixture('seed-004.html').candidates.map((c) => [c.id, c.title]));
    expect(s004.get(MHLB)).toBe('Possible implementation models for the Roadmap’s High-level body');
    expect(s004.get(IMPROVE)).toBe('Improvements to the IGF');
    expect(s004.get(PROPOSALS)).toBe('Improvements to the IGF (file)');
    expect(s004.get(RESPONSE_DRAFT)).toBe(FORMING);
    const gmail = new Map(scanFixture('gmail-message.html').candidates.map((c) => [c.id, c.title]));
    expect(gmail.get(MHLB)).toBe('Possible implementation models for the MHLB'); // the link's own text
    expect(gmail.get(OUTCOMES)).toBe('Strengthening the IGF outcomes'); // link text is the URL
    expect(gmail.get(RESPONSE_DRAFT)).toBe('Response to the Options Paper (draft)');
    const archive = new Map(scanFixture('mailing-list-archive.html').candidates.map((c) => [c.id, c]));
    expect(archive.get(PRIORITIES)?.title).toBe('Improvements to the IGF spreadsheet');
    expect(archive.get(PRIORITIES)?.kind).toBe('spreadsheet');
  });

  it('reads the whole id of a link a mailing-list archive cut at the line break', () => {
    const doc = parse('mailing-list-archive.html');
    const cut = [...doc.querySelectorAll('a')].map((a) => a.getAttribute('href')).filter((h) => h?.includes('1zk8'));
    expect(cut).toEqual(['https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38']);
    const ids = scanFixture('mailing-list-archive.html').candidates.map((c) => c.id);
    expect(ids).toContain(MHLB);
    expect(ids.some((id) => id !== MHLB && MHLB.startsWith(id))).toBe(false);
  });

  it('takes the page title from the document when none is given, and reports the page', () => {
    const doc = parse('seed-004.html');
    const r = scanDocument(doc, { url: 'https://www.intgovforum.org/x', workstreams: [] });
    expect(r.pageTitle).toBe('Working Group minutes — 27 August 2020');
    expect(r.pageUrl).toBe('https://www.intgovforum.org/x');
  });
});

describe('fixtures are the seeds as renderSeed shows them', () => {
  const hasSeeds = existsSync(SEEDS_DIR);
  it.skipIf(!hasSeeds)('seed-00N.html = renderSeed(seed 00N)', () => {
    const pages = seedPages();
    expect(pages).toHaveLength(5);
    for (const p of pages) {
      const n = p.file.slice(0, 3);
      expect(readFileSync(join(FIXTURES, `seed-${n}.html`), 'utf8')).toBe(`${p.html}\n`);
    }
  });
  it.skipIf(!hasSeeds)('seed-004-text.html holds seed 004 as it is (links broken, not linked)', () => {
    const seed = readFileSync(join(SEEDS_DIR, '004_92043ab864467699.txt'), 'utf8').replace(/\r\n?/g, '\n');
    const doc = parse('seed-004-text.html');
    expect(doc.querySelector('pre')?.textContent).toBe(seed);
    expect(doc.querySelectorAll('a')).toHaveLength(0);
  });
});

describe('workstreams: matching items across meetings', () => {
  const existing: Workstream[] = [
    { id: 'ws-hlb', name: HLB_STRAIGHT },
    { id: 'ws-improve', name: 'C. Improvements to the IGF' },
    { id: 'ws-outcomes', name: 'B. Strengthening IGF outcomes' },
    { id: 'ws-response', name: FORMING },
  ];

  it.each([
    // [name on the page, expected workstream id or undefined]
    [HLB, 'ws-hlb'], // curly apostrophe vs straight
    ['Possible implementation models for the Roadmap’s High-level body', 'ws-hlb'], // no letter
    [IMPROVEMENTS, 'ws-improve'], // B. vs C.
    [OUTCOMES_WS, 'ws-outcomes'], // "the IGF outcomes" vs "IGF outcomes"
    ['Strengthening of IGF outcomes', 'ws-outcomes'],
    ['A. Response document to the Options Paper', 'ws-response'], // the response, one meeting later
    ['Possible implementations of MHLB', undefined], // too little in common
    ['Series of online discussions on IGF strategy and strengthening in 2020', undefined],
    ['Results of the questionnaire for the MAG', undefined],
    ['IGF', undefined],
    // A trailing parenthesis (presenter, qualifier) is read without it, on either side.
    ['C. Improvements to the IGF (Chengetai)', 'ws-improve'],
    ['Response to the Options Paper (draft)', 'ws-response'],
    ['IGF (all)', undefined],
  ] as const)('%s → %s', (name, id) => {
    expect(matchWorkstream(name, existing)?.workstream.id).toBe(id);
  });

  it('tokens drop item marks, stop words, possessives and plurals', () => {
    expect(nameTokens('C. Strengthening the IGF outcomes')).toEqual(['strengthening', 'igf', 'outcome']);
    expect(nameTokens("A. Possible implementation models for the Roadmap's High-level body")).toEqual(
      nameTokens('Possible implementation models for the Roadmap’s High-level body'),
    );
    expect(nameSimilarity('B. Improvements to the IGF', 'C. Strengthening the IGF outcomes')).toBeLessThan(0.6);
  });

  it('reads a workstream’s name without its trailing parenthesis too', () => {
    const ws = [{ id: 'w', name: 'Z. Workshops' }];
    expect(matchWorkstream('Workshop (China friendly)', ws)?.workstream.id).toBe('w');
    expect(matchWorkstream('Workshop', [{ id: 'p', name: 'Workshop (China friendly)' }])?.workstream.id).toBe('p');
    expect(matchWorkstream('Workshop (China friendly)', [{ id: 'x', name: 'China' }])).toBeUndefined();
  });

  it('the best match wins', () => {
    const ws = [
      { id: 'a', name: 'Improvements to the IGF website' },
      { id: 'b', name: 'Improvements to the IGF' },
    ];
    expect(matchWorkstream('B. Improvements to the IGF', ws)?.workstream.id).toBe('b');
  });

  it('scanning with the index’s workstreams proposes the existing ones (id and name)', () => {
    const byId = new Map(scanFixture('seed-004.html', existing).candidates.map((c) => [c.id, c]));
    expect(byId.get(MHLB)).toMatchObject({ workstreamId: 'ws-hlb', workstreamName: HLB_STRAIGHT, section: HLB });
    expect(byId.get(IMPROVE)).toMatchObject({ workstreamId: 'ws-improve', workstreamName: 'C. Improvements to the IGF' });
    expect(byId.get(OUTCOMES)).toMatchObject({ workstreamId: 'ws-outcomes', workstreamName: 'B. Strengthening IGF outcomes' });
    expect(byId.get(RESPONSE_DRAFT)).toMatchObject({ workstreamId: 'ws-response' });
  });

  it('the 24 September minutes find the workstreams the 27 August minutes created', () => {
    // Track seed 004's proposals as new workstreams, then scan seed 000 with them.
    const names = [...new Set(scanFixture('seed-004.html').candidates.map((c) => c.workstreamName!))];
    const created = names.map((name, i) => ({ id: `ws-${i}`, name }));
    const rows = scanFixture('seed-000.html', created).candidates.map((c) => [c.id, c.workstreamName, c.workstreamId]);
    expect(rows).toEqual([
      [RESPONSE, FORMING, `ws-${names.indexOf(FORMING)}`],
      [SELECTION, IMPROVEMENTS, `ws-${names.indexOf(IMPROVEMENTS)}`],
    ]);
  });
});

describe('meeting date', () => {
  it.each([
    ['24 september2020 at 14:00 p.m. UTC', '2020-09-24'],
    ['The meeting was held on 24 September 2020 at 14:00 p.m. UTC.', '2020-09-24'],
    ['Online Meeting XX\n20 May 2021 at 1 p.m. UTC', '2021-05-20'],
    ['Online Meeting 68 14 December 2023 at 14:00 UTC', '2023-12-14'],
    ['The fifth online meeting … was hosted on 27 August 2020 at 14:00 p.m. UTC.', '2020-08-27'],
    ['Thursday, August 27, 2020', '2020-08-27'],
    ['Minutes 2020-08-27', '2020-08-27'],
    // The first/most prominent one: the meeting, not a date mentioned later.
    ['Summary\nThe meeting was held on 20 May 2021.\nYCIG hosts an event on 28 June 2021 | 17:00-18:00 CEST', '2021-05-20'],
    [`Dear all,\n${'x '.repeat(400)}\nThe call of 3 March 2021 agreed. On 1 March 2021 we sent it.`, '2021-03-03'],
    // A reply line's date is the mail's, not the meeting's.
    ['On Thu, Aug 27, 2020 at 4:05 PM Anja wrote:\nFollowing our meeting held on 20 August 2020, …', '2020-08-20'],
    // Dates without a year are no meeting date.
    ['Next meeting is planned for October 15th at 14:00 UTC.', undefined],
    ['During a previous meeting, on October 15, the WG suggested…', undefined],
    ['', undefined],
  ])('%j → %s', (text, date) => {
    expect(findMeetingDate(text)).toBe(date);
  });

  it('uses the title when the text has no date', () => {
    expect(findMeetingDate('Summary report', 'WG minutes — 27 August 2020')).toBe('2020-08-27');
  });

  it('finds every full date and rejects impossible ones', () => {
    expect(findFullDates('31 September 2020, 30 September 2020').map((d) => d.date)).toEqual(['2020-09-30']);
  });
});

describe('deadline phrases (relative to the meeting date, never today)', () => {
  it.each([
    // [sentence, meeting date, deadline]
    ['Next Steps: By 7 September, participants to provide feedback on the document', '2020-08-27', '2020-09-07'],
    ['the WG group members will deliver the response document by September 28.', '2020-09-24', '2020-09-28'],
    ['Next Steps: By the next WG’s meeting (10 September), WG group members to provide feedback', '2020-08-27', '2020-09-10'],
    ['After this deadline (October 1), Flavio will share the final selection of the priorities.', '2020-09-24', '2020-10-01'],
    ['Written comments were invited from the group by the 3 June meeting', '2021-05-20', '2021-06-03'],
    [
      'Participant were invited to coment within the next seven days (by 4 September), on the output document.',
      '2020-08-27',
      '2020-09-04',
    ],
    ['Next Steps: In the next 10 days, the group should provide feedback on both documents', '2020-08-27', '2020-09-06'],
    ['It was suggested to give to the WG one more week to share further inputs.', '2020-09-24', '2020-10-01'],
    ['Comments are welcome within two weeks.', '2020-09-24', '2020-10-08'],
    ['Please send your comments no later than 10 January.', '2020-12-14', '2021-01-10'], // next year
    ['Comments by 4 September, please.', '2020-09-10', '2020-09-04'], // just passed: same year
    ['Feedback is due on 5 October 2021.', '2020-09-24', '2021-10-05'], // a year written out
    // Not deadlines:
    ['Next meeting is planned for October 15th at 14:00 UTC.', '2020-09-24', undefined],
    ['The next meeting of this WG is planned for 10 September at 14:00 UTC.', '2020-08-27', undefined],
    ['Next meeting: the next virtual meeting of the WG is planned for 3 June - 1 PM UTC.', '2021-05-20', undefined],
    ['The meeting was held on 24 September 2020 at 14:00 p.m. UTC.', '2020-09-24', undefined],
    ['There will be a virtual Roundtable on digital human rights on 9 June 11:30am EDT.', '2021-05-20', undefined],
    ['The facilitator has gathered all 58 proposals from the options paper.', '2020-08-27', undefined],
    ['Prioritize up to 10 proposals out of the listed 58.', '2020-08-27', undefined],
  ])('%j (meeting %s) → %s', (sentence, ref, deadline) => {
    expect(sentenceDeadline(sentence, ref)?.date).toBe(deadline);
  });

  it('a 2020 page proposes 2020 deadlines whatever today is', () => {
    expect(sentenceDeadline('By 7 September, participants to provide feedback', '2020-08-27')?.date).toBe('2020-09-07');
    expect(sentenceDeadline('By 7 September, participants to provide feedback', '2023-12-14')?.date).toBe('2024-09-07');
  });

  it('lists spans and written dates, written dates first in the choice', () => {
    const all = deadlinePhrases('within the next seven days (by 4 September)', '2020-08-27');
    expect(all.map((p) => [p.date, p.relative])).toEqual([
      ['2020-09-03', true],
      ['2020-09-04', false],
    ]);
  });

  it('knows a meeting announcement', () => {
    expect(isMeetingAnnouncement('Next meeting is planned for October 15th at 14:00 UTC.')).toBe(true);
    expect(isMeetingAnnouncement('21. Next meeting: The next meeting of this WG is planned for 10 September at 14:00 UTC.')).toBe(
      true,
    );
    expect(isMeetingAnnouncement('By the next WG’s meeting (10 September), WG group members to provide feedback')).toBe(false);
  });

  it('splits sentences, but not after paragraph numbers, item letters or abbreviations', () => {
    expect(
      splitSentences(
        '15. Next Steps: By 7 September, participants to advise. The rest of Par. 93c follows at 2 p.m. UTC. Done.',
      ).map((s) => s.text),
    ).toEqual([
      '15. Next Steps: By 7 September, participants to advise.',
      'The rest of Par. 93c follows at 2 p.m. UTC.',
      'Done.',
    ]);
    expect(cleanSentence('15.  Next Steps:\n By 7 September')).toBe('Next Steps: By 7 September');
  });

  it('date helpers', () => {
    expect(addDays('2020-08-27', 10)).toBe('2020-09-06');
    expect(addDays('2020-12-28', 7)).toBe('2021-01-04');
    expect(inferYear(9, 28, '2020-09-24')).toBe('2020-09-28');
    expect(inferYear(1, 10, '2020-12-14')).toBe('2021-01-10');
    expect(inferYear(2, 29, '2023-12-14')).toBe('2024-02-29');
    expect(inferYear(2, 30, '2023-12-14')).toBeUndefined();
  });
});

describe('links written as text', () => {
  it.each([
    // PDF copy of seed 004: the id cut after a hyphen
    [
      'https://docs.google.com/document/d/1lutZTnFaGLhMm-\nQK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit and',
      'https://docs.google.com/document/d/1lutZTnFaGLhMm-QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit',
    ],
    // cut in the middle of the id, path on the next line
    [
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6\nNjlV38Jsv4FkI/edit?usp=sharing     ',
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit?usp=sharing',
    ],
    // quoted mail lines
    [
      '> Output: https://drive.google.com/file/d/1eVwoVFoch6id-\n> SzT9EXd7etofFsjAeU1/view?usp=sharing',
      'https://drive.google.com/file/d/1eVwoVFoch6id-SzT9EXd7etofFsjAeU1/view?usp=sharing',
    ],
    // cut right after /d/
    [
      'see https://docs.google.com/document/d/\n1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI.',
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI',
    ],
    // cut in the host name
    [
      '(https://docs.google.\ncom/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit)',
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
    ],
    // a whole link followed by ordinary words: not joined
    [
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI\nThen the group agreed.',
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI',
    ],
    [
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI\n10. Next steps',
      'https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI',
    ],
    [
      'https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view\nhttps://docs.google.com/x',
      'https://drive.google.com/file/d/1UEBjVU45gsTL1tuNIH8m6Mk7pIczz3Ms/view',
    ],
    // bare host, no scheme
    [
      'at docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit.',
      'docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI/edit',
    ],
  ])('%j', (text, url) => {
    expect(findTextUrls(text)[0]?.url).toBe(url);
  });

  it('continuation rules', () => {
    expect(continues('https://docs.google.com/document/d/1lutZTnFaGLhMm-', 'QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit')).toBe(true);
    expect(continues('https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6NjlV38Jsv4FkI', 'and/or')).toBe(false);
    expect(continues('https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6', 'Summary')).toBe(false);
    expect(continues('https://docs.google.com/document/d/1lutZTnFaGLhMm-', 'QK3hSb2ZNv4i3f658LTLWguT-OT8Y/edit', true)).toBe(
      true,
    );
    expect(continues('https://docs.google.com/document/d/1zk8D2ub1D9yY4y5mznDbGuqZPDdZi6', 'NjlV38Jsv4FkI', true)).toBe(false);
  });

  it('finds <a> links (wrapped, relative) and text links once each, in page order', () => {
    document.body.innerHTML = `
      <p>See <a href="https://www.google.com/url?q=https://docs.google.com/document/d/${MHLB}/edit&amp;sa=D">the models</a>
      and https://docs.google.com/document/d/${MHLB}/edit again.</p>
      <p><a href="/document/d/${OUTCOMES}/edit">relative</a> <a href="#">[x]</a> <a href="https://example.org/d/${PROPOSALS}">not Google</a></p>
      <pre>https://drive.google.com/file/d/1eVwoVFoch6id-
SzT9EXd7etofFsjAeU1/view</pre>`;
    const hits = findDocLinks(flowOf(document), 'https://docs.google.com/');
    expect(hits.map((h) => [h.id, h.fromAnchor])).toEqual([
      [MHLB, true],
      [MHLB, false],
      [OUTCOMES, true],
      [RESPONSE_DRAFT, false],
    ]);
  });

  it('an <a> showing its own URL counts once', () => {
    document.body.innerHTML = `<p><a href="https://docs.google.com/document/d/${MHLB}/edit">https://docs.google.com/document/d/${MHLB}/edit</a></p>`;
    expect(findDocLinks(flowOf(document), 'https://x.org/').map((h) => h.id)).toEqual([MHLB]);
  });
});

describe('structure', () => {
  function outlineOf(html: string, title = '') {
    document.body.innerHTML = html;
    return buildOutline(flowOf(document), title);
  }

  it('items are headings, marked lines, short lines of their own and bold lines; labels and resets are not items', () => {
    const o = outlineOf(`
      <h1>MAG Working Group</h1>
      <h2>A. First item</h2><p>text one</p>
      <p>Output documents:</p><p>the link</p>
      <p>Second item without a letter</p><p>text two.</p>
      <div><b>C. Third item</b></div><div>Output document: text three</div>
      <p>Annex 1:</p><p>Meeting Agenda</p><p>1. Introduction<br>2. Update</p>`);
    expect(o.headings.map((h) => [h.text, h.kind])).toEqual([
      ['MAG Working Group', 'reset'],
      ['A. First item', 'section'],
      ['Output documents', 'label'],
      ['Second item without a letter', 'section'],
      ['C. Third item', 'section'],
      ['Annex 1', 'reset'],
      ['Meeting Agenda', 'reset'],
    ]);
    expect(o.blocks.map((b) => [b.text, b.section?.text])).toEqual([
      ['text one', 'A. First item'],
      ['the link', 'A. First item'],
      ['text two.', 'Second item without a letter'],
      ['Output document: text three', 'C. Third item'],
      ['1. Introduction 2. Update', undefined],
    ]);
  });

  it('sub-points ("Par. 8 - …", ALL CAPS) stay inside their item', () => {
    const o = outlineOf(`<h2>A. Response document to the Options Paper</h2><p>Output document: x</p>
      <p>PAR. 8 - PROVIDING TRANSPARENCY AND GUIDANCE IN A COMPLEX SYSTEM</p><p>Next Steps: deliver by September 28.</p>`);
    expect(o.blocks.map((b) => [b.text, b.section?.text, b.nextSteps])).toEqual([
      ['Output document: x', 'A. Response document to the Options Paper', false],
      ['Next Steps: deliver by September 28.', 'A. Response document to the Options Paper', true],
    ]);
  });

  it('the page title (Gmail’s subject) is no item; quotes have items of their own', () => {
    const o = outlineOf(
      `<h2>Docs after the meeting</h2><p>Dear all</p><p>A doc is here.</p><blockquote><p>B. Quoted item</p><p>quoted text</p></blockquote><p>after the quote</p>`,
      'Docs after the meeting - me@example.org - Gmail',
    );
    expect(o.blocks.map((b) => [b.text, b.section?.text])).toEqual([
      ['Dear all', undefined],
      ['A doc is here.', undefined],
      ['quoted text', 'B. Quoted item'],
      ['after the quote', undefined],
    ]);
  });

  it('heading kinds', () => {
    expect(headingKind('Next Steps:').kind).toBe('label');
    expect(headingKind('Summary of key points').kind).toBe('label');
    expect(headingKind('Annex 2: List of participants').kind).toBe('reset');
    expect(headingKind('Online Meeting VII').kind).toBe('reset');
    expect(headingKind('B. Improvements to the IGF').kind).toBe('section');
  });
});

describe('status', () => {
  it.each([
    ['Next Steps: By 7 September, participants to provide feedback on the document', '', 'open-for-comments'],
    ['Participant were invited to coment within the next seven days', '', 'open-for-comments'],
    ['Output document: x', 'It was decided to include few comments and to freeze the response document.', 'final'],
    ['The document was finalised at the meeting.', '', 'final'],
    ['The response has been delivered to the co-champions.', '', 'delivered'],
    ['The document was supposed to be delivered by September 25.', '', 'draft'],
    ['Output document: x', 'Participants were invited to provide feedback.', 'draft'], // invitation elsewhere in the item
    ['The prioritized list is in the spreadsheet.', '', 'draft'],
  ] as const)('%j → %s', (near, item, status) => {
    expect(proposeStatus(near, item)).toBe(status);
  });
});

describe('robustness', () => {
  it('placeholder links, an empty page, a page without body: nothing, no crash', () => {
    for (const html of [
      '',
      '<p>[x](#) <a href="#">questionnaire</a> <a href="">y</a></p>',
      '<html></html>',
      '<a href="https://docs.google.com/">home</a>',
    ]) {
      const doc = new DOMParser().parseFromString(html, 'text/html');
      expect(scanDocument(doc, { url: 'https://www.intgovforum.org/', workstreams: [] }).candidates).toEqual([]);
    }
    const bare = document.implementation.createHTMLDocument('');
    bare.documentElement.replaceChildren();
    expect(scanDocument(bare, { url: 'about:blank', workstreams: [] }).candidates).toEqual([]);
  });

  it('ignores Docket’s own badges, scripts and hidden text', () => {
    const doc = new DOMParser().parseFromString(
      `<p>B. Improvements</p><p><a href="https://docs.google.com/document/d/${MHLB}/edit">x</a><docket-badge data-docket-id="${MHLB}">by 1 January 2030</docket-badge></p>
       <script>var u = "https://docs.google.com/document/d/${OUTCOMES}/edit";</script>
       <div hidden>https://docs.google.com/document/d/${IMPROVE}/edit</div>`,
      'text/html',
    );
    const r = scanDocument(doc, { url: 'https://x.org/', workstreams: [] });
    expect(r.candidates.map((c) => [c.id, c.deadline])).toEqual([[MHLB, undefined]]);
  });

  it('without any date on the page, deadlines are read from the given day', () => {
    const doc = new DOMParser().parseFromString(
      `<p>Draft: <a href="https://docs.google.com/document/d/${MHLB}/edit">https://docs.google.com/document/d/${MHLB}/edit</a></p><p>Comments by 7 September please.</p>`,
      'text/html',
    );
    const r = scanDocument(doc, { url: 'https://x.org/', workstreams: [], today: '2025-08-30' });
    expect(r.meetingDate).toBeUndefined();
    expect(r.candidates.map((c) => [c.id, c.title, c.deadline, c.status])).toEqual([
      [MHLB, 'Draft', '2025-09-07', 'open-for-comments'],
    ]);
  });

  it('a large page scans quickly', () => {
    const parts: string[] = [];
    for (let i = 0; i < 400; i++) {
      const id = `1${String(i).padStart(4, '0')}abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNO`.slice(0, 44);
      parts.push(`<h3>${String.fromCharCode(65 + (i % 26))}. Item number ${i}</h3><div><b>Notes</b></div>`);
      parts.push(`<p>${'Lorem ipsum dolor sit amet, consectetur adipiscing elit. '.repeat(10)}</p>`);
      parts.push(
        `<p>Output document: <a href="https://docs.google.com/document/d/${id}/edit">doc ${i}</a>. Comments by 7 September.</p>`,
      );
    }
    const doc = new DOMParser().parseFromString(`<p>Held on 1 September 2020.</p>${parts.join('')}`, 'text/html');
    const r = scanDocument(doc, { url: 'https://x.org/', workstreams: [] });
    expect(r.candidates).toHaveLength(400);
    expect(r.candidates.every((c) => c.deadline === '2020-09-07')).toBe(true);
  });
});
