export { createHttpClient, HttpError, TimeoutError } from './client';
export type { HttpClient, HttpClientOptions, RequestOptions, RetryPolicy } from './client';
export { fetchTransport } from './transport';
export type { Transport, TransportRequest, TransportResponse } from './transport';
/** @deprecated import from './legacy' only while migrating; removed in 3.0.0. */
export { HttpClient as LegacyHttpClient } from './legacy';
