// Thresholds the page shows as well as the computations use: a leaf module, so the renderer
// can import them without the statistics code.

/** Fewer weekly pairs than this and no correlation is computed. */
export const MIN_PAIRS = 8;

/** Fewer usable weeks than this and the headline model is not fitted. */
export const HEADLINE_MIN_WEEKS = 12;
