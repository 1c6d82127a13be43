/** A pipermail list archive (tests/e2e/journeys/archive.ts) in Chromium. */
import { archiveJourney } from './journeys/archive';
import { startChromium } from './support/chromium';

archiveJourney(startChromium);
