/** A delete of more than a screenful (tests/e2e/journeys/delete-many.ts) in Firefox. */
import { deleteManyJourney } from '../journeys/delete-many';
import { startFirefox } from '../support/firefox';

deleteManyJourney(startFirefox);
