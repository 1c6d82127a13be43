/** Scan this page on the seed minutes (tests/e2e/journeys/scan.ts) in Firefox. */
import { scanJourney } from '../journeys/scan';
import { startFirefox } from '../support/firefox';

scanJourney(startFirefox);
