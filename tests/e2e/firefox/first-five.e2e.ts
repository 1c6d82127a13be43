/** Issue 25, the first five minutes (tests/e2e/journeys/first-five.ts) in Firefox. */
import { firstFiveJourney } from '../journeys/first-five';
import { startFirefox } from '../support/firefox';

firstFiveJourney(startFirefox);
