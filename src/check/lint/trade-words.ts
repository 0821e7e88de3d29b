/**
 * Words of the engineering trade, spelt as ladders spell them, that Hunspell's English
 * dictionaries lack. They are known words as the configuration's `words:` are, so that the
 * spelling rule flags typos, not the vocabulary of the field.
 */
export const TRADE_WORDS = `
api apis architecting aspirational async backend backends centric charismatically coachability
codebase codebases comms config configs crypto curation debuggability deployable dev devops devs
dogfooding eg failover failovers frontend frontends hackathon hackathons handoff handoffs hotfix
hotfixes ideate ideates ideation idempotency idempotent impactful integrations iteratively
javascript kanban learnings lifecycle lifecycles linter linters linting memoization mentee mentees
microservice microservices monorepo monorepos mortem mortems observability offboarding onboarding
onboards oncall operationalize performant postmortem postmortems rebase rebasing refactorings repo
reportee reportees repos reusability roadmap roadmapping roadmaps runbook runbooks scalability
scalable schemas screencast screencasts serverless standup standups stateful stateless
territorialism testability timebox timeboxed timeboxing toolchain toolchains toolset toolsets
tradeoff tradeoffs triages triaging typescript unscoped uplevel upleveling uplevelling upskill
upskilling uptime
`
  .trim()
  .split(/\s+/);
