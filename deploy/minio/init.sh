#!/bin/sh
# One-shot MinIO setup for docker-compose.yml, safe to run again: creates the bucket, and the
# API's access key with a policy limited to that bucket (the root credentials stay with the
# administrator). Uses only `mc` and shell built-ins: the mc image is minimal.
set -eu

tries=0
until mc alias set local http://minio:9000 "$MINIO_ROOT_USER" "$MINIO_ROOT_PASSWORD" >/dev/null 2>&1; do
  tries=$((tries + 1))
  if [ "$tries" -ge 60 ]; then echo "MinIO did not answer within 60 s" >&2; exit 1; fi
  sleep 1
done

mc mb --ignore-existing "local/$MINIO_BUCKET"

# What MinioStorage does: HEAD/list the bucket, put/get/stat/remove objects, multipart uploads.
printf '%s' '{
  "Version": "2012-10-17",
  "Statement": [
    { "Effect": "Allow",
      "Action": ["s3:GetBucketLocation", "s3:ListBucket", "s3:ListBucketMultipartUploads"],
      "Resource": ["arn:aws:s3:::'"$MINIO_BUCKET"'"] },
    { "Effect": "Allow",
      "Action": ["s3:GetObject", "s3:PutObject", "s3:DeleteObject", "s3:AbortMultipartUpload", "s3:ListMultipartUploadParts"],
      "Resource": ["arn:aws:s3:::'"$MINIO_BUCKET"'/*"] }
  ]
}' > /tmp/motcua-app-policy.json
mc admin policy create local motcua-app /tmp/motcua-app-policy.json
mc admin user add local "$MINIO_APP_ACCESS_KEY" "$MINIO_APP_SECRET_KEY"
# Fails when the policy is already attached (a re-run): that is the state we want.
mc admin policy attach local motcua-app --user "$MINIO_APP_ACCESS_KEY" || true
echo "MinIO ready: bucket $MINIO_BUCKET, access key $MINIO_APP_ACCESS_KEY"
