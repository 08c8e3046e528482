import nock from 'nock';

// Tests never reach the internet; loopback fakes (Slack, OpenAI, NCBI, Redis) stay allowed.
nock.disableNetConnect();
nock.enableNetConnect(/^(127\.0\.0\.1|localhost|\[::1\])(:\d+)?$/);
process.env.LOG_LEVEL ??= 'silent';
