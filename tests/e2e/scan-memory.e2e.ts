/** Scan remembers a correction and proposes it on the next minutes (tests/e2e/journeys/scan-memory.ts), in Chromium. */
import { scanMemoryJourney } from './journeys/scan-memory';
import { startChromium } from './support/chromium';

scanMemoryJourney(startChromium);
