import { findPhi } from './src/privacy/index.js';
const t = 'Allan Björk\nScale Unlimited\nUnit 5022 Box 1225\nDPO AE 44085';
console.log(findPhi(t).map((s) => [s.kind, t.slice(s.start, s.end)]));
