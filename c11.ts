import { findNames } from './src/privacy/names.js';
import { lexicon } from './src/privacy/lexicon.js';
import { classifyWord } from './src/privacy/word-class.js';
console.log(findNames('Allan Björk\nScale Unlimited'), findNames('Allan Björk'), findNames('Allan Björk\nfoo'));
console.log(classifyWord('Björk', undefined, '\nS', lexicon()), classifyWord('Allan', 'Björk', ' B', lexicon()));
