import { validateEcosystem } from './suite.ts';

validateEcosystem('node');
