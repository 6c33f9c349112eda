# syntax=docker/dockerfile:1
#
# One image for every motcua process (docker-compose.yml, docs/deploy.md):
#   node dist/apps/api/src/main.js           the API and the web application (default)
#   node dist/apps/api/src/main.js migrate   pending migrations, once per upgrade, then exits
#   node dist/apps/worker/src/main.js        the outbox worker
# Build: docker build -t motcua .

ARG NODE_IMAGE=node:20-bookworm-slim

# better-sqlite3 and argon2 ship prebuilt binaries; when none fits, npm compiles them with these.
FROM ${NODE_IMAGE} AS toolchain
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
WORKDIR /app

FROM toolchain AS build
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npm run build

# Production dependencies only, built on the same base (glibc, Node ABI) as the runtime stage.
FROM toolchain AS prod-deps
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE} AS runtime
ENV NODE_ENV=production \
    HOST=0.0.0.0 \
    PORT=3000 \
    DATA_DIR=/data
WORKDIR /app
# Code and data files stay owned by root: the service user can read them, not change them.
# package.json marks the root that config/ (holidays, catalogue, trust anchors) is found from.
COPY package.json ./
COPY --from=prod-deps /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY config ./config
COPY deploy/healthcheck.js ./deploy/healthcheck.js
RUN mkdir -p /data && chown node:node /data
USER node
# SQLite file, generated secrets and local files when PostgreSQL/MinIO are not configured.
VOLUME ["/data"]
EXPOSE 3000
# Liveness only: a MinIO outage must not get healthy API containers restarted (readiness is /api/health/ready).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=3 CMD ["node", "deploy/healthcheck.js"]
# Exec form: node is PID 1 and receives SIGTERM itself (through `npm start` or a shell it would not).
CMD ["node", "dist/apps/api/src/main.js"]
