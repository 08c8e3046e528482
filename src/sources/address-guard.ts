import type http from 'node:http';
import { BlockList, isIP } from 'node:net';
import { RequestFilteringHttpAgent, RequestFilteringHttpsAgent } from 'request-filtering-agent';

/** Loopback stays reachable only when `allowPrivateUrls` is set (tests, local fakes); every other private range never is. */
const LOOPBACK_CIDRS = ['127.0.0.0/8', '::1/128'];

/**
 * Literal IP hosts are refused before any socket opens, so the user gets a clear message;
 * names are checked by `request-filtering-agent` on the address DNS actually returned.
 * IPv4-mapped IPv6 literals (`[::ffff:10.0.0.1]`) need no rule of their own: Node's BlockList
 * checks them against the IPv4 rules, and a `::ffff:0:0/96` rule would refuse every IPv4 address.
 */
const BLOCKED = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 3],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv4');
}
for (const [network, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['64:ff9b::', 96],
  ['100::', 64],
  ['2001:db8::', 32],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const) {
  BLOCKED.addSubnet(network, prefix, 'ipv6');
}

const LOOPBACK = new BlockList();
LOOPBACK.addSubnet('127.0.0.0', 8, 'ipv4');
LOOPBACK.addAddress('::1', 'ipv6');

export type UrlProblem = 'protocol' | 'private-address' | 'invalid';

/** Why a URL may not be fetched, or undefined when it may. */
export function urlProblem(raw: string, allowPrivateUrls: boolean): UrlProblem | undefined {
  if (!URL.canParse(raw)) return 'invalid';
  const url = new URL(raw);
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return 'protocol';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const family = isIP(host);
  if (family === 0) return undefined;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (allowPrivateUrls && LOOPBACK.check(host, type)) return undefined;
  return BLOCKED.check(host, type) ? 'private-address' : undefined;
}

const agents = new Map<string, http.Agent>();

/** One filtering agent per (protocol, policy), reused so keep-alive sockets are shared. */
export function filteringAgent(url: URL, allowPrivateUrls: boolean): http.Agent {
  const key = `${url.protocol}${allowPrivateUrls}`;
  let agent = agents.get(key);
  if (!agent) {
    const options = { keepAlive: true, allowIPAddressList: allowPrivateUrls ? LOOPBACK_CIDRS : [] };
    agent =
      url.protocol === 'https:'
        ? new RequestFilteringHttpsAgent(options)
        : new RequestFilteringHttpAgent(options);
    agents.set(key, agent);
  }
  return agent;
}

/** The agent's refusal, recognisable in the error it raises at connect time. */
export function isAddressRefusal(error: unknown): boolean {
  return error instanceof Error && /is not allowed\. Because/.test(error.message);
}
