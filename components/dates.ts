import { formatDate } from '../utils/shared/urgency';

const cache = new Map<string, string>();

/** formatDate, remembered per day: a list of hundreds of rows shares a few hundred dates (and Intl is slow to set up). */
export function dayText(isoDate: string): string {
  let text = cache.get(isoDate);
  if (text === undefined) {
    text = formatDate(isoDate);
    if (cache.size > 5_000) cache.clear();
    cache.set(isoDate, text);
  }
  return text;
}
