/** A delete of more than a screenful (tests/e2e/journeys/delete-many.ts) in Chromium. */
import { deleteManyJourney } from './journeys/delete-many';
import { startChromium } from './support/chromium';

deleteManyJourney(startChromium);
