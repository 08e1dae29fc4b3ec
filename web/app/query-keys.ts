/** Root query keys shared by features, so a write in one screen refreshes the lists of another. */
export const SESSION_KEY = ['session'] as const;
