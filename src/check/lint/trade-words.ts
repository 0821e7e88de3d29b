/**
 * Words of the engineering trade, spelt as ladders spell them, that Hunspell's English
 * dictionaries lack. They are known words as the configuration's `words:` are, so that the
 * spelling rule flags typos, not the vocabulary of the field.
 */
export const TRADE_WORDS = `
aspirational async backend backends charismatically coachability codebase codebases comms curation
debuggability deployable dev devops devs dogfooding failover failovers frontend frontends hackathon
hackathons handoff handoffs hotfix hotfixes ideate ideates ideation impactful integrations
iteratively kanban learnings linter linters linting mentee mentees microservice microservices monorepo
monorepos mortem mortems observability offboarding onboarding onboards oncall operationalize
performant postmortem postmortems refactorings repo repos roadmap roadmapping roadmaps runbook
runbooks screencast screencasts serverless standup standups territorialism testability timebox
timeboxed timeboxing toolchain toolchains toolset toolsets tradeoff tradeoffs triages triaging
unscoped uplevel upleveling uplevelling upskill upskilling uptime
`
  .trim()
  .split(/\s+/);
