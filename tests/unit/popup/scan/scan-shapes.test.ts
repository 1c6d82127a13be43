// @vitest-environment happy-dom
/**
 * Issue 14: the scanner on the shapes real minutes take, each case cut from a real page of
 * ../shared/minutes-corpus (named in the case; the words are the page's own), with negatives:
 * which item a document stands under, which dates are deadlines, which date belongs to which
 * document. The whole corpus is scored by `npm run eval:capture`; these pin each rule.
 */
import { describe, expect, it } from 'vitest';
import { sentenceDeadline } from '@/utils/popup/scan/deadlines';
import { inlineExportStyles } from '@/utils/popup/scan/gdoc';
import { headingRole, itemName } from '@/utils/popup/scan/headings';
import { scanDocument } from '@/utils/popup/scan/scan';

const A = '1SuJHaCr89Ih6TFvAIH2WM5M4_MlXwM8mqHynUBuungE';
const B = '1W2Xfw9i5pSA-0XbIw3a4kcW2o4PByxDbjcnWe9mlQwA';
const C = '1-4rcy7GVcb-Qjq_fvRu7Z5i5RxHPiGJtGaDkZxnolds';
const doc = (id: string, text = 'link') => `<a href="https://docs.google.com/document/d/${id}/edit">${text}</a>`;

function scan(html: string, title = '', url = 'https://example.org/minutes') {
  const d = new DOMParser().parseFromString(`<title>${title}</title>${html}`, 'text/html');
  return scanDocument(d, { url, workstreams: [], today: '2031-01-01' });
}
function byId(html: string, title = '') {
  return new Map(scan(html, title).candidates.map((c) => [c.id, c]));
}

describe('structure: the item a document stands under', () => {
  it.each([
    [
      'a container heading (h2) holds numbered items as bullets; discussion nests below (JupyterHub team meeting 2018-04-26)',
      `<h2>News, Information, and Thanks</h2><ul><li>5.2 BinderHub projects<ul><li>JZF will publish GH related data from binder</li></ul></li>
       <li>5.3 JupyterHub projects<ul><li>We should have another round of improvements to the JupyterHub-related white papers!<ul>
       <li>${doc(C, 'Education stack')}</li></ul></li></ul></li></ul>`,
      '5.3 JupyterHub projects',
    ],
    [
      'bold numbered items; a container h3 ("Non-verbal updates") whose bullet is the item (Carpentries EC 2019-09-16)',
      `<h3>Minutes Carpentries Executive Council meeting September 16, 2019</h3>
       <p><strong>19/59 Vision discussion</strong></p><ul><li>We need to get a final decision about the vision made</li></ul>
       <h3>Non-verbal updates</h3><ul><li>Monthly report from Task Force on Sponsorships (Raniere)<ul><li>Notes available ${doc(C, 'here')}</li></ul></li></ul>`,
      'Monthly report from Task Force on Sponsorships (Raniere)',
    ],
    [
      'agenda bullets under "Agenda:" with a time box and the presenter’s tag (OpenSSF TAC 2023-04-04)',
      `<p>Agenda:</p><ul><li>(<em>10 min max</em>): [Isaac Hepworth] Update from **Supply Chain Integrity WG **<ul>
       <li>Draft ${doc(C, 'Vision Doc')}</li><li>SLSA <ul><li>1.0 RC2 coming</li></ul></li></ul></li></ul>`,
      'Update from Supply Chain Integrity WG',
    ],
    [
      'the agenda bullet is the link itself (OpenSSF TAC 2023-04-04)',
      `<p>Agenda:</p><ul><li>[Jonathan Leitschuh] - ${doc(C, 'Proposal: Open Source Security Foundation Vulnerability Disclosure Policy')}<ul>
       <li>Please review by tomorrow 11am ET.</li></ul></li></ul>`,
      'Proposal: Open Source Security Foundation Vulnerability Disclosure Policy',
    ],
    [
      'a container bullet with a duration ("TAC Update on Groups - _10 min _MAX each") (OpenSSF TAC 2023-05-30)',
      `<h3>Agenda:</h3><ul><li>TAC Update on Groups - _10 min _MAX each (provide template ahead as pre-read)<ul>
       <li>BEST WG Update (CRob)<ul><li>BEST WG May 2023 ${doc(C, 'update')}</li></ul></li></ul></li></ul>`,
      'BEST WG Update (CRob)',
    ],
    [
      'scribe notes: session titles are plain lines the page’s agenda names; per-person lines roll up (W3C WoT 2025-11-13)',
      `<h2>Agenda:</h2><pre><code>09:15-10:15: PlugFest Summary (all)\n\n13:45-15:00: Thing Description (Ege / Michael)\n</code></pre>
       <h2>Minutes:</h2><p>Plugfest Summary</p><p>Josh Findings</p><p>Josh: It went pretty well.</p><p>Piotr Findings</p>
       <p>Piotr: I will share a recap.</p><p>Slides: ${doc(C, 'https://docs.google.com/document/d/x')}</p>`,
      'Plugfest Summary',
    ],
    [
      'a session title in brackets (W3C WebExtensions CG TPAC 2023-09-12)',
      `<h2>Meeting notes</h2><p>(Declarative Net Request – Oliver)</p><p>[oliver] So the safe rules proposal is basically working.</p>
       <p>Slides: ${doc(C, 'slides')}</p>`,
      'Declarative Net Request – Oliver',
    ],
    [
      'a mail in <pre>: numbered agenda items with lettered sub-items that roll up (ICANN WS2 SO/AC subgroup 2017-02-23)',
      `<pre>Agenda:\n\n2. Any Updates: (3 min CLO )\n\n\n3. Discussion,  current DRAFT documentations  readings and review.  (45 min FB/SdB) \n\n` +
        `a) Data Capture documentation of input materials from SOAC's - (10-15min FB) \n\nYou can find the document at ` +
        `https://docs.google.com/document/d/${C}/edit#\n</pre>`,
      '3. Discussion, current DRAFT documentations readings and review.',
    ],
    [
      'a wiki page whose only heading is its marked title; the table’s header row is no item (ICANN EPDP wiki)',
      `<h1>f. Draft Initial Report</h1><table><tr><th>When</th><th>What</th></tr>
       <tr><td>Wednesday 7 November (at the latest)</td><td>Submit comments / edits by using this google doc:${doc(C, `https://docs.google.com/document/d/${C}/edit`)}</td></tr></table>`,
      'f. Draft Initial Report',
    ],
    [
      'a plain "Item:" line above a data table whose row holds the link (Open Mainframe TAC 2021-04-08)',
      `<h2>Notes</h2><p>Mentorship Project Update:</p><ul><li>Mentee Applications have closed.</li></ul>
       <table><tr><td><strong>OMP Mentorship Project Areas</strong></td><td><strong>Applicants</strong></td></tr>
       <tr><td>Zowe</td><td>18</td></tr><tr><td>Link to Mentorship Applicants by Project:</td><td>${doc(C, 'folder')}</td></tr></table>`,
      'Mentorship Project Update',
    ],
    [
      'a one-line agenda names the item a later paragraph continues (OpenSSF Vulnerability Disclosures WG 2021-04-19)',
      `<p>Agenda: Ensure the meeting is recorded! New group members intros! Vulnerability disclosures whitepaper (#88)</p><p>Notes</p>
       <p>Welcome any new members</p><p>-Continued discussion Vulnerability disclosures whitepaper (#88) -- gdoc strawman - ${doc(C, `https://docs.google.com/document/d/${C}/edit`)}#</p>`,
      'Vulnerability disclosures whitepaper (#88)',
    ],
    [
      'on a page laid out with heading tags, a scribe’s short line ("Back to slides") stays inside the item (WebAssembly CG 2020-02)',
      `<h3>Proposals and discussions</h3><h3>Bulk Memory Operations</h3><p>Presenter: Ben Smith (${doc(C, 'Slides')})</p>
       <p>Back to slides</p><p>More discussion.</p><h3>Reference Types</h3><h3>Exception Handling</h3><h3>Multi-value</h3><h3>Garbage Collection</h3>`,
      'Bulk Memory Operations',
    ],
    // Negatives: generic sections propose none rather than a wrong one.
    [
      'task-list links under "Action items" only (OpenSSF Vulnerability Disclosures WG 2020-11-30)',
      `<h1>Agenda</h1><h2>Action items</h2><ul><li>Security Researchers - Nicole - Use cases ${doc(C, `https://docs.google.com/document/d/${C}/edit`)}</li></ul>`,
      undefined,
    ],
    [
      'a link under "Logistics" (W3C FedID CG 2022-03-14)',
      `<h1>14/15 March 2022 (Pacific)</h1><h2>Logistics</h2><ul><li>Minutes will be taken in ${doc(C, 'this Google Docs document')}.</li></ul>`,
      undefined,
    ],
    [
      'a template’s "Suggestions" after the conclusions (Kubernetes 2017 summit session notes)',
      `<h3>Conclusions</h3><h4>Key Takeaways / Analysis of Situation</h4><p>Text.</p><h4>Suggestions</h4><ul><li>Use the document outline</li></ul>
       <p>${doc(C, 'Link to original doc')}</p>`,
      undefined,
    ],
    [
      'attendees’ names in <pre> are no items (W3C WoT 2025-11-13)',
      `<h2>Attendees</h2><pre><code>Kaz Ashimura\n\nDaniel Peintner\n</code></pre><p>${doc(C, 'the notes')}</p>`,
      undefined,
    ],
  ])('%s', (_name, html, workstream) => {
    // The group's own short name ("TAC") comes from the page title, as on GitHub's file view.
    expect(byId(html, 'minutes/2023-05-30.md at main · ossf/tac · GitHub').get(C)?.workstreamName).toBe(workstream);
  });

  it('a Google Docs export: bold written as a class style reads as bold (headings of the items)', () => {
    const d = new DOMParser().parseFromString(
      `<html><head><style>.c1{font-weight:700}</style><title>Notes</title></head><body>
       <p><span class="c1">Community Group Draft Report</span></p><p><span>Text ${doc(C, 'draft')} here.</span></p></body></html>`,
      'text/html',
    );
    inlineExportStyles(d);
    expect(
      scanDocument(d, { url: 'https://docs.google.com/document/d/x/edit', workstreams: [] }).candidates[0]?.workstreamName,
    ).toBe('Community Group Draft Report');
  });

  it.each([
    [
      '2 May - [CRob] Jessica Marz (Intel) to present proposal “Secure Software Covenant” (the latter is the new name)',
      'Jessica Marz (Intel) to present proposal “Secure Software Covenant”',
    ],
    ['2 May - [Jonathan L] [VOTE] Adopt the following two policies: [link]:', '[VOTE] Adopt the following two policies'],
    ['(~9:40) Storage Access API Graduation (20m) (slides)', 'Storage Access API Graduation'],
    ['TAC Issue 175 - AI/ML WG Proposal- Nigel Brown - 15min', 'TAC Issue 175 - AI/ML WG Proposal- Nigel Brown'],
    ['19/54 Review of note taking procedure', '19/54 Review of note taking procedure'],
  ])('item names as a secretary writes them: %j', (line, name) => {
    expect(itemName(line)).toBe(name);
  });

  it.each([
    ['News, Information, and Thanks', 'container'],
    ['Any Foundation/Staff Updates to provide (news, events, blogs, etc)', 'container'],
    ['Open discussion queue (add yourself at the bottom)', 'container'],
    ['Working group updates', 'container'],
    ['Attendance ((please **Mark your name in black if you are here,** or add-row)', 'reset'],
    ['Meeting recordings', 'reset'],
    ['Meeting Notes:', 'agenda'],
    ['Minutes Carpentries Executive Council meeting September 16, 2019', 'title'],
    ['20211207', 'title'],
    ['Smart Grid Plane', 'item'],
    ['BEST WG Update (CRob)', 'item'],
  ])('heading roles: %j → %s', (text, role) => {
    expect(headingRole(text)).toBe(role);
  });
});

describe('dates: deadline phrases read from the meeting’s date', () => {
  it.each([
    // [sentence (real), meeting date, deadline]
    ['Please review by tomorrow 11am ET.', '2023-04-04', '2023-04-05'], // OpenSSF TAC
    ["I'm writing position papers for NIST (due this Wednesday, TOMORROW).", '2021-05-25', '2021-05-26'], // OpenSSF Best Practices
    ['By end of TODAY, put your name in column H of any project who knows you.', '2021-12-07', '2021-12-07'],
    ['Blog post needs to happen this week to meet the time-line requirements for November.', '2019-10-21', '2019-10-25'], // Carpentries
    ['Deadline for completion is our next meeting on October 21, 2019', '2019-09-16', '2019-10-21'],
    ['All applicants need to be interviewed and rated before May 15th.', '2021-04-08', '2021-05-15'], // Open Mainframe
    ['Please submit comments by end of Thursday.', '2023-07-11', '2023-07-13'], // OpenSSF TAC (a PR's deadline: tied at the document level)
    ['Comments on the draft are due by end of next week.', '2019-10-21', '2019-11-01'],
    ['Edits by EOW, please.', '2019-10-21', '2019-10-25'],
    ['Comments are welcome within 10 days.', '2020-08-27', '2020-09-06'],
    ['Send your input by Wed, 6 December COB.', '2023-11-28', '2023-12-06'],
    ['Feedback by next Tuesday, August 19, please.', '2025-08-12', '2025-08-19'],
    // Not deadlines:
    ['The next meeting is the regular one in two days: Thursday, September 28th, 8 AM PDT (3 PM UTC).', '2023-09-12', undefined],
    ['The next meeting of the LF Energy TAC is scheduled for 6 December 2022.', '2022-11-15', undefined],
    [
      'The Charter meeting with the experts will be on SUNDAY 9TH MAY , the day before the IGF open consultations in Geneva.',
      '2010-03-04',
      undefined,
    ],
    ['Discussion took place on 2019-09-02', '2019-09-16', undefined],
    ['Sent: 04 February 2010 09:50', '2010-03-04', undefined],
  ])('%j (meeting %s) → %s', (sentence, ref, deadline) => {
    expect(sentenceDeadline(sentence, ref)?.date).toBe(deadline);
  });

  it('"by the next meeting" takes the date the page gives that meeting', () => {
    expect(
      sentenceDeadline('Please send comments on the draft by the next meeting.', '2022-11-15', { nextMeeting: '2022-12-06' })
        ?.date,
    ).toBe('2022-12-06');
    expect(sentenceDeadline('Please send comments on the draft by the next meeting.', '2022-11-15')).toBeUndefined();
  });
});

describe('which date belongs to which document', () => {
  it('a sibling bullet gives the sheet its deadline; a bullet about tokens gives none (OpenSSF Best Practices 2021-12-07)', () => {
    const m = byId(
      `<h1>20211207</h1><p>Great MFA Distribution Project</p><ul>
       <li>Which projects to distribute to? The WG has developed a list of ~100 critical OSS projects here: ${doc(A, `https://docs.google.com/document/d/${A}/edit`)}</li>
       <li>CRITICAL ISSUE: MUST distribute Google tokens by the end of December, as their coupon codes expire then.</li>
       <li>Notifiers: Please let us know which projects know you<ul>
       <li>Editable copy of crit project list, put your notifier name in column H, ${doc(B, `https://docs.google.com/document/d/${B}/edit`)}</li>
       <li>By end of TODAY, put your name in column H of any project who knows you. After that, we’ll assign the rest.</li>
       <li>Tomorrow+, please start sending invitations.</li></ul></li></ul>`,
    );
    expect(m.get(A)?.deadline).toBeUndefined();
    expect(m.get(B)).toMatchObject({
      deadline: '2021-12-07',
      deadlineSentence: 'By end of TODAY, put your name in column H of any project who knows you.',
    });
  });

  it('two documents in one item: the sentence that names one is its alone (Carpentries EC 2019-10-21)', () => {
    const m = byId(
      `<h3>Minutes Carpentries Executive Council meeting October 21, 2019</h3><h4><strong>19/60  Election activities for October</strong></h4><ul>
       <li><p>see ${doc(A, 'Election Policy')} for what needs to be done this month</p></li>
       <li><p>Blog post needs to happen this week to meet the time-line requirements for November.</p></li>
       <li><p>${doc(B, 'Draft blog post')}</p></li>
       <li><p>We need dates set aside for everything. Nominations should close Nov 26, then recordings and such created between then and Dec 3.</p></li></ul>`,
    );
    expect(m.get(A)?.deadline).toBeUndefined();
    expect(m.get(B)?.deadline).toBe('2019-10-25');
  });

  it('a struck-through, superseded document has no deadline (OpenSSF TAC 2020-12-15)', () => {
    const m = byId(
      `<h1><strong>2020-12-15 Meeting</strong></h1><h2>Agenda</h2><ul><li>OpenSSF Technical Vision<ul>
       <li><del>Draft (${doc(A, 'Google Document')})</del> (superseded by PR)</li><li>Next Steps:<ul><li>Electronic Vote - due by January 8</li></ul></li></ul></li></ul>`,
    );
    expect(m.get(A)).toMatchObject({ workstreamName: 'OpenSSF Technical Vision' });
    expect(m.get(A)?.deadline).toBeUndefined();
  });

  it('a table row’s "When" cell dates the document in its "What" cell (ICANN EPDP wiki)', () => {
    const m = byId(
      `<h1>f. Draft Initial Report</h1><p>Hereby the approach - Draft - Initial Report - 1 November 2018.pdf.</p>
       <table><tr><th>When</th><th>What</th></tr><tr><td>Tuesday 6 November</td><td>Put forward list of outstanding issues</td></tr>
       <tr><td>Wednesday 7 November (at the latest)</td><td>Submit specific substantive comments / edits. Submit these by using this google doc:${doc(A, `https://docs.google.com/document/d/${A}/edit`)}</td></tr></table>`,
    );
    expect(m.get(A)).toMatchObject({ deadline: '2018-11-07', deadlineSentence: 'Wednesday 7 November (at the latest)' });
  });

  it('a date before the meeting, or another item’s, is no deadline', () => {
    const m = byId(
      `<p>The meeting was held on 24 September 2020.</p><h2>A. First item</h2><p>Output document: ${doc(A, 'draft')}</p>
       <p>Comments were due by 10 September.</p><h2>B. Second item</h2><p>Comments on the other paper by 1 October.</p>`,
    );
    expect(m.get(A)?.deadline).toBeUndefined();
  });
});
