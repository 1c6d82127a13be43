/** On a Google document's own page (tests/e2e/journeys/google-page.ts) in Firefox. */
import { googlePageJourney } from '../journeys/google-page';
import { startFirefox } from '../support/firefox';

googlePageJourney(startFirefox);
