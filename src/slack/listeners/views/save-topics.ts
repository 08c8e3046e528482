import type { AllMiddlewareArgs, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { formatTopic, parseTopic, sameTopic } from '../../../digest/profile.js';
import { userMessageOf } from '../../../errors.js';
import type { Topic } from '../../../types.js';
import { MODALS } from '../../blocks/modals.js';
import { assertCanConfigure, changeProfile } from '../../channel-config.js';
import type { SlackDeps } from '../../deps.js';
import { publishHome } from '../../home-channels.js';
import { parseModalTarget } from './modal-target.js';

/** Topics modal submitted: every line must parse, else the modal shows which one is wrong. */
export function saveTopics(deps: SlackDeps) {
  return async ({
    ack,
    body,
    view,
    client,
  }: AllMiddlewareArgs & SlackViewMiddlewareArgs<ViewSubmitAction>) => {
    const target = parseModalTarget(view.private_metadata);
    const ids = MODALS.topics;
    const raw = view.state.values[ids.block]?.[ids.input]?.value ?? '';
    if (!target) return ack();
    const topics: Topic[] = [];
    for (const line of raw.split('\n').filter((text) => text.trim())) {
      try {
        const topic = parseTopic(line);
        if (!topics.some((existing) => sameTopic(existing, topic))) topics.push(topic);
      } catch (error) {
        return ack({
          response_action: 'errors',
          errors: { [ids.block]: `"${line.trim()}": ${userMessageOf(error)}` },
        });
      }
    }
    const actor = { deps, client, userId: body.user.id, ...target };
    try {
      await assertCanConfigure(actor);
    } catch (error) {
      return ack({ response_action: 'errors', errors: { [ids.block]: userMessageOf(error) } });
    }
    await ack();
    try {
      await changeProfile(actor, `topics set ${topics.map(formatTopic).join(' | ')}`, (profile) => ({
        ...profile,
        topics,
      }));
      await publishHome(deps, client, body.user.id);
    } catch (error) {
      deps.logger.error({ err: error, channel: target.channelId }, 'could not save topics from the modal');
    }
  };
}
