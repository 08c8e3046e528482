import type Keyv from 'keyv';
import type { ChannelProfile } from '../types.js';
import { Namespace } from './namespace.js';

/** Channel profiles plus the explicit list of channel ids (the scheduler iterates it). */
export class ChannelStore {
  private readonly profiles: Namespace<ChannelProfile>;
  private readonly index: Namespace<string[]>;

  constructor(keyv: Keyv) {
    this.profiles = new Namespace(keyv, 'channel');
    this.index = new Namespace(keyv, 'channel-index');
  }

  get(channelId: string): Promise<ChannelProfile | undefined> {
    return this.profiles.get(channelId);
  }

  async put(profile: ChannelProfile): Promise<void> {
    await this.profiles.set(profile.channelId, profile);
    const ids = await this.ids();
    if (!ids.includes(profile.channelId)) await this.index.set('all', [...ids, profile.channelId]);
  }

  async remove(channelId: string): Promise<void> {
    await this.profiles.delete(channelId);
    await this.index.set(
      'all',
      (await this.ids()).filter((id) => id !== channelId),
    );
  }

  async ids(): Promise<string[]> {
    return (await this.index.get('all')) ?? [];
  }

  async all(): Promise<ChannelProfile[]> {
    const profiles = await this.profiles.getMany(await this.ids());
    return profiles.filter((profile): profile is ChannelProfile => profile !== undefined);
  }
}
