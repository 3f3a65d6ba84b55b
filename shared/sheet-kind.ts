import * as z from 'zod';

/** The three kinds of table officers keep (SPEC section 3). */
export const SheetKind = z.enum(['households', 'beneficiaries', 'progress']);
export type SheetKind = z.infer<typeof SheetKind>;
