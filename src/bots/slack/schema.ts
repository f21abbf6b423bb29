// The Slack installation tables live with the rest of the schema, so migrations create them.
export { slackEnterpriseTeams, slackInstallations } from '../../db/schema.js';
