import { lexicon } from './src/privacy/lexicon.js';
import { classifyWord } from './src/privacy/word-class.js';
import { findNames } from './src/privacy/names.js';
const l = lexicon();
for (const [w,n] of [['Jamie',''],['Pratt',''],['Spears','is'],['Key',''],['Bryan','Maclean'],["Maclean's",'killers'],['Miki','C'],['Kristiansen','as'],['Allan','Björk'],['Björk','']]) console.log(w, classifyWord(w, n||undefined, ' x', l), l.cities.has(w.toLowerCase()));
for (const t of ['Jamie Pratt\n\nTalking-books clerk','Mr. Spears is a 61 year old man','Her maiden name is Key','I want to add Miki C Kristiansen as a beneficiary']) console.log(JSON.stringify(findNames(t)));
