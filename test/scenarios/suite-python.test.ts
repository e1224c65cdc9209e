import { validateEcosystem } from './suite.ts';

validateEcosystem('python');
