export * from './billing/periods';
export * from './billing/proration';
export * from './billing/schedule';
export { revenueByMonth } from './reports/revenue-report';
