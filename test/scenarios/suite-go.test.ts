import { validateEcosystem } from './suite.ts';

validateEcosystem('go');
