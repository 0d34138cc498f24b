/** The longest revocation reason kept (the form's maxLength and the server's check); browser-safe. */
export const REVOKE_REASON_MAX = 500
