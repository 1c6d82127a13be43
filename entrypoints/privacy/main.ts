// The privacy policy in the member's language (the one chosen in Docket, else the browser's), again on a change.
import { startLanguage } from '@/utils/popup/language';
import { drawPrivacy } from '@/utils/popup/privacy-page';

startLanguage(() => drawPrivacy(document));
drawPrivacy(document);
