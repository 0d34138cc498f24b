/** The name of the form field that carries the CSRF token (shared by <CsrfInput /> and requireCsrf). */
export const CSRF_FIELD = 'csrf'
