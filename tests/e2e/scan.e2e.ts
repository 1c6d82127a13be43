/** Scan this page on the seed minutes (tests/e2e/journeys/scan.ts) in Chromium. */
import { scanJourney } from './journeys/scan';
import { startChromium } from './support/chromium';

scanJourney(startChromium);
