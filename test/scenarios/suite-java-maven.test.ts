import { validateEcosystem } from './suite.ts';

validateEcosystem('java-maven');
