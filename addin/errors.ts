import type { FailureCode } from './ui/strings.ts';

/** A failure of the pane itself: data (a code and facts), turned into text only by the button wrapper. */
export class AddinError extends Error {
  constructor(
    readonly code: FailureCode,
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'AddinError';
  }
}

/** The code of an office-js error (OfficeExtension.Error carries `code`), or null. */
export function officeErrorCode(e: unknown): string | null {
  if (typeof e === 'object' && e !== null && 'code' in e && typeof (e as { code: unknown }).code === 'string') {
    return (e as { code: string }).code;
  }
  return null;
}

/** Excel on the web refuses a request or response over 5 MB with one of these codes. */
export function isPayloadLimitError(e: unknown): boolean {
  const code = officeErrorCode(e);
  return code === 'RequestPayloadSizeLimitExceeded' || code === 'ResponsePayloadSizeLimitExceeded';
}

/** Which failure text a thrown value gets. */
export function failureCodeOf(e: unknown): FailureCode {
  if (e instanceof AddinError) return e.code;
  if (isPayloadLimitError(e)) return 'payloadTooLarge';
  switch (officeErrorCode(e)) {
    case 'InvalidOperationInCellEditMode':
      return 'cellEditMode';
    case 'AccessDenied':
      return 'accessDenied';
    case 'ApiNotFound':
      return 'excelOld';
    case 'ItemNotFound':
      return 'sheetMissing';
    default:
      return 'unknown';
  }
}
