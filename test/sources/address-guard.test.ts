import { describe, expect, it } from 'vitest';
import { urlProblem } from '../../src/sources/address-guard.js';

describe('urlProblem (literal addresses)', () => {
  it.each([
    'http://8.8.8.8/rss',
    'https://1.1.1.1/feed.xml',
    'https://93.184.216.34/',
    'http://172.32.0.1/',
    'http://[2606:4700:4700::1111]/rss',
    'https://pubmed.ncbi.nlm.nih.gov/rss/search/1/',
  ])('lets the public address %s through', (url) => {
    expect(urlProblem(url, false)).toBeUndefined();
  });

  it.each([
    ['"this" network', 'http://0.0.0.1/'],
    ['private 10/8', 'http://10.1.2.3/'],
    ['carrier-grade NAT', 'http://100.64.0.1/'],
    ['loopback', 'http://127.0.0.1:8080/'],
    ['link-local (cloud metadata)', 'http://169.254.169.254/latest/meta-data/'],
    ['private 172.16/12, low end', 'http://172.16.0.1/'],
    ['private 172.16/12, high end', 'http://172.31.255.255/'],
    ['IETF protocol assignments', 'http://192.0.0.8/'],
    ['documentation TEST-NET-1', 'http://192.0.2.1/'],
    ['private 192.168/16', 'http://192.168.1.1/'],
    ['benchmarking', 'http://198.18.0.1/'],
    ['documentation TEST-NET-2', 'http://198.51.100.7/'],
    ['documentation TEST-NET-3', 'http://203.0.113.9/'],
    ['multicast', 'http://224.0.0.251/'],
    ['reserved', 'http://240.0.0.1/'],
    ['broadcast', 'http://255.255.255.255/'],
    ['IPv6 unspecified', 'http://[::]/'],
    ['IPv6 loopback', 'http://[::1]/'],
    ['IPv4-mapped private', 'http://[::ffff:10.0.0.1]/'],
    ['IPv4-mapped metadata', 'http://[::ffff:169.254.169.254]/'],
    ['NAT64 prefix', 'http://[64:ff9b::a00:1]/'],
    ['IPv6 unique local', 'http://[fd12:3456::1]/'],
    ['IPv6 link-local', 'http://[fe80::1]/'],
    ['IPv6 multicast', 'http://[ff02::1]/'],
  ])('refuses %s (%s)', (_range, url) => {
    expect(urlProblem(url, false)).toBe('private-address');
  });

  it('allows only loopback when private URLs are allowed for tests and local fakes', () => {
    expect(urlProblem('http://127.0.0.1:3000/feed', true)).toBeUndefined();
    expect(urlProblem('http://[::1]:3000/feed', true)).toBeUndefined();
    expect(urlProblem('http://10.0.0.1/feed', true)).toBe('private-address');
    expect(urlProblem('http://169.254.169.254/', true)).toBe('private-address');
  });

  it('refuses other protocols and says when a URL is not one', () => {
    expect(urlProblem('file:///etc/passwd', false)).toBe('protocol');
    expect(urlProblem('not a url', false)).toBe('invalid');
  });
});
