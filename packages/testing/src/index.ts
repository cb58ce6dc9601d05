export { freePort } from './free-port.js';
export { curatedSpecPath, type PrismServer, type StartPrismOptions, startPrism } from './prism.js';
