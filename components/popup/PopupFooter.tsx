import { useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import { t } from '@/utils/shared/i18n';
import { currentVersion, dismissWhatsNew, pendingWhatsNew, type WhatsNew } from '@/utils/shared/whats-new';
import { useFirstPaintDone } from '@/hooks/useFirstPaintDone';

/** The popup's footer: the privacy policy and the version, drawn after the first screen (which it is not part of). */
export function PopupFooter() {
  const painted = useFirstPaintDone();
  if (!painted) return null;
  const openPrivacy = () => void browser.tabs.create({ url: browser.runtime.getURL('/privacy.html') });
  return (
    <footer className="app-footer">
      <a
        href="/privacy.html"
        onClick={(e) => {
          e.preventDefault();
          openPrivacy();
        }}
      >
        {t('footer_privacy')}
      </a>
      <span aria-hidden="true"> · </span>
      <span>{t('footer_version', { version: currentVersion() })}</span>
    </footer>
  );
}

/**
 * After an update, once: what changed in this version (CHANGELOG.md's notes, loaded only then), until the
 * member dismisses it.
 */
export function WhatsNewNotice() {
  const [note, setNote] = useState<{ update: WhatsNew; lines: string[] } | null>(null);
  useEffect(() => {
    let live = true;
    void (async () => {
      const update = await pendingWhatsNew();
      if (!update) return;
      const [{ default: changelog }, { whatsNewLines }] = await Promise.all([
        import('@/CHANGELOG.md?raw'),
        import('@/utils/popup/changelog'),
      ]);
      if (live) setNote({ update, lines: whatsNewLines(changelog, update.to) });
    })().catch(console.error);
    return () => {
      live = false;
    };
  }, []);
  if (!note) return null;
  return (
    <section className="whats-new" aria-labelledby="whats-new-title">
      <h2 id="whats-new-title">{t('whats_new_title', { version: note.update.to })}</h2>
      {note.lines.length > 0 && (
        <ul>
          {note.lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      )}
      <button
        type="button"
        onClick={() => {
          setNote(null);
          void dismissWhatsNew().catch(console.error);
        }}
      >
        {t('whats_new_dismiss')}
      </button>
    </section>
  );
}
