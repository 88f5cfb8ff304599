export * from './evaluate.js';
export { compileRegex, holds, keywordNeedle, matches, senderMatches } from './match.js';
export * from './types.js';
export { MAX_REGEX_LENGTH, validateRule, type RuleProblem, type RuleValidation } from './validate.js';
