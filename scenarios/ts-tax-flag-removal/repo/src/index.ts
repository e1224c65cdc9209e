export { quoteCart, type Cart, type Quote } from './checkout/quote';
export { buildInvoice, renderInvoiceText, type Invoice, type Order } from './invoices/invoice';
export { exportCsv, reissueInvoice } from './reports/historical-export';
export { createFlagClient, type FlagClient } from './flags/client';
export { loadFlagRules } from './flags/load';
