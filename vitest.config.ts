import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Integration tests start real servers (fake Slack, Discord, OpenAI, redis-server) on loopback.
    testTimeout: 20_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Tests must never read a developer's real .env.
    env: { SERVICE_COACH_SKIP_DOTENV: '1' },
  },
});
