const TAB_SUFFIX = /\s+[-–—]\s+Google\s+(Docs|Sheets|Slides|Forms|Drive|Drawings)\s*$/i;

/** A tab's title without Google's " - Google Docs" (Sheets, Slides, Forms, Drive, Drawings) suffix. */
export function titleFromTab(title: string | undefined | null): string {
  if (!title) return '';
  return title.replace(TAB_SUFFIX, '').trim();
}
