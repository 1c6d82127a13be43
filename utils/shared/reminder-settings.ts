/** The member's reminder settings, kept in `storage.local` (`reminderSettingsItem`, storage-items.ts): read by the background, set in the popup. */
export interface ReminderSettings {
  enabled: boolean;
  /** Days before the deadline (0 = on the day). */
  daysBefore: number;
}

export const DEFAULT_REMINDERS: ReminderSettings = { enabled: false, daysBefore: 2 };
