/** PII masking (개인정보 마스킹) in the ticket view. */
export default {
  mask: 'Mask',
  masked: 'Masked — the original is kept encrypted',
  showOriginal: 'Show original',
  hideOriginal: 'Hide original',
};
