/** A passport's serial and batch numbers: the database stores an absent one as '' (so that its unique index covers it). */
export interface OptionalIdentifiers {
  serialNumber: string | null;
  batchNumber: string | null;
}

/** The serial and batch numbers as hashed, exported and shown by the API: null when absent, never ''. */
export function optionalIdentifiers(passport: OptionalIdentifiers): OptionalIdentifiers {
  return { serialNumber: passport.serialNumber || null, batchNumber: passport.batchNumber || null };
}
