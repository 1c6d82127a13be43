/** A pipermail list archive (tests/e2e/journeys/archive.ts) in Firefox. */
import { archiveJourney } from '../journeys/archive';
import { startFirefox } from '../support/firefox';

archiveJourney(startFirefox);
