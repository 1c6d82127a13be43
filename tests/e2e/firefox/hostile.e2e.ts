/** Docket on hostile pages (tests/e2e/journeys/hostile.ts) in Firefox. */
import { hostileJourney } from '../journeys/hostile';
import { startFirefox } from '../support/firefox';

hostileJourney(startFirefox);
