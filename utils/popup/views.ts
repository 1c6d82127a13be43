import { t, type MessageKey } from '../shared/i18n';
/** The popup's views, in the order of their tabs (components/popup/ViewTabs.tsx; drawn early by utils/popup/first-screen.ts). */
export type ViewId = 'documents' | 'upcoming' | 'scan' | 'workstreams' | 'import-export' | 'sites';

/** `more`: read by screen readers after the label ("Scan" → "Scan this page"). */
const view = (id: ViewId, label: MessageKey, more?: MessageKey) => ({
  id,
  get label() {
    return t(label);
  },
  get more() {
    return more && t(more);
  },
});
export const VIEWS: ReadonlyArray<{ id: ViewId; readonly label: string; readonly more?: string }> = [
  view('documents', 'view_documents'),
  view('upcoming', 'view_upcoming'),
  view('scan', 'view_scan', 'view_scan_more'),
  view('workstreams', 'view_workstreams'),
  view('import-export', 'view_import_export'),
  view('sites', 'view_sites'),
];

export const tabId = (view: ViewId) => `view-tab-${view}`;
export const panelId = (view: ViewId) => `view-panel-${view}`;
