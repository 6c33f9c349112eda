// Docker HEALTHCHECK of the API container: liveness (GET /api/health on $PORT), exit 0 or 1.
// `node deploy/healthcheck.js ready`: readiness instead (GET /api/health/ready), what an upgrade
// waits for before it replaces the next instance (docs/deploy.md, "Upgrades").
// Plain Node: the slim base image has no curl or wget.
'use strict';
const { get } = require('node:http');

const req = get({ host: '127.0.0.1', port: process.env.PORT || 3000, path: process.argv[2] === 'ready' ? '/api/health/ready' : '/api/health', timeout: 4000 }, (res) => {
  res.resume();
  process.exit(res.statusCode === 200 ? 0 : 1);
});
req.on('timeout', () => req.destroy(new Error('timeout')));
req.on('error', () => process.exit(1));
