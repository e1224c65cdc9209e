import { validateEcosystem } from './suite.ts';

validateEcosystem('rust');
