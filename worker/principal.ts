/** Who is calling, from the bearer token. `tokenId` is null for the ADMIN_TOKEN secret. */
export type Principal =
  | { role: 'admin'; tokenId: string | null; label: string }
  | { role: 'district'; tokenId: string; label: string; regionId: string }
  | { role: 'commune'; tokenId: string; label: string; communeId: string };
