/** The member's first journey (tests/e2e/journeys/docket.ts) in Firefox. */
import { docketJourney } from '../journeys/docket';
import { startFirefox } from '../support/firefox';

docketJourney(startFirefox);
