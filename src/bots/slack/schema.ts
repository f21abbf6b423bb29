// The Slack installations table lives with the rest of the schema, so migrations create it.
export { slackInstallations } from '../../db/schema.js';
