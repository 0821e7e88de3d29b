/**
 * Words of the engineering trade, spelt as ladders spell them, that Hunspell's English
 * dictionaries lack. They are known words as the configuration's `words:` are, so that the
 * spelling rule flags typos, not the vocabulary of the field.
 */
export const TRADE_WORDS = `
async backend backends codebase codebases debuggability deployable devops dogfooding frontend frontends
hotfix hotfixes iteratively kanban learnings linter linters linting mentee mentees microservice
microservices monorepo monorepos observability offboarding onboarding oncall repo repos roadmap
roadmapping roadmaps runbook runbooks serverless standup standups testability timebox timeboxed
timeboxing toolchain toolchains toolset toolsets tradeoff tradeoffs triaging uplevel upleveling
uplevelling upskill upskilling
`
  .trim()
  .split(/\s+/);
