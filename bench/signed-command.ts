import { createHmac } from 'node:crypto';

/**
 * A slash-command request exactly as Slack sends it: the form fields of a real command
 * (see test/fixtures/slack/boltpy_slash_command_body.txt), signed with the v0 scheme.
 */
export function signedSlashCommand(options: {
  text: string;
  channelId: string;
  userId: string;
  responseUrl: string;
  signingSecret: string;
  now?: number;
}): { body: string; headers: Record<string, string> } {
  const body = new URLSearchParams({
    token: 'verification_token',
    team_id: 'T0FAKETEAM',
    team_domain: 'bench',
    channel_id: options.channelId,
    channel_name: 'bench-board',
    user_id: options.userId,
    user_name: 'bench-user',
    command: '/lit',
    text: options.text,
    api_app_id: 'A0BENCH',
    response_url: options.responseUrl,
    trigger_id: '111.222.bench',
  }).toString();
  const timestamp = Math.floor((options.now ?? Date.now()) / 1000);
  const signature = createHmac('sha256', options.signingSecret)
    .update(`v0:${timestamp}:${body}`)
    .digest('hex');
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': `v0=${signature}`,
    },
  };
}
