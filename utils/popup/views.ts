/** The popup's views, in the order of their tabs (components/popup/ViewTabs.tsx; drawn early by utils/popup/first-screen.ts). */
export type ViewId = 'documents' | 'upcoming' | 'scan' | 'workstreams' | 'import-export' | 'sites';

/** `more`: read by screen readers after the label ("Scan" → "Scan this page"). */
export const VIEWS: ReadonlyArray<{ id: ViewId; label: string; more?: string }> = [
  { id: 'documents', label: 'Documents' },
  { id: 'upcoming', label: 'Upcoming' },
  { id: 'scan', label: 'Scan', more: ' this page' },
  { id: 'workstreams', label: 'Workstreams' },
  { id: 'import-export', label: 'Import / export' },
  { id: 'sites', label: 'Sites' },
];

export const tabId = (view: ViewId) => `view-tab-${view}`;
export const panelId = (view: ViewId) => `view-panel-${view}`;
