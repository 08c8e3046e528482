# syntax=docker/dockerfile:1
# Tumor Board Digest: `docker compose up` (compose.yaml) runs two replicas on Redis.

# --- build: compile TypeScript, then keep only runtime dependencies ---
FROM node:20-bookworm-slim AS build
WORKDIR /app
# sqlite3 builds from source when no prebuilt binary matches.
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY tsconfig.json tsconfig.build.json ./
COPY src ./src
RUN npm run build && npm prune --omit=dev

# --- runtime: node runs the compiled app as PID 1, as the unprivileged `node` user ---
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
COPY --from=build --chown=node:node /app/node_modules ./node_modules
COPY --from=build --chown=node:node /app/dist ./dist
COPY --chown=node:node package.json ./
COPY --chown=node:node prompts ./prompts
COPY --chown=node:node vocabulary ./vocabulary
RUN mkdir -p /data && chown node:node /data
USER node
EXPOSE 3000
VOLUME ["/data"]
# 503 when the store is unreachable or, in Socket Mode, the websocket to Slack is down.
HEALTHCHECK --interval=30s --timeout=5s --start-period=30s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
STOPSIGNAL SIGTERM
# Exactly what `npm start` runs; node itself is PID 1 and handles SIGTERM (no npm, no tsx).
CMD ["node", "dist/index.js"]
