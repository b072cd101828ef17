// Component tests render synchronously: both catalogs are there from the start (the app
// loads them lazily, see i18n/i18n.tsx).
import { en } from '../i18n/en';
import { registerCatalog } from '../i18n/i18n';
import { zhHans } from '../i18n/zh-Hans';

registerCatalog('en', en);
registerCatalog('zh-Hans', zhHans);
