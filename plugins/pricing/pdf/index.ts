/** The quote PDF: `renderQuotePdf` and the formats it prints with. */
export { renderQuotePdf, type QuotePdfCustomer, type QuotePdfInput, type QuotePdfSeller } from './render.ts';
export { formatAmount, formatDate, formatMoney, formatMilli, formatPercent, formatQuantity, formatUnit, type Lang } from './format.ts';
export { winAnsi } from './text.ts';
