import type { Transport } from '../libs/http-client/src/transport';
import { createInventoryClient } from './clients/inventory';
import { createPricingClient } from './clients/pricing';
import { createShippingClient } from './clients/shipping';
import { loadConfig, type GatewayConfig } from './config';
import { FulfillmentGateway } from './gateway';

export { FulfillmentGateway } from './gateway';
export { UpstreamError } from './errors';
export { loadConfig } from './config';

export function createGateway(config: GatewayConfig = loadConfig(), transport?: Transport): FulfillmentGateway {
  const deps = { serviceName: config.serviceName, transport };
  return new FulfillmentGateway(
    createInventoryClient(config.inventory, deps),
    createPricingClient(config.pricing, deps),
    createShippingClient(config.shipping, deps),
  );
}
