// Every unit test reads Docket's words in English: WXT's fake browser has no i18n.getMessage.
import en from '@/public/_locales/en/messages.json';
import { messagesOf, setFallbackMessages } from '@/utils/shared/i18n';

setFallbackMessages(messagesOf(en));
