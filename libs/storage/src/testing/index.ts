/** Test-only entry (`@motcua/storage/testing`): a real S3-protocol server (s3rver) on loopback for integration tests. */
export { type RunningS3rver, S3RVER_ACCESS_KEY, S3RVER_SECRET_KEY, s3rverConfig, startS3rver } from './s3rver-harness';
