import { nameLikeness } from './src/privacy/name-shape.js';
import { findNames } from './src/privacy/names.js';
console.log(['vitoria','nyberg','leone','mazzi','olga','krylova','patricia','desrosiers'].map(w=>w+':'+nameLikeness(w).toFixed(2)).join(' '));
console.log(findNames('a better crafted pop song on this list? vitoria and Shane M Culp were'));
