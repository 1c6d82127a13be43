/** The member's first journey (tests/e2e/journeys/docket.ts) in Chromium. */
import { docketJourney } from './journeys/docket';
import { startChromium } from './support/chromium';

docketJourney(startChromium);
